package quorumsim.zab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.result.Verdict;
import quorumsim.zab.Chain;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/** Each checker, fed a run that breaks its property, reports it; fed a good one, it holds. */
class ZabChecksTest {
    static final long MS = 1_000_000L;
    static final int CLIENT = 10;
    static final long SESSION = 77;

    private final ZabChecks checks = new ZabChecks(100 * MS, true);
    private long chain0;
    private long chain1;

    private static Txn write(long zxid, long cxid, long value) {
        return new Txn(zxid, Txn.Kind.SET_DATA, "/x", SESSION, cxid, 0, 8, value, 1, false, null);
    }

    /** Server {@code server} applies {@code txn} after {@code previous}, extending its own chain. */
    private void apply(long t, int server, long previous, Txn txn) {
        long chain = Chain.extend(server == 0 ? chain0 : chain1, txn);
        if (server == 0) {
            chain0 = chain;
        } else {
            chain1 = chain;
        }
        checks.onObservation(t, server, new Observations.Applied(server, txn.zxid(), previous, txn.digest(), chain, txn.sessionId(), txn.cxid(), false));
    }

    private void call(long t, long cxid, Op op) {
        checks.onObservation(t, CLIENT, new Observations.Call(CLIENT, SESSION, cxid, op));
    }

    private void answer(long t, long cxid, Op op, long zxid, Code code) {
        checks.onObservation(t, CLIENT, new Observations.Answer(CLIENT, SESSION, cxid, op, zxid, Result.error(code), 0));
    }

    private Verdict verdict() {
        return checks.safety(1_000 * MS);
    }

    private static boolean has(Verdict v, String kind) {
        return v.violations().stream().anyMatch(x -> x.kind().equals(kind));
    }

    @Test
    void aGoodHistoryHolds() {
        long z1 = Zxid.of(1, 1);
        long z2 = Zxid.of(1, 2);
        Op w1 = Op.setData("/x", 8, 1, -1);
        Op w2 = Op.setData("/x", 8, 2, -1);
        call(1 * MS, 1, w1);
        call(2 * MS, 2, w2);
        apply(3 * MS, 0, 0, write(z1, 1, 1));
        apply(3 * MS, 1, 0, write(z1, 1, 1));
        answer(4 * MS, 1, w1, z1, Code.OK);
        apply(5 * MS, 0, z1, write(z2, 2, 2));
        answer(6 * MS, 2, w2, z2, Code.OK);
        assertTrue(verdict().holds(), verdict().detail());
    }

    @Test
    void twoTransactionsAtOneZxidBreakAgreement() {
        long z1 = Zxid.of(1, 1);
        apply(1 * MS, 0, 0, write(z1, 1, 1));
        apply(1 * MS, 1, 0, write(z1, 1, 999));
        assertTrue(has(verdict(), "agreement"), verdict().detail());
    }

    @Test
    void aCommittedWriteThatALaterHistorySkipsBreaksAgreement() {
        long z1 = Zxid.of(1, 1);
        Op w = Op.setData("/x", 8, 1, -1);
        call(1 * MS, 1, w);
        apply(2 * MS, 0, 0, write(z1, 1, 1));
        answer(3 * MS, 1, w, z1, Code.OK);
        apply(4 * MS, 1, 0, new Txn(Zxid.of(2, 1), Txn.Kind.SET_DATA, "/x", 5, 1, 1, 8, 3, 1, false, null));
        assertTrue(has(verdict(), "agreement"), verdict().detail());
    }

    @Test
    void aWriteAcknowledgedAtAZxidThatHoldsAnotherTransactionIsLost() {
        long z1 = Zxid.of(1, 1);
        Op w = Op.setData("/x", 8, 1, -1);
        call(1 * MS, 1, w);
        apply(2 * MS, 0, 0, write(z1, 99, 1));                  // zxid 1 is another call's
        answer(3 * MS, 1, w, z1, Code.OK);
        Verdict v = verdict();
        assertTrue(has(v, "lost-write"), v.detail());
        assertFalse(has(v, "agreement"), v.detail());
    }

    @Test
    void aWriteOrderedBeforeOneThatCompletedBeforeItBeganIsNotLinearizable() {
        long z1 = Zxid.of(1, 1);
        long z2 = Zxid.of(1, 2);
        Op a = Op.setData("/x", 8, 1, -1);
        Op b = Op.setData("/x", 8, 2, -1);
        call(1 * MS, 1, a);
        apply(2 * MS, 0, 0, write(z1, 2, 2));
        apply(3 * MS, 0, z1, write(z2, 1, 1));
        answer(4 * MS, 1, a, z2, Code.OK);                     // a completes at 4 ms with zxid 2
        call(5 * MS, 2, b);                                      // b begins after a completed...
        answer(6 * MS, 2, b, z1, Code.OK);                     // ...but is ordered first
        Verdict v = verdict();
        assertTrue(has(v, "linearizability"), v.detail());
    }

    @Test
    void answersOutOfIssueOrderBreakFifo() {
        long z1 = Zxid.of(1, 1);
        apply(1 * MS, 0, 0, write(z1, 9, 9));
        Op r = Op.getData("/x", false);
        call(2 * MS, 1, r);
        call(2 * MS, 2, r);
        answer(3 * MS, 2, r, z1, Code.OK);
        answer(4 * MS, 1, r, z1, Code.OK);
        assertTrue(has(verdict(), "fifo"), verdict().detail());
    }

    @Test
    void aReadOlderThanItsSyncBreaksTheSyncPromise() {
        long z1 = Zxid.of(1, 1);
        long z2 = Zxid.of(1, 2);
        apply(1 * MS, 0, 0, write(z1, 5, 5));
        apply(2 * MS, 0, z1, write(z2, 6, 6));
        Op s = Op.sync("/x");
        Op r = Op.getData("/x", false);
        call(3 * MS, 1, s);
        answer(4 * MS, 1, s, z2, Code.OK);
        checks.onObservation(5 * MS, CLIENT + 1, new Observations.Call(CLIENT + 1, SESSION + 1, 1, s));
        call(5 * MS, 2, r);
        answer(6 * MS, 2, r, z1, Code.OK);
        Verdict v = verdict();
        assertFalse(v.holds());
        assertTrue(has(v, "sync") || has(v, "fifo"), v.detail());
    }

    /** Client 11 (session 78) reads {@code path} at {@code t} and is answered a millisecond later with the state at {@code zxid}. */
    private void read(long t, long cxid, String path, long zxid) {
        Op op = Op.getData(path, false);
        checks.onObservation(t, 11, new Observations.Call(11, 78, cxid, op));
        checks.onObservation(t + MS, 11, new Observations.Answer(11, 78, cxid, op, zxid, Result.ok(), 1));
    }

    @Test
    void aReadIsStaleOnlyIfItMissesAWriteToItsNodeAcknowledgedBeforeItWasIssued() {
        long z1 = Zxid.of(1, 1);
        long z2 = Zxid.of(1, 2);
        Op wx = Op.setData("/x", 8, 1, -1);
        Op wy = Op.setData("/y", 8, 2, -1);
        call(1 * MS, 1, wx);
        apply(2 * MS, 0, 0, write(z1, 1, 1));
        answer(3 * MS, 1, wx, z1, Code.OK);
        call(4 * MS, 2, wy);
        apply(5 * MS, 0, z1, new Txn(z2, Txn.Kind.SET_DATA, "/y", SESSION, 2, 0, 8, 2, 1, false, null));
        read(6 * MS, 1, "/x", z1);                                   // behind the latest commit, but it has every write to /x
        read(7 * MS, 2, "/y", z1);                                   // misses z2, not yet acknowledged when it was issued
        answer(9 * MS, 2, wy, z2, Code.OK);
        read(10 * MS, 3, "/y", z1);                                  // misses z2, acknowledged 1 ms before: stale

        var f = checks.figures();
        assertEquals(3.0, f.get("readsMeasured"));
        assertEquals(1.0, f.get("staleReads"), f.toString());
        assertEquals(1.0, f.get("staleReadZxidLagMax"), f.toString());
        assertEquals(2.0, f.get("staleReadTimeLagMsMax"), 0.01, f.toString());
        assertEquals(0.0, f.get("readsAfterSync"));
    }

    @Test
    void readsRightAfterASyncAreCountedApart() {
        long z1 = Zxid.of(1, 1);
        Op wx = Op.setData("/x", 8, 1, -1);
        call(1 * MS, 1, wx);
        apply(2 * MS, 0, 0, write(z1, 1, 1));
        apply(2 * MS, 1, 0, write(z1, 1, 1));
        answer(3 * MS, 1, wx, z1, Code.OK);
        Op sync = Op.sync("/x");
        checks.onObservation(4 * MS, 11, new Observations.Call(11, 78, 1, sync));
        checks.onObservation(5 * MS, 11, new Observations.Answer(11, 78, 1, sync, z1, Result.ok(), 1));
        read(6 * MS, 2, "/x", z1);
        var f = checks.figures();
        assertEquals(1.0, f.get("readsAfterSync"));
        assertEquals(0.0, f.get("staleReadsAfterSync"));
        assertTrue(verdict().holds(), verdict().detail());
    }

    /** Client 11, cut off on a read-only server that has applied only z1, syncs /x and reads it while z2 to /x is acknowledged. */
    private void syncAndReadOnAServerAt(long z1, Result syncResult) {
        long z2 = Zxid.of(1, 2);
        Op w1 = Op.setData("/x", 8, 1, -1);
        Op w2 = Op.setData("/x", 8, 2, -1);
        call(1 * MS, 1, w1);
        apply(2 * MS, 0, 0, write(z1, 1, 1));
        apply(2 * MS, 1, 0, write(z1, 1, 1));
        answer(3 * MS, 1, w1, z1, Code.OK);
        call(4 * MS, 2, w2);
        apply(5 * MS, 0, z1, write(z2, 2, 2));
        answer(6 * MS, 2, w2, z2, Code.OK);
        Op sync = Op.sync("/x");
        Op read = Op.getData("/x", false);
        checks.onObservation(7 * MS, 11, new Observations.Call(11, 78, 1, sync));
        checks.onObservation(7 * MS, 11, new Observations.Call(11, 78, 2, read));
        checks.onObservation(8 * MS, 11, new Observations.Answer(11, 78, 1, sync, z1, syncResult, 1));
        checks.onObservation(8 * MS, 11, new Observations.Answer(11, 78, 2, read, z1, Result.ok(), 1));
    }

    @Test
    void aSyncThatAReadOnlyServerRefusedPromisesNothingSoTheReadAfterItIsAnOrdinaryStaleRead() {
        syncAndReadOnAServerAt(Zxid.of(1, 1), Result.error(Code.NOT_READONLY));
        Op refused = Op.setData("/x", 8, 3, -1);
        checks.onObservation(9 * MS, 11, new Observations.Call(11, 78, 3, refused));
        checks.onObservation(10 * MS, 11, new Observations.Answer(11, 78, 3, refused, Zxid.of(1, 1), Result.error(Code.NOT_READONLY), 1));
        var f = checks.figures();
        assertEquals(1.0, f.get("staleReads"), f.toString());
        assertEquals(0.0, f.get("readsAfterSync"), f.toString());
        assertTrue(verdict().holds(), "a refused sync and a refused write are no broken promise: " + verdict().detail());
    }

    @Test
    void aSyncAnsweredAsDoneBeforeAnAcknowledgedWriteBreaksTheSyncPromise() {
        syncAndReadOnAServerAt(Zxid.of(1, 1), Result.ok());
        assertTrue(has(verdict(), "sync"), verdict().detail());
        assertEquals(1.0, checks.figures().get("staleReadsAfterSync"));
    }

    @Test
    void aCallLeftUnansweredAndASilentServiceBreakLiveness() {
        call(1 * MS, 1, Op.getData("/x", false));
        Verdict v = checks.liveness(0, 100 * MS, 500 * MS);
        assertFalse(v.holds());
        assertTrue(v.detail().contains("no call was answered"), v.detail());
        assertTrue(v.violations().stream().anyMatch(x -> x.detail().contains("c10 #1")), v.detail());
    }

    @Test
    void violationsNameClientsAsChartsDoWhenTheServerCountIsKnown() {
        ZabChecks named = new ZabChecks(100 * MS, true, CLIENT);
        named.onObservation(1 * MS, CLIENT, new Observations.Call(CLIENT, SESSION, 1, Op.getData("/x", false)));
        Verdict v = named.liveness(0, 100 * MS, 500 * MS);
        assertTrue(v.violations().stream().anyMatch(x -> x.detail().contains("call c0 #1 ")), v.detail());
    }

    @Test
    void anEphemeralThatOutlivesItsSessionIsReported() {
        Op create = Op.create("/e", 0, 0, true, false);
        call(1 * MS, 1, create);
        answer(2 * MS, 1, create, Zxid.of(1, 1), Code.OK);
        checks.onObservation(3 * MS, 0, new Observations.Leading(0, 1));
        checks.onObservation(10 * MS, 0, new Observations.SessionTouched(0, SESSION));
        // no close of the session by 1,000 ms: 990 ms after its last heartbeat with a 100 ms timeout
        assertTrue(has(verdict(), "session"), verdict().detail());
    }

    @Test
    void everyCallAnsweredPromptlyAfterFaultsSettleHoldsLiveness() {
        Op r = Op.getData("/x", false);
        call(1 * MS, 1, r);
        answer(2 * MS, 1, r, 0, Code.OK);
        call(300 * MS, 2, r);                                    // answered slowly, but before the faults settled at 400 ms
        answer(450 * MS, 2, r, 0, Code.OK);
        call(460 * MS, 3, r);
        answer(470 * MS, 3, r, 0, Code.OK);
        Verdict v = checks.liveness(400 * MS, 100 * MS, 500 * MS);
        assertTrue(v.holds(), v.detail());
    }

    @Test
    void aServiceThatOnlyLosesConnectionsAfterFaultsSettleBreaksLiveness() {
        Op r = Op.getData("/x", false);
        long t = 100 * MS;
        for (long cxid = 1; cxid <= 8; cxid++, t += 60 * MS) {   // every call fails and is retried: answered, never completed
            call(t, cxid, r);
            answer(t + 50 * MS, cxid, r, -1, Code.CONNECTION_LOSS);
        }
        call(t, 9, r);
        answer(t + 5 * MS, 9, r, 0, Code.OK);                   // the service comes back at last
        Verdict v = checks.liveness(100 * MS, 200 * MS, t + 10 * MS);
        assertFalse(v.holds(), v.detail());
        assertTrue(v.detail().contains("no call completed"), v.detail());
    }

    @Test
    void aCallAnsweredLongAfterFaultsSettledBreaksLiveness() {
        Op r = Op.getData("/x", false);
        ZabChecks quiet = new ZabChecks(100 * MS, false);
        quiet.onObservation(1 * MS, CLIENT, new Observations.Call(CLIENT, SESSION, 1, r));
        for (long cxid = 2; cxid <= 10; cxid++) {               // another client keeps completing
            quiet.onObservation(cxid * 50 * MS, CLIENT + 1, new Observations.Call(CLIENT + 1, SESSION + 1, cxid, r));
            quiet.onObservation(cxid * 50 * MS + MS, CLIENT + 1,
                    new Observations.Answer(CLIENT + 1, SESSION + 1, cxid, r, 0, Result.ok(), 0));
        }
        quiet.onObservation(600 * MS, CLIENT, new Observations.Answer(CLIENT, SESSION, 1, r, 0, Result.ok(), 0));
        Verdict v = quiet.liveness(100 * MS, 200 * MS, 700 * MS);
        assertFalse(v.holds(), v.detail());
        assertTrue(v.detail().contains("c10 #1 was answered"), v.detail());
        assertTrue(quiet.liveness(450 * MS, 200 * MS, 700 * MS).holds(), "judged from 450 ms on, it waited only 150 ms");
    }

    @Test
    void aSessionClosedWithinTwoTimeoutsOfANewLeadersEstablishmentHolds() {
        Op create = Op.create("/e", 0, 0, true, false);
        checks.onObservation(0, 0, new Observations.Leading(0, 1));
        call(1 * MS, 1, create);
        apply(2 * MS, 0, 0, write(Zxid.of(1, 1), 1, 0));
        answer(2 * MS, 1, create, Zxid.of(1, 1), Code.OK);
        checks.onObservation(10 * MS, 0, new Observations.SessionTouched(0, SESSION));
        checks.onObservation(150 * MS, 1, new Observations.Leading(1, 2)); // an election elsewhere; s0 never said it stopped
        closeSession(330 * MS);                                  // 320 ms after the heartbeat, 180 ms after the new leader
        assertTrue(verdict().holds(), verdict().detail());
    }

    @Test
    void aSessionClosedLaterThanTwoTimeoutsAfterTheLastLeaderIsReported() {
        Op create = Op.create("/e", 0, 0, true, false);
        checks.onObservation(0, 0, new Observations.Leading(0, 1));
        call(1 * MS, 1, create);
        apply(2 * MS, 0, 0, write(Zxid.of(1, 1), 1, 0));
        answer(2 * MS, 1, create, Zxid.of(1, 1), Code.OK);
        checks.onObservation(10 * MS, 0, new Observations.SessionTouched(0, SESSION));
        checks.onObservation(150 * MS, 1, new Observations.Leading(1, 2));
        closeSession(360 * MS);                                  // 210 ms after the new leader: past two timeouts
        assertTrue(has(verdict(), "session"), verdict().detail());
    }

    private void closeSession(long t) {
        Txn close = new Txn(Zxid.of(2, 1), Txn.Kind.CLOSE_SESSION, "", SESSION, -1, -1, 0, 0, 0, false, null);
        chain0 = Chain.extend(chain0, close);
        checks.onObservation(t, 0, new Observations.Applied(0, close.zxid(), Zxid.of(1, 1), close.digest(), chain0, SESSION, -1, true));
    }
}
