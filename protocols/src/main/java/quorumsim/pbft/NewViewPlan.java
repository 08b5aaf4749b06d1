package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.ViewChange;

/**
 * The O set of a NEW-VIEW, computed from the VIEW-CHANGEs in V (OSDI'99 section 4.4). The
 * new primary computes it to send; every backup recomputes it to check what was sent.
 * min-s is the latest stable checkpoint in V, max-s the highest prepared sequence number;
 * every n in (min-s, max-s] gets the request of the highest-view prepared certificate for
 * n, or the null request.
 *
 * @param minS            the latest stable checkpoint in V
 * @param checkpointProof its 2f+1 CHECKPOINT messages (empty for the initial state)
 * @param maxS            the highest prepared sequence number in V (min-s when none)
 * @param entries         what to re-issue, one per sequence number in (min-s, max-s]
 */
public record NewViewPlan(long minS, List<Checkpoint> checkpointProof, long maxS, List<Entry> entries) {

    /** The request batch (empty: the null request) re-issued at {@code seq}, with the primary's non-deterministic choice. */
    public record Entry(long seq, long digest, List<Request> batch, long timeNanos) {
        public Entry(long seq, long digest, List<Request> batch) {
            this(seq, digest, batch, 0);
        }
    }

    public static NewViewPlan compute(List<ViewChange> v) {
        long minS = 0;
        List<Checkpoint> proof = List.of();
        for (ViewChange vc : v) {
            if (vc.stableSeq() > minS) {
                minS = vc.stableSeq();
                proof = vc.checkpointProof();
            }
        }
        TreeMap<Long, PrePrepare> best = new TreeMap<>();
        for (ViewChange vc : v) {
            for (PreparedProof p : vc.prepared()) {
                PrePrepare pp = p.prePrepare();
                if (pp.seq() <= minS) {
                    continue;
                }
                PrePrepare known = best.get(pp.seq());
                if (known == null || pp.view() > known.view()) {
                    best.put(pp.seq(), pp);
                }
            }
        }
        long maxS = best.isEmpty() ? minS : Math.max(minS, best.lastKey());
        List<Entry> entries = new ArrayList<>();
        for (long seq = minS + 1; seq <= maxS; seq++) {
            PrePrepare pp = best.get(seq);
            List<Request> batch = pp == null ? List.of() : pp.batch();
            long timeNanos = pp == null ? 0 : pp.timeNanos();
            entries.add(new Entry(seq, PrePrepare.digestOf(batch, timeNanos), batch, timeNanos));
        }
        return new NewViewPlan(minS, proof, maxS, entries);
    }

    /** True when {@code prePrepares} are exactly this plan's, re-issued in {@code view} by {@code primary}. */
    public boolean matches(List<PrePrepare> prePrepares, long view, int primary) {
        if (prePrepares.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            PrePrepare pp = prePrepares.get(i);
            if (pp.view() != view || pp.seq() != e.seq() || pp.digest() != e.digest() || pp.replica() != primary
                    || !pp.batch().equals(e.batch()) || pp.timeNanos() != e.timeNanos()) {
                return false;
            }
        }
        return true;
    }
}
