package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;

/** The workloads of the paper's other benchmarks: create-delete workers, and the broadcast alone. */
class PaperBenchmarkWorkloadsTest {
    private static ZabConfig createDelete(int workers) {
        return ZabRun.quick(3, workers).toBuilder().workload(new ZabWorkload("create-delete", workers, 0, 1, 1024, 0, 0)).build();
    }

    private static ZabConfig broadcast(int inFlight) {
        return ZabRun.quick(3, 0).toBuilder().workload(new ZabWorkload("broadcast", 0, 0, inFlight, 1024, 0, 0)).build();
    }

    @Test
    void createDeleteWorkersWaitForEachCreateAndDeleteEveryNodeTheyMade() {
        int workers = 4;
        ZabRun run = ZabRun.of(3, createDelete(workers));
        TreeMap<String, Long> ok = new TreeMap<>();
        TreeMap<Integer, Integer> createsInFlight = new TreeMap<>();
        int[] mostCreatesInFlight = {0};
        run.sim().addObserver((t, node, event) -> {
            if (event instanceof Observations.Call c && c.op().kind() == Op.Kind.CREATE) {
                int now = createsInFlight.merge(c.client(), 1, Integer::sum);
                mostCreatesInFlight[0] = Math.max(mostCreatesInFlight[0], now);
            } else if (event instanceof Observations.Answer a) {
                if (a.op().kind() == Op.Kind.CREATE) {
                    createsInFlight.merge(a.client(), -1, Integer::sum);
                }
                if (a.result().code() == Code.OK) {
                    ok.merge(a.op().kind().name(), 1L, Long::sum);
                }
            }
        });
        run.run(300_000_000L);

        long creates = ok.getOrDefault("CREATE", 0L);
        long deletes = ok.getOrDefault("DELETE", 0L);
        assertTrue(creates > 20, "the workers should have created nodes, created " + creates);
        assertTrue(creates - deletes >= 0 && creates - deletes <= workers,
                "each node created is deleted, but for at most one per worker still under way: " + creates + " created, " + deletes + " deleted");
        assertEquals(1, mostCreatesInFlight[0], "a worker waits for each create before the next");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @Test
    void theBroadcastWorkloadCommitsTransactionsGeneratedAtTheLeader() {
        ZabRun run = ZabRun.of(5, broadcast(10)).run(300_000_000L);
        long committed = run.sim().metrics().completedByKind().getOrDefault("write", 0L);
        assertTrue(committed > 100, "the leader's own transactions should commit, " + committed + " did");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertEquals(committed, run.zab().requests().writes());
    }

    @Test
    void sameSeedSameRunDifferentSeedDifferentRun() {
        assertEquals(ZabRun.of(7, broadcast(10)).run(200_000_000L).sim().digestHex(), ZabRun.of(7, broadcast(10)).run(200_000_000L).sim().digestHex());
        assertEquals(ZabRun.of(7, createDelete(3)).run(200_000_000L).sim().digestHex(),
                ZabRun.of(7, createDelete(3)).run(200_000_000L).sim().digestHex());
        assertNotEquals(ZabRun.of(7, createDelete(3)).run(200_000_000L).sim().digestHex(),
                ZabRun.of(8, createDelete(3)).run(200_000_000L).sim().digestHex());
    }

    @Test
    void aSyncRatioPrecedesThatShareOfReadsWithASync() {
        ZabConfig config = ZabRun.quick(3, 3).toBuilder()
                .workload(ZabWorkload.saturation(3, 1.0, 2).toBuilder().loadStartNanos(50_000_000L).syncRatio(1.0).build()).build();
        ZabRun run = ZabRun.of(4, config).run(300_000_000L);
        var f = run.zab().figures();
        assertTrue(f.get("readsMeasured") > 20, f.toString());
        assertEquals(f.get("readsMeasured"), f.get("readsAfterSync"), "every read follows its sync: " + f);
        assertTrue(run.sim().metrics().completedByKind().getOrDefault("sync", 0L) > 20);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());

        ZabRun without = ZabRun.of(4, config.toBuilder().workload(config.workload().toBuilder().syncRatio(0).build()).build()).run(300_000_000L);
        assertEquals(0.0, without.zab().figures().get("readsAfterSync"));
        assertEquals(0L, without.sim().metrics().completedByKind().getOrDefault("sync", 0L));
    }

    @Test
    void withReadNextEachClientReadsTheNextClientsZnode() {
        ZabConfig config = ZabRun.quick(3, 3).toBuilder()
                .workload(ZabWorkload.saturation(3, 0.5, 2).toBuilder().loadStartNanos(50_000_000L).readNext(true).build()).build();
        ZabRun run = ZabRun.of(4, config);
        java.util.TreeSet<String> readByFirstClient = new java.util.TreeSet<>();
        int firstClient = config.servers();
        run.sim().addObserver((t, node, event) -> {
            if (event instanceof Observations.Call c && c.client() == firstClient && c.op().kind() == Op.Kind.GET_DATA) {
                readByFirstClient.add(c.op().path());
            }
        });
        run.run(200_000_000L);
        assertEquals(java.util.Set.of("/c1"), readByFirstClient);
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        ZabConfig lock = ZabRun.quick(3, 3).toBuilder()
                .workload(ZabRun.quick(3, 3).workload().toBuilder().kind("lock").readNext(true).build()).build();
        assertTrue(lock.validate().stream().anyMatch(p -> p.contains("readNext is for the saturation workload only")), String.valueOf(lock.validate()));
    }

    @Test
    void theBroadcastWorkloadTakesNoClients() {
        ZabConfig withClients = ZabRun.quick(3, 2).toBuilder().workload(new ZabWorkload("broadcast", 2, 0, 10, 1024, 0, 0)).build();
        assertTrue(withClients.validate().stream().anyMatch(p -> p.contains("clients must be 0 with workload kind broadcast")),
                String.valueOf(withClients.validate()));
        assertEquals(java.util.List.of(), broadcast(10).validate());
    }
}
