package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.kv.Workload;

class CheckpointTest {
    @Test
    void checkpointsBecomeStableAndTheLogStaysWithinTheWaterMarks() {
        PbftConfig config = PbftConfig.defaults().toBuilder().checkpointInterval(32).logWindow(64)
                .workload(Workload.defaults().toBuilder().clients(8).build()).build();
        PbftRun run = PbftRun.of(1, config).run(300_000_000L);
        long executed = run.deployment.record().highestExecuted();
        assertTrue(executed > 10 * 32, "executed " + executed);
        for (int r = 0; r < config.n(); r++) {
            PbftReplica replica = run.deployment.replica(r);
            assertTrue(replica.lowWaterMark() >= executed - 2 * 32, "r" + r + " h = " + replica.lowWaterMark());
            assertTrue(replica.logSlots() <= 64, "r" + r + " keeps " + replica.logSlots() + " slots");
        }
        assertTrue(run.safety().holds(), run.safety().detail());
        assertTrue(run.safety().detail().contains("checkpoints: " + executed / 32 + " checkpoints, " + 3 * (executed / 32) + " states"), run.safety().detail());
    }

    @Test
    void aReplicaThatFellBehindCatchesUpByStateTransfer() {
        PbftConfig config = PbftConfig.defaults().toBuilder().checkpointInterval(16).logWindow(32)
                .workload(Workload.defaults().toBuilder().clients(4).build()).build();
        PbftRun run = PbftRun.of(2, config);
        run.sim.scheduleFault(10_000_000L, new Fault.Isolate(Target.of(3)));
        run.sim.scheduleFault(100_000_000L, new Fault.Heal());
        run.run(300_000_000L);
        PbftReplica behind = run.deployment.replica(3);
        PbftReplica ahead = run.deployment.replica(0);
        assertTrue(behind.lastExecuted() >= ahead.lastExecuted() - 16,
                "r3 executed " + behind.lastExecuted() + ", r0 " + ahead.lastExecuted());
        assertEquals(ahead.lowWaterMark(), behind.lowWaterMark());
        assertTrue(run.safety().holds(), run.safety().detail());
    }

    @Test
    void aCrashedBackupRecoversFromItsLastStableCheckpointAndCatchesUp() {
        PbftConfig config = PbftConfig.defaults().toBuilder().checkpointInterval(16).logWindow(32)
                .workload(Workload.defaults().toBuilder().clients(4).build()).build();
        PbftRun run = PbftRun.of(3, config);
        run.sim.scheduleFault(60_000_000L, new Fault.Crash(Target.of(2)));
        run.sim.scheduleFault(150_000_000L, new Fault.Recover(Target.of(2)));
        run.sim.at(151_000_000L, () -> assertTrue(run.deployment.replica(2).lowWaterMark() >= 16,
                "r2 restarts from its saved checkpoint, not from nothing"));
        run.run(300_000_000L);
        PbftReplica recovered = run.deployment.replica(2);
        assertTrue(recovered.lastExecuted() >= run.deployment.replica(0).lastExecuted() - 16,
                "r2 executed " + recovered.lastExecuted() + ", r0 " + run.deployment.replica(0).lastExecuted());
        assertTrue(run.safety().holds(), run.safety().detail());
    }
}
