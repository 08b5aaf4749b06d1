package quorumsim.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An actor's handlers, one per kind of a sealed message interface. Java 17 has no pattern
 * {@code switch}, so the compiler cannot see an {@code instanceof} ladder miss a kind; this
 * table checks it when it is built instead: every record the sealed interface permits
 * (through sealed sub-interfaces too) must have a handler or be declared not for this actor,
 * or building the table throws, naming the kind. A kind declared not for this actor, or any
 * other type, fails loudly when it arrives. Lookups are by exact class (no iteration).
 *
 * @param <A> the actor whose handlers these are
 */
public final class Dispatch<A> {
    /** One kind's handler. */
    @FunctionalInterface
    public interface Handler<A, M> {
        void handle(A actor, Context ctx, int from, M message);
    }

    private final String actorName;
    private final Map<Class<?>, Handler<A, Object>> handlers;

    private Dispatch(String actorName, Map<Class<?>, Handler<A, Object>> handlers) {
        this.actorName = actorName;
        this.handlers = handlers;
    }

    /** Starts the table of {@code actorName}'s handlers for the kinds {@code sealedType} permits. */
    public static <A> Builder<A> over(Class<?> sealedType, String actorName) {
        return new Builder<>(sealedType, actorName);
    }

    /**
     * The loud end of a ladder over something not sealed (timers, disk tokens): names the
     * actor, the node, its time and the unexpected value's type.
     */
    public static IllegalStateException unhandled(Context ctx, String actorName, String what, Object value) {
        return new IllegalStateException(actorName + " " + ctx.self() + " got a " + what + " it does not handle at "
                + ctx.trueTimeNanos() + " ns: " + (value == null ? "null" : value.getClass().getSimpleName()));
    }

    /** Hands {@code message} to its kind's handler; a kind with none fails loudly. */
    public void dispatch(A actor, Context ctx, int from, Object message) {
        Handler<A, Object> handler = handlers.get(message.getClass());
        if (handler == null) {
            throw unhandled(ctx, actorName, "message from " + from, message);
        }
        handler.handle(actor, ctx, from, message);
    }

    /** Builds a {@link Dispatch}; {@link #build} checks that no permitted kind was forgotten. */
    public static final class Builder<A> {
        private final Class<?> sealedType;
        private final String actorName;
        private final Map<Class<?>, Handler<A, Object>> handlers = new HashMap<>();
        private final List<Class<?>> notForThisActor = new ArrayList<>();

        private Builder(Class<?> sealedType, String actorName) {
            if (!sealedType.isSealed()) {
                throw new IllegalArgumentException(sealedType.getName() + " is not sealed: its kinds cannot be listed");
            }
            this.sealedType = sealedType;
            this.actorName = actorName;
        }

        @SuppressWarnings("unchecked")
        public <M> Builder<A> on(Class<M> kind, Handler<A, ? super M> handler) {
            if (handlers.put(kind, (Handler<A, Object>) handler) != null) {
                throw new IllegalArgumentException(actorName + " has two handlers for " + kind.getSimpleName());
            }
            return this;
        }

        /** Kinds this actor never receives (another role's messages): one arriving fails loudly. */
        public Builder<A> notForThisActor(Class<?>... kinds) {
            notForThisActor.addAll(List.of(kinds));
            return this;
        }

        public Dispatch<A> build() {
            List<String> forgotten = new ArrayList<>();
            collectForgotten(sealedType, forgotten);
            if (!forgotten.isEmpty()) {
                throw new IllegalStateException(actorName + " handles no " + String.join(", ", forgotten) + " of "
                        + sealedType.getSimpleName() + ": add a handler or list it as not for this actor");
            }
            return new Dispatch<>(actorName, Map.copyOf(handlers));
        }

        private void collectForgotten(Class<?> type, List<String> forgotten) {
            for (Class<?> kind : type.getPermittedSubclasses()) {
                if (kind.isSealed() && kind.isInterface()) {
                    collectForgotten(kind, forgotten);
                } else if (!handlers.containsKey(kind) && !notForThisActor.contains(kind)) {
                    forgotten.add(kind.getSimpleName());
                }
            }
        }
    }
}
