package quorumsim.pbft.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.pbft.NewViewPlan;

/**
 * OSDI'99 section 4.4, the O set: min-s is the latest stable checkpoint in V, max-s the highest
 * prepared sequence number; each n in (min-s, max-s] gets the request of the prepared
 * certificate with the highest view for n, or the null request.
 */
class NewViewPlanTest {
    private static final List<Request> NULL = List.of();

    private static List<Request> batch(String value) {
        return List.of(new Request(10, 0, 1, Operation.put("k", value), false, 64, null));
    }

    private static PreparedProof cert(long view, long seq, List<Request> batch) {
        return new PreparedProof(new PrePrepare(view, seq, PrePrepare.digestOf(batch), batch, (int) (view % 4), null), List.of());
    }

    private static ViewChange vc(int replica, long stableSeq, PreparedProof... prepared) {
        List<Checkpoint> proof = new ArrayList<>();
        for (int i = 0; stableSeq > 0 && i < 3; i++) {
            proof.add(new Checkpoint(stableSeq, 77 + stableSeq, i, null));
        }
        return new ViewChange(5, stableSeq, proof, List.of(prepared), replica, null);
    }

    @Test
    void withNothingPreparedAndNoCheckpointTheOSetIsEmpty() {
        NewViewPlan plan = NewViewPlan.compute(List.of(vc(1, 0), vc(2, 0), vc(3, 0)));
        assertEquals(0, plan.minS());
        assertEquals(0, plan.maxS());
        assertTrue(plan.entries().isEmpty());
        assertTrue(plan.checkpointProof().isEmpty());
    }

    @Test
    void minSIsTheLatestStableCheckpointInVWithItsProof() {
        ViewChange latest = vc(2, 256);
        NewViewPlan plan = NewViewPlan.compute(List.of(vc(1, 128), latest, vc(3, 0)));
        assertEquals(256, plan.minS());
        assertEquals(256, plan.maxS(), "nothing prepared above min-s: max-s is min-s");
        assertEquals(latest.checkpointProof(), plan.checkpointProof());
        assertTrue(plan.entries().isEmpty());
    }

    @Test
    void theCertificateWithTheHighestViewWinsWhateverTheOrderOfV() {
        List<Request> old = batch("old");
        List<Request> recent = batch("recent");
        ViewChange a = vc(1, 0, cert(1, 1, old));
        ViewChange b = vc(2, 0, cert(3, 1, recent));
        ViewChange c = vc(3, 0, cert(2, 1, old));
        for (List<ViewChange> v : List.of(List.of(a, b, c), List.of(b, a, c), List.of(c, a, b))) {
            NewViewPlan plan = NewViewPlan.compute(v);
            assertEquals(1, plan.entries().size());
            assertEquals(recent, plan.entries().get(0).batch(), "view 3's request, not an older view's, for " + v);
            assertEquals(PrePrepare.digestOf(recent), plan.entries().get(0).digest());
        }
    }

    @Test
    void gapsUpToMaxSGetTheNullRequestAndCertificatesAtOrBelowMinSAreDropped() {
        List<Request> at3 = batch("three");
        NewViewPlan plan = NewViewPlan.compute(List.of(vc(1, 1, cert(0, 1, batch("stale")), cert(0, 3, at3)), vc(2, 0), vc(3, 0)));
        assertEquals(1, plan.minS());
        assertEquals(3, plan.maxS());
        assertEquals(2, plan.entries().size(), "n = 2 and n = 3");
        assertEquals(new NewViewPlan.Entry(2, PrePrepare.digestOf(NULL), NULL), plan.entries().get(0));
        assertEquals(new NewViewPlan.Entry(3, PrePrepare.digestOf(at3), at3), plan.entries().get(1));
    }

    @Test
    void aBackupAcceptsExactlyThePrePreparesThePlanImplies() {
        List<Request> req = batch("x");
        NewViewPlan plan = NewViewPlan.compute(List.of(vc(1, 0, cert(0, 2, req)), vc(2, 0), vc(3, 0)));
        long nullDigest = PrePrepare.digestOf(NULL);
        long digest = PrePrepare.digestOf(req);
        List<PrePrepare> right = List.of(new PrePrepare(5, 1, nullDigest, NULL, 1, null), new PrePrepare(5, 2, digest, req, 1, null));
        assertTrue(plan.matches(right, 5, 1));

        assertFalse(plan.matches(right.subList(0, 1), 5, 1), "an entry missing");
        assertFalse(plan.matches(right, 6, 1), "re-issued in another view");
        assertFalse(plan.matches(right, 5, 2), "by another primary");
        assertFalse(plan.matches(List.of(right.get(0), new PrePrepare(5, 3, digest, req, 1, null)), 5, 1), "at another n");
        assertFalse(plan.matches(List.of(right.get(0), new PrePrepare(5, 2, nullDigest, req, 1, null)), 5, 1), "another digest");
        assertFalse(plan.matches(List.of(right.get(0), new PrePrepare(5, 2, digest, NULL, 1, null)), 5, 1), "another batch");
        assertFalse(plan.matches(List.of(new PrePrepare(5, 1, digest, req, 1, null), right.get(1)), 5, 1),
                "a request where the null request belongs");
    }
}
