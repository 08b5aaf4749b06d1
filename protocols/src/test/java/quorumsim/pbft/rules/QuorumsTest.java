package quorumsim.pbft.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.Quorums;

/** OSDI'99 section 4: every certificate's size, from the quorum (2f+1 by default) and f. */
class QuorumsTest {
    @Test
    void withTheDefaultQuorumOfTwoFPlusOne() {
        Quorums q = Quorums.of(PbftConfig.defaults().toBuilder().tolerating(2).build());
        assertEquals(7, q.n());
        assertEquals(5, q.quorum());
        assertEquals(4, q.prepares(), "prepared: 2f prepares besides the pre-prepare");
        assertEquals(5, q.commits(), "committed-local: 2f+1 commits");
        assertEquals(5, q.checkpoint(), "a stable checkpoint: 2f+1");
        assertEquals(5, q.viewChanges(), "NEW-VIEW: 2f+1 view changes");
        assertEquals(3, q.weak(), "f+1: one of them is correct");
        assertEquals(5, q.strongReplies());
    }

    @Test
    void anExperimentalQuorumChangesEveryStrongCertificateButNotTheWeakOne() {
        Quorums q = new Quorums(10, 1, 6);
        assertEquals(5, q.prepares());
        assertEquals(6, q.commits());
        assertEquals(6, q.checkpoint());
        assertEquals(6, q.viewChanges());
        assertEquals(6, q.strongReplies());
        assertEquals(2, q.weak());
    }

    @Test
    void thePrimaryOfViewVIsVModN() {
        Quorums q = new Quorums(4, 1, 3);
        assertEquals(0, q.primary(0));
        assertEquals(3, q.primary(3));
        assertEquals(1, q.primary(5));
        assertEquals(2, q.primary(4L * Integer.MAX_VALUE + 2), "views beyond int range");
    }
}
