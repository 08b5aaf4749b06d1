package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/** A server that comes back catches up the way Zab says: missing transactions, a truncated tail, or a whole snapshot. */
class CatchUpTest {
    /** Sync kinds the leaders sent, counted. */
    private static TreeMap<String, Integer> syncKinds(ZabRun run) {
        TreeMap<String, Integer> kinds = new TreeMap<>();
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Synced synced) {
                kinds.merge(synced.kind().name(), 1, Integer::sum);
            }
        });
        return kinds;
    }

    @Test
    void aFollowerBackAfterAFewWritesGetsADiffAndOneFarBehindGetsASnapshot() {
        ZabConfig config = ZabRun.quick(3, 4).toBuilder().snapshotThreshold(50).workload(ZabWorkload.saturation(4, 0.0, 2)).build();
        ZabRun run = ZabRun.of(2, config);
        TreeMap<String, Integer> kinds = syncKinds(run);
        run.sim().scheduleFault(120_000_000L, new Fault.Crash(Target.of(0)));
        run.sim().scheduleFault(125_000_000L, new Fault.Recover(Target.of(0)));   // a few writes behind
        run.sim().scheduleFault(150_000_000L, new Fault.Crash(Target.of(1)));
        run.sim().scheduleFault(300_000_000L, new Fault.Recover(Target.of(1)));   // hundreds behind
        run.run(450_000_000L);
        assertTrue(kinds.getOrDefault("DIFF", 0) >= 3, kinds.toString());
        assertTrue(kinds.getOrDefault("SNAP", 0) >= 1, kinds.toString());
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(300_000_000L, 100_000_000L, 450_000_000L).holds());
    }

    @Test
    void aLeaderCutOffWithUncommittedProposalsIsTruncatedWhenItReturns() {
        ZabConfig config = ZabRun.quick(3, 4).toBuilder().workload(ZabWorkload.saturation(4, 0.0, 4)).build();
        int truncations = 0;
        for (long seed = 1; seed <= 10 && truncations == 0; seed++) {
            ZabRun run = ZabRun.of(seed, config);
            TreeMap<String, Integer> kinds = syncKinds(run);
            run.sim().scheduleFault(150_000_000L, new Fault.Partition(new int[][] {{2}, {0, 1}}));   // s2 leads first; clients keep every link
            run.sim().scheduleFault(250_000_000L, new Fault.Heal());
            run.run(400_000_000L);
            assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
            truncations += kinds.getOrDefault("TRUNC", 0);
        }
        assertTrue(truncations > 0, "the cut-off leader logged its own clients' writes that nobody else has");
    }

    @Test
    void aSilentLeaderIsReplacedLikeACrashedOne() {
        ZabRun run = ZabRun.of(3, ZabRun.quick(3, 3));
        run.sim().scheduleFault(100_000_000L, new Fault.Byzantine(new Target.Role("leader"), "silent", true));
        run.run(400_000_000L);
        assertTrue(run.zab().leaderChanges() >= 1);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(100_000_000L, 200_000_000L, 400_000_000L).holds());
    }
}
