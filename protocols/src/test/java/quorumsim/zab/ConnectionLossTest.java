package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/**
 * Zab over TCP connections: a cut breaks them visibly, and the servers and clients react as
 * ZooKeeper's do. The sync limit is long here, so that what happens is the connections' doing,
 * not a heartbeat's.
 */
class ConnectionLossTest {
    static final long MS = 1_000_000L;
    /** A 10 ms tick (a broken connection is noticed within it), heartbeats that would take 300 ms to give up. */
    static final ZabConfig PATIENT = ZabRun.quick(3, 4).withSyncLimitTicks(30).withSessionTimeoutNanos(900 * MS);

    /** When each server went back to election, and which servers synchronized with a leader, with the time. */
    private record Events(List<long[]> looking, List<long[]> synced, TreeSet<String> answeredBy) {
    }

    private static Events watch(ZabRun run) {
        Events events = new Events(new ArrayList<>(), new ArrayList<>(), new TreeSet<>());
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Looking l) {
                events.looking().add(new long[] {t, l.server()});
            } else if (e instanceof Observations.Synced s) {
                events.synced().add(new long[] {t, s.server()});
            } else if (e instanceof Observations.Answer a && a.result().code() != quorumsim.zab.tree.Code.CONNECTION_LOSS) {
                events.answeredBy().add("c" + a.client() + "@s" + a.server() + "#" + Long.toHexString(a.sessionId()));
            }
        });
        return events;
    }

    private static boolean any(List<long[]> events, int server, long fromNanos, long toNanos) {
        return events.stream().anyMatch(e -> e[1] == server && e[0] >= fromNanos && e[0] <= toNanos);
    }

    @Test
    void aFollowerWhoseConnectionToTheLeaderBreaksGoesBackToElectionAndResyncs() {
        ZabRun run = ZabRun.of(1, PATIENT);
        Events events = watch(run);
        run.sim().scheduleFault(150 * MS, new Fault.OneWayCut(0, 2));      // s2 leads; only s0 -> s2 is cut
        run.sim().scheduleFault(170 * MS, new Fault.Heal());
        run.run(500 * MS);
        assertTrue(any(events.looking(), 0, 150 * MS, 165 * MS), "s0 learns within a tick and looks for a leader");
        assertTrue(any(events.synced(), 0, 170 * MS, 300 * MS), "s0 resynchronizes with the leader once the link heals");
        assertTrue(!any(events.looking(), 2, 150 * MS, 500 * MS), "the leader keeps its quorum with s1");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(170 * MS, 100 * MS, 500 * MS).holds(), run.zab().liveness(170 * MS, 100 * MS, 500 * MS).detail());
    }

    @Test
    void aClientCutFromItsServerMovesToAnotherWithItsSession() {
        ZabConfig config = PATIENT.withWorkload(ZabWorkload.saturation(1, 0.5, 2));
        ZabRun run = ZabRun.of(2, config);
        Events events = watch(run);
        int client = config.servers();                               // c0, first on s0
        run.sim().scheduleFault(150 * MS, new Fault.Partition(new int[][] {{client}, {0}}));
        run.run(700 * MS);
        List<String> servers = events.answeredBy().stream().map(s -> s.substring(s.indexOf('@'), s.indexOf('#'))).distinct().toList();
        List<String> sessions = events.answeredBy().stream().map(s -> s.substring(s.indexOf('#'))).distinct().toList();
        assertTrue(servers.size() >= 2 && servers.contains("@s0"), "answered by s0, then by another: " + events.answeredBy());
        assertEquals(1, sessions.size(), "one session throughout: " + events.answeredBy());
        // a tick to notice, a pause of up to s/4 (225 ms), then a connect to the next server
        assertTrue(run.zab().liveness(150 * MS, 350 * MS, 700 * MS).holds(), run.zab().liveness(150 * MS, 350 * MS, 700 * MS).detail());
    }

    @Test
    void followersThatRejoinWhileProposalsAwaitTheirQuorumAckThemWithTheirAckOfNewLeader() {
        for (long seed = 1; seed <= 5; seed++) {
            ZabRun run = ZabRun.of(seed, PATIENT.withWorkload(ZabWorkload.saturation(6, 0.5, 2)));
            run.sim().scheduleFault(100 * MS, new Fault.Partition(new int[][] {{1}, {0, 2}}));
            run.sim().scheduleFault(190 * MS, new Fault.Heal());                              // s1 rejoins...
            run.sim().scheduleFault(190 * MS, new Fault.OneWayCut(0, 2));                      // ...as s0 drops out
            run.sim().scheduleFault(300 * MS, new Fault.Heal());
            run.run(700 * MS);
            assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
            assertTrue(run.zab().liveness(300 * MS, 200 * MS, 700 * MS).holds(),
                    "seed " + seed + ": " + run.zab().liveness(300 * MS, 200 * MS, 700 * MS).detail());
        }
    }
}
