package quorumsim.core;

import java.util.ArrayList;
import quorumsim.trace.TraceDigest;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;

/**
 * What a run leaves behind as it goes: every traced step enters the digest, and, when someone
 * listens, becomes a {@link TraceEvent}; protocols' observations go to the observers.
 */
final class Tracer {
    private final Simulation sim;
    final TraceDigest digest = new TraceDigest();
    final ArrayList<TraceListener> traceListeners = new ArrayList<>();
    final ArrayList<ObservationListener> observers = new ArrayList<>();
    /** The class of the timer traced last, and its name: timers of one class often come in runs. */
    private Class<?> lastTimerClass;
    private String lastTimerType;
    private long lastTimerTypeHash;

    Tracer(Simulation sim) {
        this.sim = sim;
    }

    void observe(long timeNanos, int node, Object event) {
        for (ObservationListener listener : observers) {
            listener.onObservation(timeNanos, node, event);
        }
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(timeNanos, TraceKind.OBSERVE, node, -1, event.getClass().getSimpleName(), -1, 0, event.toString()));
        }
    }

    void trace(TraceKind kind, int node, int peer, Jobs.Delivery d, String detail) {
        trace(kind, node, peer, d.message, d.type, d.typeHash, d.sizeBytes, d.messageId, detail);
    }

    /** A message's trace line; its type name, hash and size are the ones read once when it was sent. */
    void trace(TraceKind kind, int node, int peer, Message message, String type, long typeHash, int sizeBytes,
               long messageId, String detail) {
        digest.add(kind.code(), sim.now, node, peer, typeHash, sizeBytes);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(sim.now, kind, node, peer, type, messageId, sizeBytes,
                    detail != null ? detail : message.toString()));
        }
    }

    void timer(int node, Object timer) {
        Class<?> timerClass = timer.getClass();
        if (timerClass != lastTimerClass) {
            lastTimerClass = timerClass;
            lastTimerType = timerClass.getSimpleName();
            lastTimerTypeHash = digest.typeHashCached(lastTimerType);
        }
        String type = lastTimerType;
        digest.add(TraceKind.TIMER.code(), sim.now, node, -1, lastTimerTypeHash, 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(sim.now, TraceKind.TIMER, node, -1, type, -1, 0, timer.toString()));
        }
    }

    void connectionLost(int node, int peer) {
        String type = "ConnectionLost";
        digest.add(TraceKind.CONNECTION_LOST.code(), sim.now, node, peer, digest.typeHashCached(type), 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(sim.now, TraceKind.CONNECTION_LOST, node, peer, type, -1, 0, "connection to " + sim.nodeName(peer) + " lost"));
        }
    }

    /** A step of a node's life or of the fault timeline (crash, recover, a fault's start or end). */
    void node(TraceKind kind, int node, String detail) {
        digest.add(kind.code(), sim.now, node, -1, digest.typeHashCached(detail), 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(sim.now, kind, node, -1, kind.name().toLowerCase(java.util.Locale.ROOT), -1, 0, detail));
        }
    }

    void emit(TraceEvent event) {
        boolean anyDone = false;
        for (TraceListener listener : traceListeners) {
            listener.onTrace(event);
            anyDone |= listener.isDone();
        }
        if (anyDone) {
            traceListeners.removeIf(TraceListener::isDone);
        }
    }
}
