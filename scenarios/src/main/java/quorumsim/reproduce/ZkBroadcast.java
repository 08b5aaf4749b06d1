package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import quorumsim.core.Simulation;
import quorumsim.result.Verdict;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.deploy.ZabDeployment;

/**
 * The ZooKeeper paper's benchmark of the atomic broadcast alone (section 5.1): no clients and
 * no request processing; the leader generates 1 KB transactions and keeps {@link #IN_FLIGHT} of
 * them awaiting their quorum. The rate is commits per second at the leader over the window, on
 * 3 to 13 servers, with the Table 1 calibration unchanged.
 *
 * @param seed        the seed every cell ran with
 * @param rows        one per ensemble size
 * @param wallSeconds wall time of the whole run
 */
public record ZkBroadcast(long seed, List<Row> rows, double wallSeconds) {
    public static final List<Integer> SERVERS = List.of(3, 5, 7, 9, 11, 13);
    /** As many transactions in flight as the full system holds requests in process (its throttle). */
    static final int IN_FLIGHT = ZkPaper.THROTTLE;

    /** The first leader broadcasts within 0.5 s; the window is the 2 s after 1 s. */
    static final long FROM_NANOS = 1_000_000_000L;
    static final long WINDOW_NANOS = 2_000_000_000L;

    /**
     * One ensemble size.
     *
     * @param opsPerSec     transactions committed per second
     * @param leaderCpuBusy the leader's CPU busy share over the whole run
     */
    public record Row(int servers, double opsPerSec, double leaderCpuBusy, boolean safetyHolds, String safety, long events, String digest) {
    }

    public static ZkBroadcast run(ZkExperiment experiment, long seed, int jobs, Consumer<Row> onCellDone) {
        long start = System.nanoTime();
        List<Row> rows = CellBatch.map(new ArrayList<>(SERVERS), jobs, n -> cell(experiment, n, seed), onCellDone);
        return new ZkBroadcast(seed, rows, (System.nanoTime() - start) / 1e9);
    }

    static Row cell(ZkExperiment experiment, int servers, long seed) {
        ZabConfig config = experiment.config(servers, 0).toBuilder().workload(
                new ZabWorkload("broadcast", 0, 0, IN_FLIGHT, ZkPaper.REQUEST_BYTES, 0, 0)).build();
        Simulation sim = new Simulation(seed, experiment.calibration().networkConfig(), ZabDeployment.costModel(config), ZkExperiment.BUCKET_NANOS);
        ZabDeployment deployment = ZabDeployment.deploy(sim, config);
        sim.metrics().measureBetween(FROM_NANOS, FROM_NANOS + WINDOW_NANOS);
        sim.runUntil(FROM_NANOS + WINDOW_NANOS);
        Verdict safety = deployment.safety();
        double opsPerSec = Throughput.slopePerSec(sim.metrics().completionsPerBucket(), ZkExperiment.BUCKET_NANOS, FROM_NANOS,
                FROM_NANOS + WINDOW_NANOS);
        return new Row(servers, opsPerSec, sim.cpuUtilisation(servers - 1), safety.holds(), safety.detail(), sim.events(), sim.digestHex());
    }

    public long events() {
        return rows.stream().mapToLong(Row::events).sum();
    }
}
