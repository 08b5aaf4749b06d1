package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.disk.DiskConfig;
import quorumsim.result.Verdict;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.client.CreateDeleteDriver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;

/**
 * The ZooKeeper paper's create benchmark (section 5.2, modelled after Chubby's): workers that
 * each create a 1 KB node, wait for the answer and delete it asynchronously, on 3, 5, 7 and 9
 * servers with 1, 10 and 20 workers, with the Table 1 calibration unchanged. The rate is
 * creates answered per second over the window; the latency is their mean, issue to answer.
 *
 * @param seed        the seed every cell ran with
 * @param rows        one per (servers, workers), by ensemble size then workers
 * @param wallSeconds wall time of the whole grid
 */
public record ZkCreate(long seed, List<Row> rows, double wallSeconds) {
    public static final List<Integer> SERVERS = List.of(3, 5, 7, 9);
    public static final List<Integer> WORKERS = List.of(1, 10, 20);

    /** Workers start at 1 s, warm up for 0.5 s; the window is the 2 s after. */
    static final long START_NANOS = 1_000_000_000L;
    static final long WARMUP_NANOS = 500_000_000L;
    static final long WINDOW_NANOS = 2_000_000_000L;

    /**
     * One cell.
     *
     * @param createsPerSec creates answered per second in the window
     * @param meanLatencyMs their mean latency
     * @param safetyHolds   the Zab checkers found nothing
     */
    public record Row(int servers, int workers, double createsPerSec, double meanLatencyMs, boolean safetyHolds, String safety,
                      long events, String digest) {
    }

    private record Cell(int servers, int workers) {
    }

    public static ZkCreate run(ZkExperiment experiment, long seed, int jobs, Consumer<Row> onCellDone) {
        long start = System.nanoTime();
        List<Cell> cells = new ArrayList<>();
        for (int n : SERVERS) {
            for (int w : WORKERS) {
                cells.add(new Cell(n, w));
            }
        }
        List<Row> rows = CellBatch.map(cells, jobs, c -> cell(experiment, c.servers(), c.workers(), seed), onCellDone);
        return new ZkCreate(seed, rows, (System.nanoTime() - start) / 1e9);
    }

    /** One cell: {@code workers} create-delete workers spread over the serving servers, as the paper's clients were. */
    static Row cell(ZkExperiment experiment, int servers, int workers, long seed) {
        ZabConfig config = experiment.config(servers, 0).toBuilder().workload(
                new ZabWorkload("create-delete", 0, 0, 1, ZkPaper.REQUEST_BYTES, 0, 0)).build();
        Simulation sim = new Simulation(seed, experiment.calibration().networkConfig(), ZabDeployment.costModel(config), ZkExperiment.BUCKET_NANOS);
        ZabDeployment deployment = ZabDeployment.deploy(sim, config);
        int serving = config.servingServers();
        NodeSpec clientSpec = NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).disk(DiskConfig.INSTANT).build();
        List<CreateDeleteDriver> drivers = new ArrayList<>();
        for (int c = 0; c < workers; c++) {
            int first = c % serving;
            CreateDeleteDriver driver = new CreateDeleteDriver("/w" + c + "-", ZkPaper.REQUEST_BYTES);
            drivers.add(driver);
            sim.addNode("c" + c, clientSpec, (self, store) ->
                    new DelayedStart(new ZkClient(first, servers, config.sessionTimeoutNanos(), driver), START_NANOS));
        }
        long from = START_NANOS + WARMUP_NANOS;
        long[] atFrom = new long[2];
        sim.at(from, () -> {
            atFrom[0] = drivers.stream().mapToLong(CreateDeleteDriver::creates).sum();
            atFrom[1] = drivers.stream().mapToLong(CreateDeleteDriver::latencyTotalNanos).sum();
        });
        sim.runUntil(from + WINDOW_NANOS);
        long creates = drivers.stream().mapToLong(CreateDeleteDriver::creates).sum() - atFrom[0];
        long latency = drivers.stream().mapToLong(CreateDeleteDriver::latencyTotalNanos).sum() - atFrom[1];
        Verdict safety = deployment.safety();
        return new Row(servers, workers, creates * 1e9 / WINDOW_NANOS, creates == 0 ? Double.NaN : latency / 1e6 / creates,
                safety.holds(), safety.detail(), sim.events(), sim.digestHex());
    }

    public Row row(int servers, int workers) {
        for (Row r : rows) {
            if (r.servers() == servers && r.workers() == workers) {
                return r;
            }
        }
        throw new IllegalArgumentException("no cell for " + servers + " servers and " + workers + " workers");
    }

    public long events() {
        return rows.stream().mapToLong(Row::events).sum();
    }
}
