package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;

/** Certificates counted as votes arrive give the counts a scan over every vote would give. */
class VotesTest {
    private static final long A = 0xA;
    private static final long B = 0xB;

    private static Prepare prepare(long view, long digest, int replica) {
        return new Prepare(view, 1, digest, replica, null);
    }

    private static PrePrepare prePrepare(long view, long digest, int primary) {
        return new PrePrepare(view, 1, digest, List.of(), primary, null);
    }

    @Test
    void preparesThatArrivedBeforeThePrePrepareCountOnceItArrivesAndOnlyIfTheyMatchIt() {
        Slot slot = new Slot(1, 7);
        slot.prepares.put(1, prepare(0, A, 1));
        slot.prepares.put(2, prepare(0, B, 2));
        slot.prepares.put(3, prepare(1, A, 3));
        assertEquals(0, slot.countMatchingPrepares(0));
        slot.accept(prePrepare(0, A, 0));
        assertEquals(1, slot.countMatchingPrepares(0));
        slot.prepares.put(4, prepare(0, A, 4));
        assertEquals(List.of(prepare(0, A, 1), prepare(0, A, 4)), slot.matchingPrepares(0));
    }

    @Test
    void aReplicasNewerVoteReplacesItsOlderOneInTheCount() {
        Slot slot = new Slot(1, 7);
        slot.accept(prePrepare(0, A, 0));
        slot.prepares.put(1, prepare(0, A, 1));
        slot.prepares.put(1, prepare(0, A, 1));
        assertEquals(1, slot.countMatchingPrepares(0));
        slot.prepares.put(1, prepare(0, B, 1));
        assertEquals(0, slot.countMatchingPrepares(0));
    }

    @Test
    void thePrimarysPrepareNeverCountsButItsCommitDoes() {
        Slot slot = new Slot(1, 4);
        slot.accept(prePrepare(1, A, 1));
        slot.prepares.put(1, prepare(1, A, 1));
        slot.commits.put(1, new Commit(1, 1, A, 1, null));
        assertEquals(0, slot.countMatchingPrepares(1));
        assertEquals(1, slot.matchingCommits());
    }

    @Test
    void aNewViewsPrePrepareCountsAgainstItsOwnViewAndPrimary() {
        Slot slot = new Slot(1, 4);
        slot.accept(prePrepare(0, A, 0));
        slot.prepares.put(1, prepare(0, A, 1));
        slot.prepares.put(2, prepare(1, A, 2));
        slot.prepares.put(3, prepare(1, A, 3));
        assertEquals(1, slot.countMatchingPrepares(0));
        slot.accept(prePrepare(1, A, 1));
        assertEquals(2, slot.countMatchingPrepares(1));
        assertThrows(IllegalStateException.class, () -> slot.countMatchingPrepares(0));
    }

    @Test
    void checkpointVotesCountPerStateDigestAndFollowAReplicaThatChangesItsVote() {
        CheckpointVotes votes = new CheckpointVotes(4);
        assertEquals(1, votes.add(new Checkpoint(128, A, 0, null)));
        assertEquals(2, votes.add(new Checkpoint(128, A, 1, null)));
        assertEquals(1, votes.add(new Checkpoint(128, B, 2, null)));
        assertEquals(2, votes.add(new Checkpoint(128, B, 1, null)));
        assertEquals(List.of(new Checkpoint(128, A, 0, null)), votes.naming(A));
        assertEquals(List.of(new Checkpoint(128, B, 1, null), new Checkpoint(128, B, 2, null)), votes.naming(B));
    }
}
