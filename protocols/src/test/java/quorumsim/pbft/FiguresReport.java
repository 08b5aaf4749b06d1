package quorumsim.pbft;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import quorumsim.core.Simulation;
import quorumsim.kv.Workload;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.deploy.PbftDeployment;
import quorumsim.unreplicated.UnreplicatedDeployment;

/**
 * The figures for the PBFT note, printed, not asserted (run with -Dfigures=true): saturated
 * throughput and unloaded latency against f for PBFT and the unreplicated baseline on the
 * default costs, and the simulator's speed in simulated messages per wall second.
 */
@EnabledIfSystemProperty(named = "figures", matches = "true")
class FiguresReport {
    private static final long RUN_NANOS = 500_000_000L;
    private static final NetworkConfig LAN = NetworkConfig.ideal(100_000).toBuilder()
            .latency(new LatencyDistribution.Uniform(50_000, 150_000)).bandwidthBitsPerSec(10_000_000_000L).build();

    private static double[] measure(PbftConfig config, boolean replicated) {
        Simulation sim = new Simulation(1, LAN, PbftDeployment.costModel(config), 10_000_000);
        sim.metrics().measureBetween(100_000_000L, RUN_NANOS);
        PbftDeployment pbft = replicated ? PbftDeployment.deploy(sim, config) : null;
        if (!replicated) {
            UnreplicatedDeployment.deploy(sim, config);
        }
        long wall = System.nanoTime();
        sim.runUntil(RUN_NANOS);
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        double opsPerSec = sim.metrics().completedTotal() / ((RUN_NANOS - 100_000_000L) / 1e9);
        return new double[] {opsPerSec, sim.metrics().latency().getMean() / 1e6, sim.metrics().messagesTotal() / wallSeconds,
            pbft == null ? 0 : pbft.viewChanges(), sim.metrics().counter("clientRetries")};
    }

    @Test
    void print() {
        Workload saturating = Workload.defaults().toBuilder().clients(64).outstanding(4).build();
        Workload single = Workload.defaults().toBuilder().clients(1).build();
        System.out.println("f | unrepl ops/s | PBFT ops/s (view changes, client retries) | PBFT batch16 ops/s | unrepl ms (1 client) | PBFT ms (1 client) | msgs/wall s");
        for (int f = 1; f <= 5; f++) {
            PbftConfig c = PbftConfig.defaults().toBuilder().tolerating(f).build();
            double[] un = measure(c.toBuilder().workload(saturating).build(), false);
            double[] pb = measure(c.toBuilder().workload(saturating).build(), true);
            double[] batched = measure(c.toBuilder().workload(saturating).batchSize(16).batchWindowNanos(200_000L).build(), true);
            double[] unLat = measure(c.toBuilder().workload(single).build(), false);
            double[] pbLat = measure(c.toBuilder().workload(single).build(), true);
            System.out.printf("%d | %.0f | %.0f (%.0f, %.0f) | %.0f | %.3f | %.3f | %.0f%n", f, un[0], pb[0], pb[3], pb[4], batched[0], unLat[1], pbLat[1], pb[2]);
        }
    }
}
