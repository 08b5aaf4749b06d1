package quorumsim.core;

import java.util.random.RandomGenerator;

/**
 * Everything an actor may do. The engine implements it; protocol code sees nothing else of
 * the world. Sends leave when the handler's CPU work is done; timers run on the node's own
 * clock.
 */
public interface Context {
    /** This node's id. */
    int self();

    /** The node's local clock, in nanoseconds: virtual time with this node's offset and drift. */
    long now();

    /**
     * The simulator's global time in nanoseconds, for measurement only (latencies, client
     * histories that checkers read). Protocol decisions use {@link #now()}.
     */
    long trueTimeNanos();

    void send(int to, Message message);

    /** Sends the same message to each node in {@code to}, one serialization per receiver. */
    default void multicast(int[] to, Message message) {
        for (int node : to) {
            if (node != self()) {
                send(node, message);
            }
        }
    }

    /**
     * Closes this node's connection to {@code peer} when the handler's sends leave (after the
     * ones it made before): what it kept for the peer across a cut is dropped, nothing in
     * flight on it is delivered, and the peer learns as TCP would (see
     * {@link quorumsim.net.Connections}). A protocol calls it when its own timeout gives up on
     * a peer. On datagrams there is nothing to close.
     */
    default void closeConnection(int peer) {
    }

    /** Fires {@code timer} after {@code delayNanos} of this node's clock. */
    TimerId setTimer(long delayNanos, Object timer);

    void cancelTimer(TimerId id);

    /** This node's own random stream, split from the run's seed. */
    RandomGenerator random();

    /** Adds CPU work to the handler now running (on top of the cost model's per-message cost). */
    void chargeCpu(long nanos);

    /** Writes {@code bytes} to the node's log disk; {@link Actor#onPersisted} follows the fsync. */
    default void persist(int bytes, Object token) {
        persist(quorumsim.disk.DiskDevice.LOG, bytes, token);
    }

    /** Writes {@code bytes} to one of the node's devices ({@link quorumsim.disk.DiskDevice} says what each costs); {@link Actor#onPersisted} follows. */
    void persist(quorumsim.disk.DiskDevice device, int bytes, Object token);

    /** Signs {@code content} as this node; charges the cost model's signing cost. */
    Signature sign(Object content, Signature.Kind kind);

    /** Checks that {@code signature} is {@code signer}'s over {@code content}; charges verification. */
    boolean verify(Signature signature, int signer, Object content);

    /** Records a protocol event (an execution, a commit, a client's call or answer) for checkers. */
    void observe(Object event);

    /** The run's metrics: latencies, completions, counters. */
    quorumsim.metrics.Metrics metrics();

    /** This node's stable storage, which survives crashes. */
    StableStore store();
}
