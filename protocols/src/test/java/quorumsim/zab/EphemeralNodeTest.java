package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quorumsim.core.Context;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * Ephemeral nodes across crashes, as a ZooKeeper user sees them: a holder whose server crashes
 * moves to another server and keeps its session and its node; a holder that dies loses its node
 * once the leader expires its session; nobody else's session or node is touched either way.
 * Each holder in turn is the one hit: where its session sits in the leader's session table and
 * in its server's connection table must not matter.
 */
class EphemeralNodeTest {
    private static final int HOLDERS = 4;
    private static final int SERVERS = 3;
    private static final long LIST_EVERY_NANOS = 10_000_000L;

    /** Creates the ephemeral node /h{client} on each new session, then only heartbeats. */
    private static final class Holder implements Driver {
        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            if (newSession) {
                client.call(ctx, Op.create("/h" + ctx.self(), 0, 0, true, false));
            }
        }

        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        }
    }

    /** Lists the root every 10 ms, as a user watching the holders would. */
    private static final class Lister implements Driver {
        List<String> children = List.of();

        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            client.call(ctx, Op.getChildren("/", false));
        }

        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
            if (result.code() == Code.OK) {
                children = result.children();
                client.wakeAfter(ctx, LIST_EVERY_NANOS);
            }
        }

        public void onWake(Context ctx, ZkClient client) {
            if (client.isConnected()) {
                client.call(ctx, Op.getChildren("/", false));
            }
        }
    }

    private final Lister lister = new Lister();
    /** Session by client node, from the clients' answered calls. */
    private final TreeMap<Integer, Long> sessions = new TreeMap<>();
    private final List<String> sessionsEnded = new ArrayList<>();

    /** Holders c0..c3 on the follower s0; the lister on s2, the first leader. */
    private ZabRun start() {
        ZabConfig config = ZabRun.quick(SERVERS, HOLDERS + 1);
        Simulation sim = new Simulation(7, ZabRun.lan(), ZabDeployment.costModel(config), 10_000_000L);
        ZabDeployment zab = ZabDeployment.deploy(sim, config, c -> c < HOLDERS ? new Holder() : lister, c -> c < HOLDERS ? 0 : 2);
        sim.addObserver((t, node, e) -> {
            if (e instanceof Observations.Answer a && a.result().code() == Code.OK) {
                sessions.put(a.client(), a.sessionId());
            } else if (e instanceof Observations.SessionEnded s) {
                sessionsEnded.add("c" + (s.client() - SERVERS) + " at " + t / 1_000_000 + " ms");
            }
        });
        return new ZabRun(sim, zab).run(60_000_000L);
    }

    private List<Integer> holders() {
        return sessions.keySet().stream().filter(c -> c < SERVERS + HOLDERS).toList();
    }

    private static List<String> nodes(List<Integer> holders) {
        return holders.stream().map(h -> "h" + h).sorted().toList();
    }

    @Test
    void holdersWhoseServerCrashesKeepTheirSessionsAndNodes() {
        ZabRun run = start();
        assertEquals(2, run.zab().leader()[0], "s2 leads");
        run.sim().apply(new Fault.Crash(Target.of(0)));
        run.run(60_000_000L + 5 * run.zab().config().sessionTimeoutNanos());

        assertEquals(List.of(), sessionsEnded, "no session expired: every holder moved within its timeout");
        assertEquals(nodes(holders()), lister.children, "every holder's node is still there");
        assertEquals(run.sim().metrics().messagesByType().get("Revalidate").messages(),
                run.sim().metrics().messagesByType().get("Revalidated").messages(), "the leader took back each moved session itself");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @ParameterizedTest(name = "holder c{0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void aHolderCutOffBeyondItsTimeoutAfterItsServerCrashedIsToldItsSessionExpiredAndNoOneElseIs(int c) {
        ZabRun run = start();
        int holder = SERVERS + c;
        long timeout = run.zab().config().sessionTimeoutNanos();
        run.sim().apply(new Fault.Crash(Target.of(0)));
        run.sim().apply(new Fault.Isolate(Target.of(holder)));
        run.run(60_000_000L + 2 * timeout);
        assertEquals(nodes(holders().stream().filter(h -> h != holder).toList()), lister.children,
                "the leader expired the cut-off holder's session and deleted its node, and only its");
        run.sim().apply(new Fault.Heal());
        run.run(60_000_000L + 5 * timeout);

        assertEquals(List.of("c" + (holder - SERVERS)), sessionsEnded.stream().map(e -> e.substring(0, e.indexOf(' '))).toList(),
                "only the cut-off holder was told its session expired");
        assertEquals(nodes(holders()), lister.children, "it made its node again in a new session");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @ParameterizedTest(name = "holder c{0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void aHolderThatDiesLosesItsNodeAndNoOneElseDoes(int c) {
        ZabRun run = start();
        int holder = SERVERS + c;
        run.sim().apply(new Fault.Crash(Target.of(holder)));
        run.run(60_000_000L + 3 * run.zab().config().sessionTimeoutNanos());

        assertEquals(HOLDERS + 1, sessions.size(), "every client has a session: " + sessions);
        List<Integer> others = holders().stream().filter(h -> h != holder).toList();
        assertEquals(nodes(others), lister.children, "the dead holder's node went with its session, and only it");
        assertEquals(List.of(), sessionsEnded, "no live client's session expired");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertEquals(1.0, run.zab().figures().get("sessionsClosed"), "the leader closed exactly one session");
    }
}
