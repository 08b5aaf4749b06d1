package quorumsim.swarm;

import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * ZooKeeper/Zab scenarios inside its assumptions: a majority quorum (left to the default),
 * links that behave like TCP connections (latency and bandwidth only: no loss, duplication or
 * reordering), crash faults only (no Byzantine servers), and crashes, power-offs or pauses of at
 * most a minority of servers. A third of the workloads with reads precede a share of them with
 * {@code sync}.
 */
final class ZabScenarios {
    private ZabScenarios() {
    }

    /** @param servers n to use, or 0 to draw it from {@code size} */
    static Doc generate(long seed, SizeRange size, int servers, Shape shape) {
        SplittableRandom random = new SplittableRandom(seed);
        int drawn = size.draw(random);
        int n = servers > 0 ? servers : drawn;
        Doc doc = Generator.header("zab", seed);
        doc.put("cluster", Doc.map("n", n));
        doc.put("network", Generator.network(random, false));

        String kind = PbftScenarios.pick(random, "saturation", "saturation", "saturation", "lock", "election");
        int sessionMs = PbftScenarios.pick(random, 600, 1000, 1500);
        LinkedHashMap<String, Object> zab = Doc.map("sessionTimeout", sessionMs + "ms",
                "tick", PbftScenarios.pick(random, "50ms", "100ms"), "syncLimit", PbftScenarios.pick(random, 5, 10),
                "electionWait", PbftScenarios.pick(random, "50ms", "100ms", "200ms"));
        if (random.nextInt(4) == 0) {
            zab.put("leaderServes", false);
        }
        if (!kind.equals("saturation")) {
            zab.put("hold", (5 + random.nextInt(50)) + "ms");
        }
        doc.put("zab", zab);
        LinkedHashMap<String, Object> workload = Doc.map("kind", kind, "clients", 1 + random.nextInt(6));
        if (kind.equals("saturation")) {
            workload.put("outstanding", 1 + random.nextInt(3));
            workload.put("readRatio", PbftScenarios.pick(random, 0.0, 0.2, 0.5, 0.8));
            workload.put("requestSize", PbftScenarios.pick(random, "64B", "256B", "1KB", "4KB"));
            if ((double) workload.get("readRatio") > 0 && random.nextInt(3) == 0) {
                workload.put("sync", PbftScenarios.pick(random, 0.1, 0.5, 1.0));  // the sync checker then has reads to judge
                if (random.nextBoolean()) {
                    zab.put("readNext", true);                        // reads of another client's znode: a sync matters
                }
            }
        }
        doc.put("workload", workload);

        Timeline timeline = new Timeline(random, n, "leader", new TreeSet<>(), (n - 1) / 2).withPowerOff()
                .draw(shape.maxFaults(), shape.faultsFromMs(), shape.healByMs());
        doc.putList("faults", timeline.faults());
        Generator.finish(doc, shape, Generator.leastBoundMs(doc));
        return doc;
    }
}
