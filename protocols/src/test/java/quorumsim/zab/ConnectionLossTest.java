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
 * Zab over TCP connections: a cut is silence, which only the servers' and clients' own read
 * timeouts detect, as in ZooKeeper 3.3 (syncLimit ticks at the leader and the followers, two
 * thirds of the session timeout at a client); a cut shorter than those is bridged by TCP's
 * retransmission.
 */
class ConnectionLossTest {
    static final long MS = 1_000_000L;
    /** A 10 ms tick, a sync limit of 300 ms, a client read timeout of 600 ms. */
    static final ZabConfig PATIENT = ZabRun.quick(3, 4).toBuilder().syncLimitTicks(30).sessionTimeoutNanos(900 * MS).build();

    /** When each server went back to election, and which servers synchronized with a leader, with the time. */
    private record Events(List<long[]> looking, List<long[]> synced, TreeSet<String> answeredBy, List<long[]> answers) {
    }

    private static Events watch(ZabRun run) {
        Events events = new Events(new ArrayList<>(), new ArrayList<>(), new TreeSet<>(), new ArrayList<>());
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Looking l) {
                events.looking().add(new long[] {t, l.server()});
            } else if (e instanceof Observations.Synced s) {
                events.synced().add(new long[] {t, s.server()});
            } else if (e instanceof Observations.Answer a && a.result().code() != quorumsim.zab.tree.Code.CONNECTION_LOSS) {
                events.answeredBy().add("c" + a.client() + "@s" + a.server() + "#" + Long.toHexString(a.sessionId()));
                events.answers().add(new long[] {t, a.server()});
            }
        });
        return events;
    }

    private static boolean any(List<long[]> events, int server, long fromNanos, long toNanos) {
        return events.stream().anyMatch(e -> e[1] == server && e[0] >= fromNanos && e[0] <= toNanos);
    }

    @Test
    void aCutShorterThanTheSyncLimitIsSilenceThatTcpBridges() {
        ZabRun run = ZabRun.of(1, PATIENT.toBuilder().workload(ZabWorkload.saturation(2, 0.5, 2)).build());
        Events events = watch(run);
        run.sim().scheduleFault(150 * MS, new Fault.OneWayCut(0, 2));      // s2 leads; s0's acks and pings wait
        run.sim().scheduleFault(400 * MS, new Fault.Heal());               // 250 ms: under the 300 ms sync limit
        run.run(700 * MS);
        for (int server = 0; server < 3; server++) {
            assertTrue(!any(events.looking(), server, 140 * MS, 700 * MS), "no election: nobody learns of a short cut, s" + server);
        }
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(400 * MS, 100 * MS, 700 * MS).holds(), run.zab().liveness(400 * MS, 100 * MS, 700 * MS).detail());
    }

    @Test
    void aFollowerCutFromItsLeaderIsDroppedAfterTheSyncLimitAndRejoinsAfterTheHeal() {
        ZabRun run = ZabRun.of(1, PATIENT);
        Events events = watch(run);
        run.sim().scheduleFault(150 * MS, new Fault.OneWayCut(0, 2));      // s2 leads; only s0 -> s2 is cut
        run.sim().scheduleFault(700 * MS, new Fault.Heal());
        run.run(1_100 * MS);
        assertTrue(!any(events.looking(), 0, 140 * MS, 440 * MS), "silence: s0 keeps following until the leader gives up on it");
        // the leader's read of s0 times out after 300 ms (checked every half tick); it closes, and its FIN reaches s0
        assertTrue(any(events.looking(), 0, 450 * MS, 470 * MS), "s0 learns from the leader's close: " + events.looking().stream()
                .map(e -> e[0] / MS + "ms:s" + e[1]).toList());
        assertTrue(any(events.synced(), 0, 700 * MS, 1_000 * MS), "s0 resynchronizes with the leader once the link heals");
        assertTrue(!any(events.looking(), 2, 150 * MS, 1_100 * MS), "the leader keeps its quorum with s1");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(700 * MS, 300 * MS, 1_100 * MS).holds(), run.zab().liveness(700 * MS, 300 * MS, 1_100 * MS).detail());
    }

    @Test
    void aClientCutFromItsServerMovesAfterItsReadTimeoutWithItsSession() {
        ZabConfig config = PATIENT.toBuilder().workload(ZabWorkload.saturation(1, 0.5, 2)).build();
        ZabRun run = ZabRun.of(2, config);
        Events events = watch(run);
        int client = config.servers();                               // c0, first on s0
        run.sim().scheduleFault(150 * MS, new Fault.Partition(new int[][] {{client}, {0}}));
        run.run(1_500 * MS);
        List<String> servers = events.answeredBy().stream().map(s -> s.substring(s.indexOf('@'), s.indexOf('#'))).distinct().toList();
        List<String> sessions = events.answeredBy().stream().map(s -> s.substring(s.indexOf('#'))).distinct().toList();
        assertTrue(servers.size() >= 2 && servers.contains("@s0"), "answered by s0, then by another: " + events.answeredBy());
        assertEquals(1, sessions.size(), "one session throughout: " + events.answeredBy());
        long firstElsewhere = events.answers().stream().filter(a -> a[1] != 0).mapToLong(a -> a[0]).min().orElseThrow();
        // silence until the read timeout (2/3 of 900 ms after the last answer, just before the cut), then a pause of up to s/4
        assertTrue(firstElsewhere >= 150 * MS + 590 * MS, "the client waits out its read timeout: " + firstElsewhere / MS + " ms");
        assertTrue(run.zab().liveness(150 * MS, 1_000 * MS, 1_500 * MS).holds(), run.zab().liveness(150 * MS, 1_000 * MS, 1_500 * MS).detail());
    }

    @Test
    void followersThatRejoinWhileProposalsAwaitTheirQuorumAckThemWithTheirAckOfNewLeader() {
        for (long seed = 1; seed <= 5; seed++) {
            ZabRun run = ZabRun.of(seed, PATIENT.toBuilder().workload(ZabWorkload.saturation(6, 0.5, 2)).build());
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
