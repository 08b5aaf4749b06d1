package quorumsim.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.run.Json;

/**
 * What {@code reproduce pbft-latency} leaves in its folder: {@code table.csv}
 * ({@code case,f,operation,latency_ms}) and {@code summary.json} (the set-up file, every
 * cell with its run's digest, the f = 2 / f = 1 ratios). Everything but the wall time is the
 * same for the same seed.
 */
public final class PbftLatencyFiles {
    private static final CsvMapper CSV = new CsvMapper();

    private PbftLatencyFiles() {
    }

    @JsonPropertyOrder({"case", "f", "operation", "latency_ms"})
    record Row(@JsonProperty("case") String caseName, @JsonProperty("f") int f, @JsonProperty("operation") String operation,
               @JsonProperty("latency_ms") double latencyMs) {
    }

    /** summary.json: {@code scenario} and {@code seed} let the output folder be recognised and reused. */
    public record Summary(String scenario, long seed, String setup, java.util.List<PbftLatency.Cell> cells,
                          Map<String, Double> ratioF2OverF1, boolean safetyHolds, long events, double wallSeconds) {
    }

    public static void write(Path dir, PbftLatency table) {
        CsvSchema schema = CSV.schemaFor(Row.class).withHeader();
        try {
            CSV.writer(schema).writeValue(dir.resolve(ReproductionFiles.TABLE_CSV).toFile(), table.cells().stream()
                    .map(c -> new Row(c.caseName(), c.f(), c.operation(), Math.round(c.latencyMs() * 1000) / 1000.0)).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ReproductionFiles.TABLE_CSV) + ": " + e.getMessage(), e);
        }
        Json.write(dir.resolve(ReproductionFiles.SUMMARY_JSON), new Summary("pbft-latency", table.seed(), PbftLatency.SETUP,
                table.cells(), ratios(table), table.allSafe(), table.events(), table.wallSeconds()));
    }

    /** f = 2 over f = 1, by case and operation ("0/0 read-write"). */
    public static Map<String, Double> ratios(PbftLatency table) {
        TreeMap<String, Double> out = new TreeMap<>();
        for (int[] sizes : PbftLatency.CASES) {
            String caseName = sizes[0] + "/" + sizes[1];
            for (String op : java.util.List.of(PbftLatency.READ_WRITE, PbftLatency.READ_ONLY)) {
                out.put(caseName + " " + op, Math.round(table.ratioF2OverF1(caseName, op) * 1000) / 1000.0);
            }
        }
        return out;
    }
}
