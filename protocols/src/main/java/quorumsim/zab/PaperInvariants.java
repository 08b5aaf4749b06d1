package quorumsim.zab;

import quorumsim.core.Context;
import quorumsim.core.Invariant;

/**
 * Zab's invariants (Junqueira et al., DSN'11), checked where a server's own state must keep
 * them; a broken one stops the run naming the node, its time and the seed ({@link Invariant}).
 */
final class PaperInvariants {
    private PaperInvariants() {
    }

    /** Phase 1: a server's accepted epoch only grows. */
    static void acceptedEpochGrows(Context ctx, long accepted, long next) {
        Invariant.check(next >= accepted, ctx, "the accepted epoch goes back from " + accepted + " to " + next);
    }

    /**
     * Phase 3: the leader proposes zxids in order, in its own epoch, and never a zxid at or
     * below what it committed (a committed zxid is never proposed again with other contents).
     */
    static void proposesInOrder(Context ctx, long epoch, long lastZxid, long lastCommittedZxid, long zxid) {
        Invariant.check(Zxid.epoch(zxid) == epoch, ctx, "the leader of epoch " + epoch + " proposes " + Zxid.show(zxid));
        Invariant.check(zxid > lastCommittedZxid, ctx, "the leader proposes " + Zxid.show(zxid)
                + " again after committing up to " + Zxid.show(lastCommittedZxid));
        Invariant.check(zxid > lastZxid, ctx, "the leader proposes " + Zxid.show(zxid) + " after "
                + Zxid.show(lastZxid) + ": zxids must be proposed in order");
    }
}
