package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/** The checkers catch what breaks when Zab's assumptions do. */
class ZabTeethTest {
    static final long PINNED_QUORUM_SEED = 11;
    static final long PINNED_EQUIVOCATION_SEED = 7;

    /** Five servers with a quorum of one: a partition leaves two leaders that both commit, and healing loses writes. */
    static Verdict quorumBelowMajorityUnderPartition(long seed) {
        ZabConfig config = ZabRun.quick(5, 5).toBuilder().quorum(1).unsafe(true).build();
        ZabRun run = ZabRun.of(seed, config);
        run.sim().scheduleFault(80_000_000L, new Fault.Partition(new int[][] {{0, 1, 5, 6}, {2, 3, 4, 7, 8, 9}}));
        run.sim().scheduleFault(220_000_000L, new Fault.Heal());
        run.run(450_000_000L);
        return run.zab().safety();
    }

    static Verdict equivocatingLeader(long seed) {
        ZabRun run = ZabRun.of(seed, ZabRun.quick(3, 3));
        run.sim().scheduleFault(60_000_000L, new Fault.Byzantine(new Target.Role("leader"), "equivocate", true));
        run.run(200_000_000L);
        return run.zab().safety();
    }

    @Test
    void aQuorumBelowAMajorityIsRefusedUnlessUnsafe() {
        assertFalse(ZabRun.quick(5, 1).toBuilder().quorum(1).build().validate().isEmpty());
        assertTrue(ZabRun.quick(5, 1).toBuilder().quorum(1).unsafe(true).build().validate().isEmpty());
    }

    @Test
    void quorumOfOneUnderAPartitionLosesAcknowledgedWrites() {
        Verdict v = quorumBelowMajorityUnderPartition(PINNED_QUORUM_SEED);
        assertFalse(v.holds(), "expected a violation: " + v.detail());
        assertTrue(v.violations().stream().map(Violation::kind).anyMatch(k -> k.equals("lost-write") || k.equals("agreement")), v.detail());
        System.out.println("quorum 1 of 5, partition: " + v.detail());
    }

    @Test
    void theSameScenarioWithAMajorityQuorumIsSafe() {
        ZabRun run = ZabRun.of(PINNED_QUORUM_SEED, ZabRun.quick(5, 5));
        run.sim().scheduleFault(80_000_000L, new Fault.Partition(new int[][] {{0, 1, 5, 6}, {2, 3, 4, 7, 8, 9}}));
        run.sim().scheduleFault(220_000_000L, new Fault.Heal());
        run.run(450_000_000L);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @Test
    void anEquivocatingLeaderBreaksAgreement() {
        Verdict v = equivocatingLeader(PINNED_EQUIVOCATION_SEED);
        assertFalse(v.holds(), "expected a violation: " + v.detail());
        assertTrue(v.violations().stream().anyMatch(x -> x.kind().equals("agreement")), v.detail());
        System.out.println("equivocating leader: " + v.detail());
    }
}
