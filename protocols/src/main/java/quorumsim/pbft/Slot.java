package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;

/** One sequence number in a replica's log: its pre-prepare, prepares and commits, in the current view. */
final class Slot {
    final long seq;
    PrePrepare prePrepare;
    final TreeMap<Integer, Prepare> prepares = new TreeMap<>();
    final TreeMap<Integer, Commit> commits = new TreeMap<>();
    boolean commitSent;
    boolean committed;
    /** The prepared certificate of the highest view in which this slot prepared here (for VIEW-CHANGE's P). */
    PreparedProof proof;

    Slot(long seq) {
        this.seq = seq;
    }

    /** The prepares that match the pre-prepare (view and digest) from backups other than {@code primary}. */
    List<Prepare> matchingPrepares(int primary) {
        List<Prepare> matching = new ArrayList<>();
        if (prePrepare == null) {
            return matching;
        }
        for (Prepare p : prepares.values()) {
            if (p.view() == prePrepare.view() && p.digest() == prePrepare.digest() && p.replica() != primary) {
                matching.add(p);
            }
        }
        return matching;
    }

    /** How many of {@link #matchingPrepares} there are, without building the list. */
    int countMatchingPrepares(int primary) {
        int count = 0;
        if (prePrepare == null) {
            return 0;
        }
        for (Prepare p : prepares.values()) {
            if (p.view() == prePrepare.view() && p.digest() == prePrepare.digest() && p.replica() != primary) {
                count++;
            }
        }
        return count;
    }

    int matchingCommits() {
        int count = 0;
        for (Commit c : commits.values()) {
            if (prePrepare != null && c.view() == prePrepare.view() && c.digest() == prePrepare.digest()) {
                count++;
            }
        }
        return count;
    }

    /**
     * Accepts a pre-prepare (a new one in this view, or one a new view re-issued): agreement on
     * it starts afresh. Prepares and commits that arrived first are kept; only those matching
     * its view and digest count.
     */
    void accept(PrePrepare pp) {
        prePrepare = pp;
        commitSent = false;
        committed = false;
    }
}
