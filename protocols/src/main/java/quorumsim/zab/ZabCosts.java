package quorumsim.zab;

/**
 * CPU time a ZooKeeper server spends, per thing it handles. The engine charges the per-message
 * and per-byte parts on every receive and send ({@link ZabCostModel}); the server charges the
 * work a message kind implies (serving a read, preparing a transaction, applying it) where it
 * does that work. Clients cost nothing: the paper spread 250 of them over 35 machines.
 *
 * @param receivePerMessageNanos a message taken off a socket: system call, deserialization
 * @param receivePerByteNanos    per byte received (copies, checksums)
 * @param sendPerMessageNanos    a message put on a socket
 * @param sendPerByteNanos       per byte sent
 * @param readNanos              a read served from the in-memory tree (lookup, stat, serialization)
 * @param requestNanos           a client write taken in by the server the client talks to
 * @param prepareNanos           the leader turning a request into an idempotent transaction
 * @param proposalNanos          a follower handling a PROPOSAL (log append bookkeeping)
 * @param ackNanos               the leader counting one ACK
 * @param commitNanos            a follower handling a COMMIT
 * @param applyNanos             applying a committed transaction to the tree and answering waiters
 * @param logWriteNanos          handing one transaction to the log (serialization, buffer copy)
 * @param handoffNanos           one request or commit handed from one request-processor thread to the next (a blocking-queue put and take, the wake-up)
 */
public record ZabCosts(long receivePerMessageNanos, double receivePerByteNanos, long sendPerMessageNanos,
                       double sendPerByteNanos, long readNanos, long requestNanos, long prepareNanos,
                       long proposalNanos, long ackNanos, long commitNanos, long applyNanos, long logWriteNanos,
                       long handoffNanos) {

    /** Nothing costs CPU: for protocol tests that care about order, not speed. */
    public static final ZabCosts FREE = new ZabCosts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * A 2.1 GHz Xeon core of 2008 running ZooKeeper 3.x on Java 6 (the paper's servers): a few
     * microseconds per socket message, a few nanoseconds per byte copied, tens of microseconds
     * for request processing that walks the pipeline's queues and serializes a 1 KB answer.
     */
    public static ZabCosts defaults() {
        return new ZabCosts(3_000, 4.0, 3_000, 4.0, 37_000, 20_000, 30_000, 8_000, 2_000, 4_000, 10_000, 6_000, 0);
    }
}
