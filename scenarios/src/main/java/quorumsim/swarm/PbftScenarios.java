package quorumsim.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import quorumsim.pbft.byzantine.ByzantineReplica;

/**
 * PBFT scenarios inside the paper's assumptions: n of 3f+1 or a little more (the quorum left
 * to the default), any latency distribution with loss, duplication and reordering (PBFT runs
 * over datagrams), up to f Byzantine replicas with any behaviour, and crashes or pauses of at
 * most f minus the Byzantine ones at a time.
 */
final class PbftScenarios {
    private static final List<String> BEHAVIOURS = List.copyOf(ByzantineReplica.BEHAVIOURS);

    private PbftScenarios() {
    }

    /** @param servers n to use, or 0 to draw it (3f+1, now and then one or two more) */
    static Doc generate(long seed, SizeRange size, int servers, Shape shape) {
        SplittableRandom random = new SplittableRandom(seed);
        int f = size.draw(random);
        int drawn = 3 * f + 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
        int n = servers > 0 ? servers : drawn;
        Doc doc = Generator.header("pbft", seed);
        doc.put("cluster", n == 3 * f + 1 ? Doc.map("f", f) : Doc.map("f", f, "n", n));
        doc.put("network", Generator.network(random, true));

        int vctMs = pick(random, 30, 50, 100);
        int k = pick(random, 16, 32, 64, 128);
        LinkedHashMap<String, Object> pbft = Doc.map("viewChangeTimeout", vctMs + "ms", "checkpointInterval", k, "logWindow", 2 * k,
                "batchSize", pick(random, 1, 1, 4, 8, 16));
        if (random.nextInt(4) == 0) {
            pbft.put("authentication", "signature");
        }
        if (random.nextInt(3) == 0) {
            pbft.put("tentativeExecution", true);
        }
        if (random.nextInt(3) == 0) {
            pbft.put("readOnly", true);
        }
        doc.put("pbft", pbft);
        int mostClients = Math.max(1, 5 - f);   // a request costs about n^2 messages: fewer clients on big clusters keep a seed cheap
        doc.put("workload", Doc.map("clients", 1 + random.nextInt(mostClients), "outstanding", 1 + random.nextInt(2),
                "readRatio", pick(random, 0.0, 0.0, 0.2, 0.5), "requestSize", pick(random, "64B", "256B", "1KB", "4KB")));

        int byzantineCount = random.nextInt(3) == 0 ? 0 : random.nextInt(f + 1);
        TreeSet<Integer> byzantine = new TreeSet<>();
        while (byzantine.size() < byzantineCount) {
            byzantine.add(random.nextInt(n));
        }
        List<Object> entries = new ArrayList<>();
        for (int node : byzantine) {
            long from = random.nextInt(2) == 0 ? 0 : random.nextLong(shape.healByMs());
            LinkedHashMap<String, Object> entry = Doc.map("node", node, "behaviour", BEHAVIOURS.get(random.nextInt(BEHAVIOURS.size())),
                    "from", Timeline.ms(from));
            if (random.nextBoolean()) {
                entry.put("until", Timeline.ms(from + 1 + random.nextLong(Math.max(1, shape.healByMs() - from))));
            }
            entries.add(entry);
        }
        doc.putList("byzantine", entries);

        Timeline timeline = new Timeline(random, n, "primary", byzantine, f - byzantineCount)
                .draw(shape.maxFaults(), shape.faultsFromMs(), shape.healByMs());
        doc.putList("faults", timeline.faults());
        Generator.finish(doc, shape, Generator.leastBoundMs(doc));
        return doc;
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
