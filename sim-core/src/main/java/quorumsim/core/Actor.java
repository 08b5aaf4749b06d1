package quorumsim.core;

/**
 * A simulated process, sans-I/O: it reacts to its start, messages, timers and disk
 * completions, and acts only through the {@link Context} it is given. No threads, no wall
 * clock, no static mutable state.
 */
public interface Actor {
    void onStart(Context ctx);

    void onMessage(Context ctx, int from, Message message);

    void onTimer(Context ctx, Object timer);

    /** A write handed to {@link Context#persist} is on stable storage. */
    default void onPersisted(Context ctx, Object token) {
        throw new IllegalStateException(getClass().getSimpleName() + " persisted " + token + " but has no onPersisted");
    }

    /**
     * The connection to {@code peer} ended: the peer's process crashed (a reset), or it closed
     * its end (a FIN), or a message met a reset (a restarted or closed peer), or a connect to it
     * was refused or failed because the link is still cut. A cut alone says nothing: a protocol
     * notices silence by its own timeouts. Only on a network with connections (see
     * {@link Simulation#useConnections}); messages sent to {@code peer} on the ended connection
     * were lost.
     */
    default void onConnectionLost(Context ctx, int peer) {
    }

    /**
     * The fault timeline switched a Byzantine behaviour on or off for this node. Protocols
     * fill this hook in by wrapping their honest actor; an actor without behaviours refuses.
     */
    default void onBehaviour(Context ctx, String behaviour, boolean enabled) {
        throw new IllegalArgumentException(getClass().getSimpleName() + " has no Byzantine behaviour '" + behaviour + "'");
    }
}
