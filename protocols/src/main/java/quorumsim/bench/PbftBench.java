package quorumsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import quorumsim.core.Simulation;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.deploy.PbftDeployment;

/**
 * PBFT's simulation speed at growing n, with the workload of issue 11's comparison table:
 * one client, sequential requests, one-way delay normal(250 ms, 50 ms) on a 1 Gbit/s network,
 * a view-change timeout of 6 s so that no view change happens, default costs. Each n runs
 * once (after a warm-up run at n = 4 by the caller); wall time is read only here, around the
 * runs, never inside one. Peak heap is the sum of the heap pools' peaks during the run
 * (reset before it), so it includes garbage not collected yet: an upper bound.
 */
public final class PbftBench {
    static final long LATENCY_MEAN_NANOS = 250_000_000L;
    static final long LATENCY_STDDEV_NANOS = 50_000_000L;
    static final long VIEW_CHANGE_TIMEOUT_NANOS = 6_000_000_000L;
    static final long BANDWIDTH_BITS_PER_SEC = 1_000_000_000L;
    /** Virtual time after which a row gives up: far beyond 1,000 requests at 5 delays each. */
    static final long DEADLINE_NANOS = 3_600_000_000_000L;

    private PbftBench() {
    }

    /** One measured run. */
    public record Row(int n, int f, long requests, long completed, long messages, long events, long wallNanos,
                      long cpuNanos, long peakHeapBytes, long virtualNanos, String digest) {
        public double messagesPerSec() {
            return messages / (wallNanos / 1e9);
        }

        /** Messages per second of the running thread's CPU time: what the run does when it gets a core. */
        public double messagesPerCpuSec() {
            return messages / (cpuNanos / 1e9);
        }

        public double eventsPerSec() {
            return events / (wallNanos / 1e9);
        }

        /** Wall seconds per 100 requests. */
        public double wallSecPer100() {
            return wallNanos / 1e9 / completed * 100;
        }
    }

    /** The configuration a row runs: f = floor((n-1)/3), one client, the timeout above. */
    public static PbftConfig config(int n) {
        PbftConfig defaults = PbftConfig.defaults();
        return defaults.toBuilder().tolerating((n - 1) / 3).replicas(n).viewChangeTimeoutNanos(VIEW_CHANGE_TIMEOUT_NANOS)
                .workload(defaults.workload().toBuilder().clients(1).outstanding(1).build()).build();
    }

    /** Runs {@code requests} sequential requests at n, measured. */
    public static Row run(int n, long requests, long seed) {
        PbftConfig config = config(n);
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder()
                .latency(new LatencyDistribution.Normal(LATENCY_MEAN_NANOS, LATENCY_STDDEV_NANOS))
                .bandwidthBitsPerSec(BANDWIDTH_BITS_PER_SEC).build();
        List<MemoryPoolMXBean> heap = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap.add(pool);
                pool.resetPeakUsage();
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Simulation sim = new Simulation(seed, network, PbftDeployment.costModel(config), 1_000_000_000L);
        PbftDeployment deployment = PbftDeployment.deploy(sim, config);
        sim.runUntil(() -> deployment.record().completed() >= requests, DEADLINE_NANOS);
        long wall = System.nanoTime() - t0;
        long cpu = threads.getCurrentThreadCpuTime() - c0;
        long peak = 0;
        for (MemoryPoolMXBean pool : heap) {
            peak += pool.getPeakUsage().getUsed();
        }
        return new Row(n, config.f(), requests, deployment.record().completed(), sim.metrics().messagesTotal(),
                sim.events(), wall, cpu, peak, sim.now(), sim.digestHex());
    }
}
