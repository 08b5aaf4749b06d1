package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Target;
import quorumsim.kv.Workload;
import quorumsim.metrics.Metrics;

class ViewChangeTest {
    private static final long FAULT_NANOS = 50_000_000L;

    private static PbftConfig config(int f) {
        return PbftConfig.defaults().toBuilder().tolerating(f).viewChangeTimeoutNanos(20_000_000L)
                .workload(Workload.defaults().toBuilder().clients(3).clientRetryNanos(10_000_000L).build()).build();
    }

    private static long completedAfter(PbftRun run, long fromNanos) {
        return run.deployment.record().completedAfter(fromNanos);
    }

    @ParameterizedTest(name = "{0} primary")
    @ValueSource(strings = {"equivocate", "silent", "drop-requests", "corrupt"})
    void aFaultyPrimaryIsReplacedAndProgressResumes(String behaviour) {
        PbftRun run = PbftRun.of(5, config(1)).byzantine(0, behaviour, FAULT_NANOS).run(300_000_000L);
        assertEquals(1, run.deployment.viewChanges());
        Metrics.Mark mark = run.sim.metrics().marks().get(0);
        assertEquals("view change to 1", mark.label());
        assertTrue(mark.timeNanos() > FAULT_NANOS && mark.timeNanos() < FAULT_NANOS + 60_000_000L, "view change at " + mark.timeNanos());
        assertTrue(completedAfter(run, mark.timeNanos()) > 50, "progress after the view change");
        assertArrayEquals(new int[] {1}, run.sim.resolve(new Target.Role("primary"), false));
        assertTrue(run.safety().holds(), run.safety().detail());
        assertTrue(run.liveness(0, 100_000_000L).holds(), run.liveness(0, 100_000_000L).detail());
    }

    @Test
    void twoFaultyPrimariesInARowCostTwoViewsAndTheSecondTimeoutIsDoubled() {
        PbftRun run = PbftRun.of(5, config(2)).byzantine(0, "silent", FAULT_NANOS).byzantine(1, "silent", FAULT_NANOS)
                .run(400_000_000L);
        assertEquals(1, run.deployment.viewChanges(), "view 1 is never installed: its primary is silent");
        assertEquals("view change to 2", run.sim.metrics().marks().get(0).label());
        long installedNanos = run.sim.metrics().marks().get(0).timeNanos();
        // timer T for view 0, then the new-view timer T for view 1 expires, then view 2 is installed:
        assertTrue(installedNanos > FAULT_NANOS + 2 * 20_000_000L, "installed at " + installedNanos);
        assertTrue(completedAfter(run, installedNanos) > 50);
        assertTrue(run.safety().holds(), run.safety().detail());
    }

    @Test
    void viewChangeSpamFromOneReplicaChangesNothing() {
        PbftRun quiet = PbftRun.of(6, config(1)).run(200_000_000L);
        PbftRun spammed = PbftRun.of(6, config(1)).byzantine(3, "view-change-spam", 0).run(200_000_000L);
        assertEquals(0, spammed.deployment.viewChanges());
        assertTrue(spammed.completed() > quiet.completed() * 8 / 10, spammed.completed() + " vs " + quiet.completed());
    }

    @Test
    void aSlowPrimaryStaysJustUnderTheTimeoutAndThroughputCollapses() {
        PbftRun fast = PbftRun.of(7, config(1)).run(300_000_000L);
        PbftRun slow = PbftRun.of(7, config(1)).byzantine(0, "slow", 0).run(300_000_000L);
        assertEquals(0, slow.deployment.viewChanges());
        assertTrue(slow.completed() * 3 < fast.completed(), slow.completed() + " vs " + fast.completed());
        assertTrue(slow.safety().holds());
    }

    @Test
    void aPrimaryDroppingOneClientIsReplacedForThatClient() {
        PbftRun run = PbftRun.of(8, config(1)).byzantine(0, "drop-requests:c1", FAULT_NANOS).run(300_000_000L);
        assertEquals(1, run.deployment.viewChanges());
        assertTrue(run.liveness(0, 100_000_000L).holds(), run.liveness(0, 100_000_000L).detail());
    }

    @Test
    void aReplicaWithNothingPendingJoinsOnFPlusOneViewChanges() {
        PbftConfig config = config(1);
        PbftRun run = PbftRun.of(9, config);
        for (int client = config.n(); client < config.n() + config.workload().clients(); client++) {
            run.sim.scheduleFault(0, new quorumsim.fault.Fault.OneWayCut(client, 3));      // r3 never hears a client
        }
        run.byzantine(0, "silent", FAULT_NANOS).run(300_000_000L);
        assertEquals(1, run.deployment.replica(3).view(), "r3 joined view 1, without a timer of its own");
        assertEquals(1, run.deployment.viewChanges(), "view 1 needed r3's VIEW-CHANGE: r0 is silent");
        assertTrue(completedAfter(run, run.sim.metrics().marks().get(0).timeNanos()) > 50);
    }
}
