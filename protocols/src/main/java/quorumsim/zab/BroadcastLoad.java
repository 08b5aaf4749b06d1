package quorumsim.zab;

import java.util.TreeMap;
import quorumsim.core.Context;

/**
 * The ZooKeeper paper's benchmark of the atomic broadcast alone (section 5.1): transactions
 * generated at the leader, with no clients and no request processing, so the only work is
 * Zab's (log each transaction, PROPOSAL to every follower, their ACKs, COMMIT). The leader keeps
 * {@code inFlight} of them waiting for their quorum and proposes the next as each commits; a
 * commit counts as one completed write, its latency from the proposal.
 */
final class BroadcastLoad {
    /** Every generated transaction sets the root's data (it always exists). */
    static final String PATH = "/";

    private final int inFlight;
    private final int sizeBytes;
    /** Generated transactions awaiting their commit: zxid -> true time of the proposal. */
    private final TreeMap<Long, Long> proposedTrueNanos = new TreeMap<>();
    private long generated;

    BroadcastLoad(int inFlight, int sizeBytes) {
        this.inFlight = inFlight;
        this.sizeBytes = sizeBytes;
    }

    /** A new leadership: what an earlier one of this server proposed is not its to count. */
    void restart() {
        proposedTrueNanos.clear();
    }

    /** Proposes until {@code inFlight} generated transactions await their quorum. */
    void fill(Context ctx, ZabServer server, LeaderRole leader) {
        while (proposedTrueNanos.size() < inFlight) {
            generated++;
            var txn = server.leading.prepared.prepareGenerated(PATH, sizeBytes, generated, server.self, leader.nextZxid());
            proposedTrueNanos.put(txn.zxid(), ctx.trueTimeNanos());
            leader.propose(ctx, txn);
        }
    }

    /** A transaction committed: if it was generated here, it is one more completed write. */
    void committed(Context ctx, long zxid) {
        Long proposed = proposedTrueNanos.remove(zxid);
        if (proposed != null) {
            ctx.metrics().completed("write", proposed, ctx.trueTimeNanos());
        }
    }
}
