package quorumsim.reproduce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import quorumsim.run.Json;

/**
 * What a reproduction leaves in its output folder: {@code table.csv}, {@code read-mix.csv},
 * {@code create.csv}, {@code broadcast.csv} or {@code timeline.csv}, and {@code summary.json}
 * with the set-up, every cell's measurements and the run's cost.
 * Everything but the wall times and events per second is the same for the same seed.
 */
public final class ReproductionFiles {
    public static final String TABLE_CSV = "table.csv";
    public static final String READ_MIX_CSV = "read-mix.csv";
    public static final String SUMMARY_JSON = "summary.json";

    private static final CsvMapper CSV = new CsvMapper();

    private ReproductionFiles() {
    }

    /**
     * The experiment as it ran: the paper's set-up and the measurement's timing.
     *
     * @param calibrationProfile the calibration profile's resource name
     * @param leaderServes       whether the leader took clients
     */
    public record Setup(String calibrationProfile, boolean leaderServes, int clients, int outstanding, int throttle,
                        int requestBytes, double clientStartMs, double warmupMs, double minWindowMs, long minWindowOperations,
                        double maxWindowMs) {
        static Setup of(ZkExperiment e, String profile) {
            return new Setup(profile, e.calibration().zab().leaderServes(), e.clients(), e.outstanding(), ZkPaper.THROTTLE,
                    ZkPaper.REQUEST_BYTES, e.timing().clientStartNanos() / 1e6, e.timing().warmupNanos() / 1e6,
                    e.timing().minMeasureNanos() / 1e6, e.timing().minOperations(), e.timing().maxMeasureNanos() / 1e6);
        }
    }

    /** summary.json. {@code scenario} and {@code seed} let the output folder be recognised and reused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String scenario, long seed, Setup setup, List<TableRow> table, List<ReadMixRow> readMix,
                          Double maxAbsDeviationPct, Boolean allWithinTolerance, List<CellResult> cells, long events,
                          double wallSeconds, double eventsPerSecond) {
    }

    public static void writeTable(Path dir, ZkTable table, ZkExperiment experiment, String profile) {
        writeCsv(dir.resolve(TABLE_CSV), TableRow.class, table.rows());
        Json.write(dir.resolve(SUMMARY_JSON), new Summary("zk-table", table.seed(), Setup.of(experiment, profile), table.rows(),
                null, table.maxAbsDeviationPct(), table.allWithinTolerance(), table.cells(), table.events(),
                table.wallSeconds(), table.eventsPerSecond()));
    }

    public static void writeReadMix(Path dir, ZkReadMix mix, ZkExperiment experiment, String profile) {
        writeCsv(dir.resolve(READ_MIX_CSV), ReadMixRow.class, mix.rows());
        Json.write(dir.resolve(SUMMARY_JSON), new Summary("zk-read-mix", mix.seed(), Setup.of(experiment, profile), null,
                mix.rows(), null, null, mix.cells(), mix.events(), mix.wallSeconds(), mix.eventsPerSecond()));
    }

    public static final String CREATE_CSV = "create.csv";
    public static final String BROADCAST_CSV = "broadcast.csv";
    public static final String TIMELINE_CSV = "timeline.csv";

    /** summary.json of zk-create, zk-broadcast and zk-failures: the set-up's profile and the whole result. */
    public record ResultSummary(String scenario, long seed, String calibrationProfile, Object result) {
    }

    @JsonPropertyOrder({"servers", "workers", "creates_per_sec", "mean_latency_ms"})
    record CreateCsvRow(@JsonProperty("servers") int servers, @JsonProperty("workers") int workers,
                        @JsonProperty("creates_per_sec") long createsPerSec, @JsonProperty("mean_latency_ms") double meanLatencyMs) {
    }

    @JsonPropertyOrder({"servers", "ops_per_sec"})
    record BroadcastCsvRow(@JsonProperty("servers") int servers, @JsonProperty("ops_per_sec") long opsPerSec) {
    }

    @JsonPropertyOrder({"second", "ops_per_sec"})
    record TimelineCsvRow(@JsonProperty("second") double second, @JsonProperty("ops_per_sec") long opsPerSec) {
    }

    public static void writeCreate(Path dir, ZkCreate create, String profile) {
        writeCsv(dir.resolve(CREATE_CSV), CreateCsvRow.class, create.rows().stream()
                .map(r -> new CreateCsvRow(r.servers(), r.workers(), Math.round(r.createsPerSec()), Math.round(r.meanLatencyMs() * 1000) / 1000.0))
                .toList());
        Json.write(dir.resolve(SUMMARY_JSON), new ResultSummary("zk-create", create.seed(), profile, create));
    }

    public static void writeBroadcast(Path dir, ZkBroadcast broadcast, String profile) {
        writeCsv(dir.resolve(BROADCAST_CSV), BroadcastCsvRow.class, broadcast.rows().stream()
                .map(r -> new BroadcastCsvRow(r.servers(), Math.round(r.opsPerSec()))).toList());
        Json.write(dir.resolve(SUMMARY_JSON), new ResultSummary("zk-broadcast", broadcast.seed(), profile, broadcast));
    }

    public static void writeFailures(Path dir, ZkFailures failures, String profile) {
        writeCsv(dir.resolve(TIMELINE_CSV), TimelineCsvRow.class, failures.timeline().stream()
                .map(p -> new TimelineCsvRow(p.second(), Math.round(p.opsPerSec()))).toList());
        Json.write(dir.resolve(SUMMARY_JSON), new ResultSummary("zk-failures", failures.seed(), profile, failures));
    }

    private static void writeCsv(Path file, Class<?> row, List<?> rows) {
        CsvSchema schema = CSV.schemaFor(row).withHeader();
        try {
            CSV.writer(schema).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
