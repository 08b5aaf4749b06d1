package quorumsim.reproduce;

import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.disk.DiskConfig;
import quorumsim.fault.Target;
import quorumsim.result.Verdict;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.client.SaturationDriver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;

/**
 * One cell of the paper's throughput experiment as one {@link Simulation}: n Zab servers with
 * the calibration's hardware and costs, then {@code clients} saturation clients (each reading or
 * unconditionally writing its own 1 KB znode with {@code outstanding} requests in flight),
 * spread evenly over the servers that serve. The clients start once the ensemble serves; after
 * a warm-up, the throughput is the rate of completions over the measured window (see
 * {@link Throughput}), as the paper's clients reported their completions every 300 ms.
 *
 * @param calibration the testbed's hardware and costs
 * @param clients     saturation clients (the paper: 250)
 * @param outstanding requests in flight per client (the paper: 100)
 * @param timing      when clients start, how long the warm-up and the measured window last
 */
public record ZkExperiment(ZkCalibration calibration, int clients, int outstanding, Timing timing) {
    /**
     * When the clients start and what is measured. The window lasts at least
     * {@code minMeasureNanos} and until {@code minOperations} operations have completed in it
     * (checked at each bucket boundary), but no longer than {@code maxMeasureNanos}.
     *
     * @param clientStartNanos the clients start here (the first election and synchronization are over)
     * @param warmupNanos      from the clients' start to the measured window (sessions, znodes, queues filling)
     * @param minMeasureNanos  the shortest measured window
     * @param minOperations    operations the window must hold
     * @param maxMeasureNanos  the longest measured window
     */
    public record Timing(long clientStartNanos, long warmupNanos, long minMeasureNanos, long minOperations, long maxMeasureNanos) {
        public Timing {
            if (clientStartNanos < 0 || warmupNanos < 0 || minMeasureNanos <= 0 || minOperations < 0 || maxMeasureNanos < minMeasureNanos
                    || (clientStartNanos + warmupNanos) % BUCKET_NANOS != 0 || minMeasureNanos % BUCKET_NANOS != 0
                    || maxMeasureNanos % BUCKET_NANOS != 0) {
                throw new IllegalArgumentException("the measured window must start and last whole " + BUCKET_NANOS / 1_000_000
                        + " ms buckets, and its longest must not be shorter than its shortest: " + this);
            }
        }

        /** A window of exactly {@code measureNanos}. */
        public static Timing fixed(long clientStartNanos, long warmupNanos, long measureNanos) {
            return new Timing(clientStartNanos, warmupNanos, measureNanos, 0, measureNanos);
        }

        public long measureFromNanos() {
            return clientStartNanos + warmupNanos;
        }
    }

    /**
     * The clients start at 1 s (the first election waits 200 ms to finalize, then discovery and
     * synchronization) and warm up for 0.8 s (sessions, znodes, the queues filling: the
     * 100%-read cells settle within 0.6 s). The window lasts at least 0.5 s and holds at least
     * 20,000 operations: ten cycles of the 2,000 requests in process, because saturated writes
     * complete in throttle-sized bursts (see {@link Throughput}). Reads are steady and take the
     * 0.5 s; writes on 13 servers take about 2.4 s. The cells are saturated, so a seed changes
     * little but the network's latency draws.
     */
    public static final Timing TIMING = new Timing(1_000_000_000L, 800_000_000L, 500_000_000L, 20_000, 5_000_000_000L);

    /** The paper's experiment: 250 clients with 100 requests outstanding each. */
    public static ZkExperiment paper(ZkCalibration calibration, Timing timing) {
        return new ZkExperiment(calibration, ZkPaper.CLIENTS, ZkPaper.OUTSTANDING, timing);
    }

    /** The Zab configuration of a cell: the paper's throttle and 1 KB requests, the calibration's hardware. */
    public ZabConfig config(int servers, int readPct) {
        ZabWorkload none = ZabWorkload.saturation(0, readPct / 100.0, outstanding).toBuilder().requestSizeBytes(ZkPaper.REQUEST_BYTES).build();
        return calibration.applyTo(ZabConfig.defaults()).toBuilder().servers(servers).throttle(ZkPaper.THROTTLE)
                .sessionTimeoutNanos(SESSION_TIMEOUT_NANOS).tickNanos(TICK_NANOS).syncLimitTicks(SYNC_LIMIT_TICKS)
                .workload(none).build();
    }

    /**
     * ZooKeeper 3.x's sample configuration, which the paper's deployment would have run:
     * tickTime=2000 and syncLimit=5. A follower whose heartbeat answer waits behind a
     * saturated server's backlog must not be taken for dead.
     */
    private static final long TICK_NANOS = 2_000_000_000L;
    private static final int SYNC_LIMIT_TICKS = 5;

    /** Throughput over time is kept in 50 ms buckets. */
    static final long BUCKET_NANOS = 50_000_000L;

    /** Sessions outlive any queueing delay of a saturated ensemble (the benchmark's clients never lost theirs). */
    private static final long SESSION_TIMEOUT_NANOS = 30_000_000_000L;

    /** Runs one cell with {@code seed}. */
    public CellResult run(int servers, int readPct, long seed) {
        long wallStart = System.nanoTime();
        ZabConfig config = config(servers, readPct);
        Simulation sim = new Simulation(seed, calibration.networkConfig(), ZabDeployment.costModel(config), BUCKET_NANOS);
        ZabDeployment deployment = ZabDeployment.deploy(sim, config);
        int serving = config.servingServers();
        NodeSpec clientSpec = NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).disk(DiskConfig.INSTANT).build();
        for (int c = 0; c < clients; c++) {
            int first = c % serving;
            SaturationDriver driver = new SaturationDriver("/c" + c, readPct / 100.0, outstanding, ZkPaper.REQUEST_BYTES, 0);
            sim.addNode("c" + c, clientSpec, (self, store) ->
                    new DelayedStart(new ZkClient(first, servers, config.sessionTimeoutNanos(), driver), timing.clientStartNanos()));
        }
        sim.at(timing.clientStartNanos(), () -> requireServing(sim, config));
        long from = timing.measureFromNanos();
        long latest = from + timing.maxMeasureNanos();
        sim.metrics().measureBetween(from, latest);
        BusyMeter busy = new BusyMeter(sim, servers);
        sim.at(from, busy::start);
        long[] end = {latest};
        for (long t = from + timing.minMeasureNanos(); t < latest; t += BUCKET_NANOS) {
            long boundary = t;                                       // runs before anything else due at this instant
            sim.at(boundary, () -> {
                if (end[0] == latest && sim.metrics().completedTotal() >= timing.minOperations()) {
                    end[0] = boundary;
                }
            });
        }
        sim.runUntil(() -> end[0] != latest, latest);
        busy.stop();
        Verdict safety = deployment.safety();
        var done = sim.metrics().completedByKind();
        long reads = done.getOrDefault("read", 0L);
        long writes = done.getOrDefault("write", 0L);
        double opsPerSec = Throughput.slopePerSec(sim.metrics().completionsPerBucket(), BUCKET_NANOS, from, end[0]);
        double readShare = reads + writes == 0 ? 0 : reads / (double) (reads + writes);
        int leader = servers - 1;
        return new CellResult(servers, readPct, opsPerSec, opsPerSec * readShare, opsPerSec * (1 - readShare),
                (end[0] - from) / 1e9, busy.busy(leader), busy.meanBusyExcept(leader), safety.holds(), safety.detail(), sim.events(),
                (System.nanoTime() - wallStart) / 1e9, sim.digestHex());
    }

    /**
     * Clients are spread over s0..s(n-2) when the leader does not serve, because the first
     * election makes the highest id, s(n-1), the leader. Check that it did, and that it serves.
     */
    private static void requireServing(Simulation sim, ZabConfig config) {
        int[] leader = sim.resolve(new Target.Role("leader"), false);
        if (leader.length != 1) {
            throw new IllegalStateException("no established leader when the clients start at " + sim.now() / 1_000_000
                    + " ms: start them later");
        }
        if (!config.leaderServes() && leader[0] != config.servers() - 1) {
            throw new IllegalStateException("s" + leader[0] + " leads, not s" + (config.servers() - 1)
                    + ": clients were placed on the wrong servers");
        }
    }

    /** CPU busy share of each server over the measured window (cores busy / cores). */
    private static final class BusyMeter {
        private final Simulation sim;
        private final double[] atStart;
        private final double[] share;
        private long startNanos;

        BusyMeter(Simulation sim, int servers) {
            this.sim = sim;
            this.atStart = new double[servers];
            this.share = new double[servers];
        }

        void start() {
            startNanos = sim.now();
            for (int i = 0; i < atStart.length; i++) {
                atStart[i] = sim.cpuUtilisation(i) * startNanos;
            }
        }

        void stop() {
            long now = sim.now();
            for (int i = 0; i < share.length; i++) {
                share[i] = (sim.cpuUtilisation(i) * now - atStart[i]) / (now - startNanos);
            }
        }

        double busy(int server) {
            return share[server];
        }

        double meanBusyExcept(int server) {
            double sum = 0;
            for (int i = 0; i < share.length; i++) {
                if (i != server) {
                    sum += share[i];
                }
            }
            return share.length > 1 ? sum / (share.length - 1) : 0;
        }
    }
}
