package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.kv.Operation;
import quorumsim.kv.Workload;
import quorumsim.pbft.check.CheckpointChecker;
import quorumsim.pbft.check.ResultChecker;
import quorumsim.pbft.check.RunRecord;
import quorumsim.result.Verdict;

/**
 * The checkers catch what breaks when PBFT's assumptions do. Each broken run is pinned to a
 * seed that produces a reported violation; the same run within the assumptions is safe.
 */
class CheckerTeethTest {
    private static PbftConfig base() {
        return PbftConfig.defaults().toBuilder().viewChangeTimeoutNanos(20_000_000L)
                .workload(Workload.defaults().toBuilder().clients(3).clientRetryNanos(10_000_000L).build()).build();
    }

    @Test
    void fPlusOneColludingReplicasMakeCorrectReplicasDisagree() {
        PbftRun run = PbftRun.of(1, base()).byzantine(0, "collude", 20_000_000L).byzantine(1, "collude", 20_000_000L)
                .run(100_000_000L);
        Verdict safety = run.safety();
        assertFalse(safety.holds());
        assertEquals("agreement", safety.violations().get(0).kind());
        assertTrue(safety.violations().get(0).detail().contains("r2 executed digest"), safety.detail());
        assertTrue(PbftRun.of(1, base()).byzantine(0, "collude", 20_000_000L).run(100_000_000L).safety().holds(),
                "f colluders alone cannot do it");
    }

    @Test
    void aQuorumOf2fLetsAnEquivocatingPrimarySplitTheReplicas() {
        PbftConfig unsafe = base().toBuilder().quorum(2).unsafe(true).build();
        Verdict safety = PbftRun.of(1, unsafe).byzantine(0, "equivocate", 20_000_000L).run(100_000_000L).safety();
        assertFalse(safety.holds());
        assertEquals("agreement", safety.violations().get(0).kind());
        assertTrue(PbftRun.of(1, base()).byzantine(0, "equivocate", 20_000_000L).run(100_000_000L).safety().holds());
    }

    /**
     * r1's messages reach nobody and r0's do not reach r3: r1 prepares (with r2's prepare) and,
     * without a commit phase, executes a request that nobody else prepared. r0, r2 and r3 then
     * change view without r1's certificate (view 1, r1's, never starts) and view 2 gives the
     * sequence number to another request. The links heal at 150 ms. Full replies from every
     * replica: the timing pinned here predates digest replies.
     */
    private static PbftRun muteReplicaAcrossViewChange(long seed, PbftConfig config) {
        PbftRun run = PbftRun.of(seed, config.toBuilder().digestReplies(false).build());
        run.sim.scheduleFault(20_000_000L, new Fault.OneWayCut(1, 0));
        run.sim.scheduleFault(20_000_000L, new Fault.OneWayCut(1, 2));
        run.sim.scheduleFault(20_000_000L, new Fault.OneWayCut(1, 3));
        run.sim.scheduleFault(20_000_000L, new Fault.OneWayCut(0, 3));
        run.sim.scheduleFault(150_000_000L, new Fault.Heal());
        return run.run(300_000_000L);
    }

    @Test
    void skippingTheCommitPhaseLosesAnExecutedRequestInAViewChange() {
        PbftConfig skipCommit = base().toBuilder().variant(PbftConfig.SKIP_COMMIT).unsafe(true).build();
        Verdict safety = muteReplicaAcrossViewChange(2, skipCommit).safety();
        assertFalse(safety.holds());
        assertEquals("agreement", safety.violations().get(0).kind());
        assertTrue(safety.detail().contains("r1 executed") && safety.detail().contains("(view 2"), safety.detail());
        PbftRun standard = muteReplicaAcrossViewChange(2, base());
        assertTrue(standard.safety().holds(), standard.safety().detail());
        assertEquals(2, standard.deployment.viewChanges());
        assertTrue(standard.liveness(150_000_000L, 100_000_000L).holds(), standard.liveness(150_000_000L, 100_000_000L).detail());
    }

    @Test
    void fPlusOneLyingRepliesGiveAClientAWrongResult() {
        PbftRun run = PbftRun.of(3, base()).byzantine(1, "wrong-reply", 0).byzantine(2, "wrong-reply", 0).run(50_000_000L);
        Verdict safety = run.safety();
        assertFalse(safety.holds());
        assertEquals("client-result", safety.violations().get(0).kind());
        assertTrue(safety.violations().get(0).detail().contains("accepted result 'wrong:"), safety.detail());
    }

    @Test
    void fPlusOneSilentReplicasStopProgressAndLivenessNamesTheStuckRequests() {
        PbftRun run = PbftRun.of(4, base()).byzantine(2, "silent", 10_000_000L).byzantine(3, "silent", 10_000_000L)
                .run(300_000_000L);
        assertTrue(run.safety().holds());
        Verdict liveness = run.liveness(0, 100_000_000L);
        assertFalse(liveness.holds());
        assertTrue(liveness.violations().get(0).detail().matches("c\\d/0 t=\\d+ .*no answer by the end.*"), liveness.detail());
    }

    @Test
    void checkpointCheckerReportsDivergentStates() {
        RunRecord record = new RunRecord(4, List.of("r0", "r1", "r2", "r3"));
        record.onObservation(1_000, 0, new Observations.CheckpointTaken(0, 128, 0xAAAA));
        record.onObservation(1_000, 1, new Observations.CheckpointTaken(1, 128, 0xAAAA));
        record.onObservation(2_000, 2, new Observations.CheckpointTaken(2, 128, 0xBBBB));
        Verdict v = CheckpointChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("seq 128") && v.detail().contains("r2"), v.detail());
        record.onObservation(3_000, 3, new Observations.Behaviour(3, "corrupt", true));
        record.onObservation(4_000, 3, new Observations.CheckpointTaken(3, 128, 0xCCCC));
        assertEquals(1, CheckpointChecker.check(record).violations().size(), "a faulty replica's state is not judged");
    }

    @Test
    void resultCheckerReplaysTheAgreedOrder() {
        RunRecord record = new RunRecord(1, List.of("s0", "c0"));
        Operation put = Operation.put("k", "v");
        Operation get = Operation.get("k");
        Messages.Request r1 = new Messages.Request(1, 0, 1, put, false, 0, null);
        Messages.Request r2 = new Messages.Request(1, 0, 2, get, false, 0, null);
        record.onObservation(0, 1, new Observations.Issued(1, 0, 1, put));
        record.onObservation(1, 0, new Observations.Executed(0, 0, 1, 11, List.of(r1)));
        record.onObservation(2, 1, new Observations.Accepted(1, 0, 1, put, "OK", false, false));
        record.onObservation(3, 1, new Observations.Issued(1, 0, 2, get));
        record.onObservation(4, 0, new Observations.Executed(0, 0, 2, 12, List.of(r2)));
        record.onObservation(5, 1, new Observations.Accepted(1, 0, 2, get, "stale", false, false));
        Verdict v = ResultChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("agreed order gives 'v'"), v.detail());
    }
}
