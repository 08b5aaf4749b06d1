package quorumsim.transcript;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import quorumsim.core.Signature;
import quorumsim.core.TimerId;

/**
 * What only the engine may make: signatures and timer handles. A transcript's context stands
 * in for the engine, so it reaches their package-private constructors here, and only here,
 * the way {@code NodeContext} does: a signature is made for the signing node's own identity,
 * and verifies when signer and content (by value) match.
 */
final class EngineHandles {
    private static final Constructor<Signature> SIGNATURE;
    private static final Method MATCHES;
    private static final Constructor<TimerId> TIMER_ID;
    private static final Field CANCELLED;

    static {
        try {
            SIGNATURE = Signature.class.getDeclaredConstructor(int.class, Object.class, Signature.Kind.class);
            SIGNATURE.setAccessible(true);
            MATCHES = Signature.class.getDeclaredMethod("matches", int.class, Object.class);
            MATCHES.setAccessible(true);
            TIMER_ID = TimerId.class.getDeclaredConstructor(Object.class);
            TIMER_ID.setAccessible(true);
            CANCELLED = TimerId.class.getDeclaredField("cancelled");
            CANCELLED.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private EngineHandles() {
    }

    static Signature sign(int signer, Object content, Signature.Kind kind) {
        try {
            return SIGNATURE.newInstance(signer, content, kind);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean verify(Signature signature, int signer, Object content) {
        if (signature == null) {
            return false;
        }
        try {
            return (boolean) MATCHES.invoke(signature, signer, content);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static TimerId timerId(Object timer) {
        try {
            return TIMER_ID.newInstance(timer);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static void cancel(TimerId id) {
        try {
            CANCELLED.setBoolean(id, true);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
