package quorumsim.pbft;

import java.util.BitSet;
import quorumsim.core.Context;
import quorumsim.core.Invariant;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;

/**
 * OSDI'99's invariants, checked where the replica's own state must keep them; a broken one
 * stops the run naming the node, its time and the seed ({@link Invariant}).
 */
final class PaperInvariants {
    private PaperInvariants() {
    }

    /** Section 4.2: the primary assigns n with h < n <= H = h + L, above what it has executed. */
    static void assignsWithinWaterMarks(Context ctx, long lowWaterMark, long lastExecuted, long seq, int logWindow) {
        Invariant.check(lowWaterMark < seq && seq <= lowWaterMark + logWindow, ctx,
                "the primary assigns n = " + seq + " outside h = " + lowWaterMark + " < n <= H = " + (lowWaterMark + logWindow));
        Invariant.check(lastExecuted < seq, ctx, "the primary assigns n = " + seq + " at or below the last executed " + lastExecuted);
    }

    /** Section 4.2: requests execute in sequence-number order, above h. */
    static void executesInOrder(Context ctx, long lowWaterMark, long lastExecuted, long seq) {
        Invariant.check(seq == lastExecuted + 1, ctx, "executes " + seq + " after " + lastExecuted
                + ": sequence numbers must execute in order");
        Invariant.check(lowWaterMark < seq, ctx, "executes " + seq + " at or below h = " + lowWaterMark);
    }

    /**
     * prepared(m, v, n, i): the pre-prepare and {@code needed} (2f) prepares that match it in
     * view, sequence number and digest, from different backups (never the primary).
     */
    static void preparedCertificate(Context ctx, PreparedProof proof, int primary, int needed) {
        PrePrepare pp = proof.prePrepare();
        BitSet backups = new BitSet();
        for (Prepare p : proof.prepares()) {
            Invariant.check(p.view() == pp.view() && p.seq() == pp.seq() && p.digest() == pp.digest(), ctx,
                    "a prepared certificate for n = " + pp.seq() + " holds a prepare that does not match its pre-prepare");
            Invariant.check(p.replica() != primary && !backups.get(p.replica()), ctx,
                    "a prepared certificate for n = " + pp.seq() + " counts replica " + p.replica() + " twice or counts the primary");
            backups.set(p.replica());
        }
        Invariant.check(backups.cardinality() >= needed, ctx, "a prepared certificate for n = " + pp.seq() + " has "
                + backups.cardinality() + " prepares from distinct backups, fewer than 2f = " + needed);
    }

    /** Section 4.4: a replica's view only grows. */
    static void viewGrows(Context ctx, long view, long next) {
        Invariant.check(next >= view, ctx, "the view goes back from " + view + " to " + next);
    }
}
