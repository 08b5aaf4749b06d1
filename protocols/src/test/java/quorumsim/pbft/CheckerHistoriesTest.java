package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.check.AgreementChecker;
import quorumsim.pbft.check.CheckpointChecker;
import quorumsim.pbft.check.LivenessChecker;
import quorumsim.pbft.check.ResultChecker;
import quorumsim.pbft.check.RunRecord;
import quorumsim.result.Verdict;

/**
 * Each checker on small hand-written histories: a legal one it accepts and a broken one it
 * rejects. Replicas r0..r3 (ids 0..3), clients c4 and c5 (ids 4, 5).
 */
class CheckerHistoriesTest {
    private static final Operation PUT_V1 = Operation.put("k", "v1");
    private static final Operation PUT_V2 = Operation.put("k", "v2");
    private static final Operation GET = Operation.get("k");

    private final RunRecord record = new RunRecord(4, List.of("r0", "r1", "r2", "r3", "c4", "c5"));
    private long now;

    private void at(long nanos, int node, Object event) {
        now = nanos;
        record.onObservation(nanos, node, event);
    }

    /** r0, r1 and r2 execute {@code request} alone at {@code seq}. */
    private void executedByAll(long seq, Request request) {
        for (int r = 0; r < 3; r++) {
            at(now + 1, r, new Observations.Executed(r, 0, seq, digest(request), List.of(request)));
        }
    }

    private static long digest(Request request) {
        return Messages.PrePrepare.digestOf(List.of(request));
    }

    private static Request request(int client, long timestamp, Operation op) {
        return new Request(client, 0, timestamp, op, false, 0, null);
    }

    /**
     * The history of pbft-readonly-checker-false-alarm-1481: c5 sends GET read-only, gets no
     * quorum in time and retries it as an ordered request; c4's PUT v2 is ordered; then
     * 2f+1 late read-only replies ('v1') complete the GET, which is ordered after the PUT
     * (where it gives 'v2').
     */
    private void readOnlyRetriedAsOrdered(String acceptedResult, boolean readOnly) {
        at(10, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        executedByAll(1, request(4, 1, PUT_V1));
        at(20, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, false));
        at(30, 5, new Observations.Issued(5, 0, 1, GET));
        at(40, 4, new Observations.Issued(4, 0, 2, PUT_V2));
        executedByAll(2, request(4, 2, PUT_V2));
        at(50, 4, new Observations.Accepted(4, 0, 2, PUT_V2, "OK", false, false));
        at(60, 5, new Observations.Accepted(5, 0, 1, GET, acceptedResult, readOnly, true));
        executedByAll(3, request(5, 1, GET));
    }

    @Test
    void aReadOnlyResultIsAValueTheKeyHeldEvenIfTheRetriedRequestIsOrderedLater() {
        readOnlyRetriedAsOrdered("v1", true);
        Verdict v = ResultChecker.check(record);
        assertTrue(v.holds(), v.detail());
    }

    @Test
    void aReadOnlyResultTheKeyNeverHeldIsRejected() {
        readOnlyRetriedAsOrdered("v9", true);
        Verdict v = ResultChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("read-only result 'v9'") && v.detail().contains("held after no prefix of the agreed order from seq 0 on"), v.detail());
    }

    /**
     * PUT v1 at seq 1, PUT v2 at seq 2; every replica saves checkpoint 2; PUT v3 at seq 3.
     * c5's read-only GET is issued before or after the save and accepted with {@code result}.
     */
    private static Verdict readOnlyAroundASavedCheckpoint(boolean issuedBeforeTheSave, String result) {
        CheckerHistoriesTest h = new CheckerHistoriesTest();
        h.executedByAll(1, request(4, 1, PUT_V1));
        h.executedByAll(2, request(4, 2, PUT_V2));
        if (issuedBeforeTheSave) {
            h.at(h.now + 1, 5, new Observations.Issued(5, 0, 1, GET));
        }
        for (int r = 0; r < 4; r++) {
            h.at(h.now + 1, r, new Observations.CheckpointSaved(r, 2));
        }
        if (!issuedBeforeTheSave) {
            h.at(h.now + 1, 5, new Observations.Issued(5, 0, 1, GET));
        }
        h.executedByAll(3, request(4, 3, Operation.put("k", "v3")));
        h.at(h.now + 1, 5, new Observations.Accepted(5, 0, 1, GET, result, true, true));
        return ResultChecker.check(h.record);
    }

    @Test
    void aReadOnlyResultComesFromAStateNoOlderThanTheCheckpointEveryCorrectReplicaSavedAtItsIssue() {
        assertTrue(readOnlyAroundASavedCheckpoint(false, "v2").holds(), "held after prefix 2");
        assertTrue(readOnlyAroundASavedCheckpoint(false, "v3").holds(), "held after prefix 3");
        assertTrue(readOnlyAroundASavedCheckpoint(true, "v1").holds(), "issued before the save: a replica may still be at prefix 1");
        Verdict old = readOnlyAroundASavedCheckpoint(false, "v1");
        assertFalse(old.holds(), "every correct replica is past prefix 1 when the GET is issued");
        assertTrue(old.detail().contains("read-only result 'v1'"), old.detail());
        assertFalse(readOnlyAroundASavedCheckpoint(false, "").holds(), "nor is any at prefix 0");
    }

    @Test
    void anOrderedResultMustBeTheOneAtItsPlaceInTheOrder() {
        readOnlyRetriedAsOrdered("v1", false);
        Verdict v = ResultChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("accepted result 'v1'") && v.detail().contains("agreed order gives 'v2'"), v.detail());
    }

    @Test
    void aTentativeResultIsComparedWhenItCommitsAndExcusedIfItNeverDoes() {
        at(10, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        at(20, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, true));
        at(30, 5, new Observations.Issued(5, 0, 1, GET));
        at(40, 5, new Observations.Accepted(5, 0, 1, GET, "v1", false, true));
        assertTrue(ResultChecker.check(record).holds(), "not committed by the end: nothing to compare");
        executedByAll(1, request(4, 1, PUT_V1));
        executedByAll(2, request(5, 1, GET));
        assertTrue(ResultChecker.check(record).holds(), ResultChecker.check(record).detail());

        at(50, 5, new Observations.Issued(5, 0, 2, GET));
        at(60, 5, new Observations.Accepted(5, 0, 2, GET, "stale", false, true));
        executedByAll(3, request(5, 2, GET));
        Verdict v = ResultChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("accepted result 'stale'") && v.detail().contains("gives 'v1'"), v.detail());
    }

    @Test
    void aFinalResultNoCorrectReplicaExecutedIsRejected() {
        at(10, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        at(20, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, false));
        Verdict v = ResultChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("no correct replica executed it"), v.detail());
    }

    /** After every correct replica saved checkpoint 2, seqs 1..2 are forgotten; the rest is still compared. */
    @Test
    void agreementIsStillJudgedAfterSavedCheckpointsLetTheRecordForget() {
        executedByAll(1, request(4, 1, PUT_V1));
        executedByAll(2, request(4, 2, PUT_V2));
        executedByAll(3, request(4, 3, GET));
        at(now + 1, 3, new Observations.Behaviour(3, "silent", true));    // r3 is faulty: it need not save
        for (int r = 0; r < 3; r++) {
            at(now + 1, r, new Observations.CheckpointSaved(r, 2));
        }
        Verdict legal = AgreementChecker.check(record);
        assertTrue(legal.holds(), legal.detail());
        assertTrue(legal.detail().startsWith("agreement: 3 sequence numbers, 6 executions"), legal.detail());

        at(now + 1, 0, new Observations.Executed(0, 1, 3, 0xBAD, List.of()));
        Verdict diverged = AgreementChecker.check(record);
        assertFalse(diverged.holds());
        assertTrue(diverged.detail().contains("seq 3: r0 executed digest"), diverged.detail());

        at(now + 1, 1, new Observations.Executed(1, 0, 2, digest(request(4, 2, PUT_V2)), List.of(request(4, 2, PUT_V2))));
        Verdict again = AgreementChecker.check(record);
        assertEquals(2, again.violations().size());
        assertTrue(again.violations().get(1).detail().contains("seq 2: r1 executed it again"), again.detail());
    }

    @Test
    void checkpointsAreComparedUntilEveryCorrectReplicaSavedOneAtOrAboveThem() {
        at(1, 0, new Observations.CheckpointTaken(0, 16, 0xAAAA));
        at(2, 1, new Observations.CheckpointTaken(1, 16, 0xAAAA));
        for (int r = 0; r < 4; r++) {
            at(3, r, new Observations.CheckpointSaved(r, 16));
        }
        at(4, 2, new Observations.CheckpointTaken(2, 32, 0xBBBB));
        at(5, 3, new Observations.CheckpointTaken(3, 32, 0xBBBB));
        assertTrue(CheckpointChecker.check(record).holds(), CheckpointChecker.check(record).detail());
        at(6, 0, new Observations.CheckpointTaken(0, 32, 0xCCCC));
        Verdict v = CheckpointChecker.check(record);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("checkpoint at seq 32: r2 has state"), v.detail());
    }

    @Test
    void livenessNamesARequestAnsweredLateAndOneNeverAnswered() {
        at(0, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        at(5_000_000, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, false));
        at(6_000_000, 5, new Observations.Issued(5, 0, 1, GET));
        at(7_000_000, 5, new Observations.Accepted(5, 0, 1, GET, "v1", false, false));
        assertTrue(LivenessChecker.check(record, 0, 10_000_000, 100_000_000).holds());

        Verdict late = LivenessChecker.check(record, 0, 2_000_000, 100_000_000);
        assertFalse(late.holds());
        assertEquals(1, late.violations().size());
        assertTrue(late.detail().contains("c4/0 t=1 issued at 0.000000s: answered only at 0.005000s"), late.detail());
        assertTrue(LivenessChecker.check(record, 4_000_000, 2_000_000, 100_000_000).holds(), "counted from the last fault");

        at(8_000_000, 4, new Observations.Issued(4, 0, 2, PUT_V2));
        Verdict stuck = LivenessChecker.check(record, 0, 10_000_000, 100_000_000);
        assertFalse(stuck.holds());
        assertTrue(stuck.detail().contains("c4/0 t=2 (put k v2) issued at 0.008000s: no answer by the end; no correct replica executed it"),
                stuck.detail());
        assertTrue(LivenessChecker.check(record, 0, 10_000_000, 15_000_000).holds(), "too young to judge at the end");
    }

    @Test
    void livenessSaysWhenThereWasNothingToJudge() {
        at(0, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        at(5_000_000, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, false));
        Verdict young = LivenessChecker.check(record, 0, 10_000_000, 9_000_000);
        assertTrue(young.holds());
        assertFalse(young.judged(), "the only request is younger than the bound at the end: " + young.detail());
        Verdict judged = LivenessChecker.check(record, 0, 10_000_000, 20_000_000);
        assertTrue(judged.judged());
        assertTrue(judged.detail().startsWith("all 1 requests issued at least 10 ms before the end"), judged.detail());
    }

    @Test
    void violationsNameAClientAsTheChartsDo() {
        RunRecord named = new RunRecord(4, List.of("r0", "r1", "r2", "r3", "c0", "c1"));
        named.onObservation(0, 5, new Observations.Issued(5, 0, 1, PUT_V1));
        Verdict stuck = LivenessChecker.check(named, 0, 1_000_000, 100_000_000);
        assertTrue(stuck.detail().contains("c1/0 t=1 (put k v1) issued at 0.000000s: no answer by the end"), stuck.detail());
    }

    /** Three answers (latencies 5, 1 and 30 ms, the last issued at 40 ms), then one request never answered. */
    private void answersOfSeveralLatencies() {
        at(0, 4, new Observations.Issued(4, 0, 1, PUT_V1));
        at(5_000_000, 4, new Observations.Accepted(4, 0, 1, PUT_V1, "OK", false, false));
        at(6_000_000, 5, new Observations.Issued(5, 0, 1, GET));
        at(7_000_000, 5, new Observations.Accepted(5, 0, 1, GET, "v1", false, false));
        at(40_000_000, 5, new Observations.Issued(5, 0, 2, GET));
        at(70_000_000, 5, new Observations.Accepted(5, 0, 2, GET, "v1", false, false));
        at(80_000_000, 4, new Observations.Issued(4, 0, 2, PUT_V2));
    }

    /** Told the question up front, the record judges answers as they come and gives the same verdict as one that kept them. */
    @Test
    void livenessJudgedAsAnswersComeAgreesWithLivenessJudgedAtTheEnd() {
        long[][] questions = {{0, 2_000_000, 100_000_000}, {0, 10_000_000, 100_000_000}, {0, 10_000_000, 85_000_000},
                {50_000_000, 10_000_000, 100_000_000}, {4_000_000, 2_000_000, 50_000_000}, {0, 40_000_000, 100_000_000}};
        answersOfSeveralLatencies();
        for (long[] q : questions) {
            CheckerHistoriesTest asTheyCome = new CheckerHistoriesTest();
            asTheyCome.record.judgeLivenessWith(q[0], q[1]);
            asTheyCome.answersOfSeveralLatencies();
            Verdict kept = LivenessChecker.check(record, q[0], q[1], q[2]);
            Verdict tallied = LivenessChecker.check(asTheyCome.record, q[0], q[1], q[2]);
            assertEquals(kept, tallied, java.util.Arrays.toString(q));
        }
        Verdict v = LivenessChecker.check(record, 0, 10_000_000, 100_000_000);
        assertEquals(2, v.violations().size(), v.detail());
        assertTrue(v.violations().get(0).detail().startsWith("c5/0 t=2 issued at 0.040000s: answered only at 0.070000s"), v.detail());
        assertTrue(v.violations().get(1).detail().startsWith("c4/0 t=2 (put k v2) issued at 0.080000s: no answer by the end"), v.detail());
    }
}
