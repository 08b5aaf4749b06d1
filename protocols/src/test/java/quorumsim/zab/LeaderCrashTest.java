package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/** The leader crashes: the others elect a new one, no acknowledged write is lost, and clients carry on. */
class LeaderCrashTest {
    /** Virtual time from the crash to the new leader broadcasting, in ms. */
    static double electionMillisAfterLeaderCrash(long seed, ZabConfig config, long crashAtNanos, long endNanos, List<String> notes) {
        return electionMillisAfter(new Fault.Crash(new Target.Role("leader")), seed, config, crashAtNanos, endNanos, notes);
    }

    /** Virtual time from the fault to the new leader broadcasting, in ms. */
    static double electionMillisAfter(Fault fault, long seed, ZabConfig config, long crashAtNanos, long endNanos, List<String> notes) {
        ZabRun run = ZabRun.of(seed, config);
        List<long[]> leading = new ArrayList<>();
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Leading l) {
                leading.add(new long[] {t, l.server(), l.epoch()});
            }
        });
        run.sim().scheduleFault(crashAtNanos, fault);
        run.run(endNanos);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        long writesAfter = run.sim().metrics().completedByKind().getOrDefault("write", 0L);
        assertTrue(writesAfter > 0);
        notes.add("leaders " + leading.size() + ", crash log " + run.sim().faultLog().get(0).label());
        for (long[] l : leading) {
            if (l[0] > crashAtNanos) {
                assertEquals(2, l[2], "the new leader starts epoch 2");
                return (l[0] - crashAtNanos) / 1e6;
            }
        }
        throw new AssertionError("no new leader after the crash: " + leading.size() + " leaderships");
    }

    @Test
    void aNewLeaderIsElectedAndNoAcknowledgedWriteIsLost() {
        List<String> notes = new ArrayList<>();
        ZabConfig config = ZabConfig.defaults().toBuilder()
                .workload(ZabWorkload.saturation(6, 0.5, 4).toBuilder().loadStartNanos(10_000_000L).build()).build();
        double millis = electionMillisAfterLeaderCrash(3, config, 400_000_000L, 2_000_000_000L, notes);
        // the followers' connections are reset one network delay after the crash, then the finalize wait (200 ms), then sync
        assertTrue(millis > 200 && millis < 400, "election took " + millis + " ms");
        System.out.println("election after a leader crash, default timing: " + millis + " ms");
    }

    @Test
    void aLeaderWhoseMachineIsPoweredOffIsMissedOnlyAfterTheSyncLimit() {
        List<String> notes = new ArrayList<>();
        ZabConfig config = ZabConfig.defaults().toBuilder()
                .workload(ZabWorkload.saturation(6, 0.5, 4).toBuilder().loadStartNanos(10_000_000L).build()).build();
        double millis = electionMillisAfter(new Fault.PowerOff(new Target.Role("leader")), 3, config, 400_000_000L, 2_000_000_000L, notes);
        // silence: detection takes the sync limit (5 ticks of 100 ms), then the finalize wait (200 ms), then sync
        assertTrue(millis > 700 && millis < 900, "election took " + millis + " ms");
    }

    @Test
    void withShortTimeoutsTheElectionIsFast() {
        List<String> notes = new ArrayList<>();
        double millis = electionMillisAfterLeaderCrash(5, ZabRun.quick(5, 4), 150_000_000L, 500_000_000L, notes);
        assertTrue(millis < 80, "election took " + millis + " ms");
        System.out.println("election after a leader crash, 10 ms ticks: " + millis + " ms");
    }
}
