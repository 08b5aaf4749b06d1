package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/**
 * The lock recipe on ephemeral sequential nodes and one-time watches: clients take turns, one
 * at a time; when a holder dies, its session expires, its node goes, and the next one gets in.
 */
class LockRecipeTest {
    private static ZabConfig lockConfig(int clients) {
        return ZabRun.quick(3, clients).toBuilder()
                .workload(ZabWorkload.saturation(clients, 0, 1).toBuilder().kind("lock").holdNanos(5_000_000L).build()).build();
    }

    /** Holding intervals [from, to] by client, from the clients' own reports. */
    private static TreeMap<Integer, List<long[]>> holdings(ZabRun run) {
        TreeMap<Integer, List<long[]>> out = new TreeMap<>();
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Holding h) {
                List<long[]> list = out.computeIfAbsent(h.client(), k -> new ArrayList<>());
                if (h.holding()) {
                    list.add(new long[] {t, Long.MAX_VALUE});
                } else {
                    list.get(list.size() - 1)[1] = t;
                }
            }
        });
        return out;
    }

    @Test
    void clientsTakeTurnsOneAtATime() {
        ZabRun run = ZabRun.of(4, lockConfig(3));
        TreeMap<Integer, List<long[]>> held = holdings(run);
        run.run(300_000_000L);
        List<long[]> all = new ArrayList<>();
        held.values().forEach(all::addAll);
        all.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i)[0] >= all.get(i - 1)[1], "two clients held the lock at once at " + all.get(i)[0]);
        }
        assertTrue(held.size() == 3, "every client got the lock: " + held.keySet());
        assertTrue(all.size() >= 9, "turns: " + all.size());
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @Test
    void aDeadHoldersNodeExpiresWithItsSessionAndTheNextClientGetsTheLock() {
        ZabConfig config = ZabRun.quick(3, 2).toBuilder().workload(ZabWorkload.saturation(2, 0, 1).toBuilder().kind("election").build()).build();
        ZabRun run = ZabRun.of(4, config);
        TreeMap<Integer, List<long[]>> held = holdings(run);
        run.run(100_000_000L);
        assertTrue(held.size() == 1, "one leader among the clients: " + held.keySet());
        int leader = held.firstKey();
        run.sim().apply(new Fault.Crash(Target.of(leader)));
        run.run(600_000_000L);
        assertTrue(held.size() == 2, "the other client took over after the session expired: " + held.keySet());
        long takeover = held.entrySet().stream().filter(e -> e.getKey() != leader).findFirst().orElseThrow().getValue().get(0)[0];
        assertTrue(takeover - 100_000_000L >= config.sessionTimeoutNanos() / 2, "not before the session could expire: " + takeover);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().figures().get("sessionsClosed") >= 1);
    }
}
