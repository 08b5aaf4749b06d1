package quorumsim.pbft;

import java.util.List;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;

/**
 * One sequence number in a replica's log: its pre-prepare, prepares and commits, in the current
 * view. Prepares and commits are counted as they arrive against the pre-prepare ({@link Votes}),
 * so checking a certificate costs the same at any n.
 */
final class Slot {
    final long seq;
    PrePrepare prePrepare;
    /** The primary of the pre-prepare's view, whose prepares never count. */
    private int prePrepareSender = -1;
    final Votes<Prepare> prepares;
    final Votes<Commit> commits;
    boolean commitSent;
    boolean committed;
    /** The prepared certificate of the highest view in which this slot prepared here (for VIEW-CHANGE's P). */
    PreparedProof proof;

    Slot(long seq, int replicas) {
        this.seq = seq;
        this.prepares = new Votes<>(replicas);
        this.commits = new Votes<>(replicas);
    }

    /** The prepares that match the pre-prepare (view and digest) from backups other than {@code primary}, by replica id. */
    List<Prepare> matchingPrepares(int primary) {
        if (prePrepare == null) {
            return List.of();
        }
        requireCountedWithout(primary);
        return prepares.matchingVotes();
    }

    /** How many of {@link #matchingPrepares} there are, without building the list. */
    int countMatchingPrepares(int primary) {
        if (prePrepare == null) {
            return 0;
        }
        requireCountedWithout(primary);
        return prepares.matching();
    }

    /** Commits that match the pre-prepare (view and digest), own included. */
    int matchingCommits() {
        return prePrepare == null ? 0 : commits.matching();
    }

    /**
     * Accepts a pre-prepare (a new one in this view, or one a new view re-issued) from the
     * primary of its view: agreement on it starts afresh. Prepares and commits that arrived
     * first are kept; only those matching its view and digest count, prepares not from it.
     */
    void accept(PrePrepare pp) {
        prePrepare = pp;
        prePrepareSender = pp.replica();
        prepares.matchOnly(pp.view(), pp.digest(), pp.replica());
        commits.matchOnly(pp.view(), pp.digest(), -1);
        commitSent = false;
        committed = false;
    }

    private void requireCountedWithout(int primary) {
        if (primary != prePrepareSender) {
            throw new IllegalStateException("slot " + seq + " counts prepares without replica " + prePrepareSender
                    + ", the primary of view " + prePrepare.view() + ", but is asked to leave out " + primary);
        }
    }
}
