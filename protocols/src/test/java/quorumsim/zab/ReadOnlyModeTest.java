package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.zab.tree.Code;

/**
 * Read-only mode (ZooKeeper 3.4's readonlymode.enabled): a server cut off from the quorum serves
 * reads after looking for max(2 s, tick), refuses writes and syncs, and stops once it rejoins;
 * off by default, when a cut-off server serves nothing.
 */
class ReadOnlyModeTest {
    static final long MS = 1_000_000L;
    static final long CUT_AT = 200 * MS;
    static final long HEAL_AT = 3_500 * MS;

    /** s0 and its one client cut off from s1 and s2 (s2 leads) from 0.2 s to 3.5 s. */
    private static ZabRun cutOff(boolean readOnlyMode, List<long[]> answers, List<long[]> readOnly) {
        ZabConfig config = ZabRun.quick(3, 1).toBuilder().sessionTimeoutNanos(10_000 * MS).readOnlyMode(readOnlyMode).build();
        ZabRun run = ZabRun.of(3, config);
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Answer a && a.result().code() != Code.CONNECTION_LOSS) {
                answers.add(new long[] {t, a.server(), a.op().kind().isWrite() ? 1 : 0, a.result().code().ordinal()});
            } else if (e instanceof Observations.ReadOnly r) {
                readOnly.add(new long[] {t, r.server(), r.serving() ? 1 : 0});
            }
        });
        run.sim().scheduleFault(CUT_AT, HEAL_AT, new Fault.Partition(new int[][] {{0, config.servers()}, {1, 2}}));
        run.run(5_000 * MS);
        return run;
    }

    private static List<long[]> during(List<long[]> answers, long from, long to) {
        return answers.stream().filter(a -> a[0] >= from && a[0] < to).toList();
    }

    @Test
    void aCutOffServerServesReadsAfterTheGracePeriodRefusesWritesAndStopsOnceItRejoins() {
        List<long[]> answers = new ArrayList<>();
        List<long[]> readOnly = new ArrayList<>();
        ZabRun run = cutOff(true, answers, readOnly);
        assertEquals(2, readOnly.size(), "started once, stopped once: " + readOnly.stream().map(r -> r[0] / MS + "ms").toList());
        long started = readOnly.get(0)[0];
        // s0 gives up its leader after the sync limit (20 ms), then waits QuorumPeer.run's 2 s floor
        assertTrue(started >= CUT_AT + 2_000 * MS && started <= CUT_AT + 2_100 * MS, "read-only from " + started / MS + " ms");
        assertTrue(readOnly.get(1)[2] == 0 && readOnly.get(1)[0] > HEAL_AT, "it stops after the heal");
        List<long[]> served = during(answers, started, HEAL_AT);
        assertTrue(served.stream().anyMatch(a -> a[1] == 0 && a[2] == 0 && a[3] == Code.OK.ordinal()), "reads answered read-only");
        assertTrue(served.stream().filter(a -> a[2] == 1).allMatch(a -> a[3] == Code.NOT_READONLY.ordinal()), "every write refused");
        assertTrue(served.stream().anyMatch(a -> a[2] == 1), "and there were writes to refuse");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(HEAL_AT, 1_000 * MS, 5_000 * MS).holds(), run.zab().liveness(HEAL_AT, 1_000 * MS, 5_000 * MS).detail());
        assertTrue(during(answers, readOnly.get(1)[0], 5_000 * MS).stream().anyMatch(a -> a[2] == 1 && a[3] == Code.OK.ordinal()),
                "writes are taken again once the client is on a server of the quorum");
    }

    @Test
    void offByDefaultACutOffServerServesNothing() {
        assertTrue(!ZabConfig.defaults().readOnlyMode());
        List<long[]> answers = new ArrayList<>();
        List<long[]> readOnly = new ArrayList<>();
        cutOff(false, answers, readOnly);
        assertTrue(readOnly.isEmpty());
        assertTrue(during(answers, CUT_AT + 100 * MS, HEAL_AT).isEmpty(), "no answer while cut off: "
                + during(answers, CUT_AT + 100 * MS, HEAL_AT).stream().map(a -> a[0] / MS + "ms@s" + a[1]).toList());
    }
}
