package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/** The same seed and scenario give the same run, event for event; another seed gives another run. */
class ZabDeterminismTest {
    private static String digest(long seed) {
        ZabRun run = ZabRun.of(seed, ZabRun.quick(5, 6).toBuilder().workload(ZabWorkload.saturation(6, 0.7, 3)).build());
        run.sim().scheduleFault(80_000_000L, new Fault.Crash(new Target.Role("leader")));
        run.sim().scheduleFault(120_000_000L, new Fault.Isolate(Target.of(0)));
        run.sim().scheduleFault(180_000_000L, new Fault.Heal());
        run.sim().scheduleFault(200_000_000L, new Fault.Recover(new Target.All()));
        run.run(350_000_000L);
        return run.sim().digestHex() + " " + run.sim().events() + " " + run.zab().safety().holds() + " " + run.zab().figures();
    }

    @Test
    void sameSeedSameDigest() {
        assertEquals(digest(42), digest(42));
    }

    /** Snapshots every 5-10 writes on the log's own device and on a shared one, through a leader crash. */
    private static String snapshotting(long seed, boolean dedicated) {
        ZabConfig config = ZabRun.quick(3, 4).toBuilder().snapCount(10).dedicatedLogDevice(dedicated).build();
        ZabRun run = ZabRun.of(seed, config);
        run.sim().scheduleFault(80_000_000L, new Fault.Crash(new Target.Role("leader")));
        run.sim().scheduleFault(150_000_000L, new Fault.Recover(new Target.All()));
        run.run(250_000_000L);
        return run.sim().digestHex() + " " + run.sim().events() + " " + run.zab().safety().holds();
    }

    @Test
    void snapshotsOnEitherDeviceGiveTheSameRunTwice() {
        assertEquals(snapshotting(42, true), snapshotting(42, true));
        assertEquals(snapshotting(42, false), snapshotting(42, false));
        assertNotEquals(snapshotting(42, true), snapshotting(42, false), "where the snapshots go changes the run");
    }

    @Test
    void anotherSeedAnotherRun() {
        assertNotEquals(digest(42), digest(43));
    }
}
