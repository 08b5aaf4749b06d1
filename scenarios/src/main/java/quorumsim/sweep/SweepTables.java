package quorumsim.sweep;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import quorumsim.report.Aggregate;

/**
 * {@code sweep.csv} (one row per run) and {@code aggregate.csv} (per grid point: mean,
 * standard deviation and 95% confidence interval of every figure across seeds). Columns and
 * rows come in a fixed order and numbers print the same way everywhere, so the files are
 * byte-identical whatever the number of workers.
 */
public final class SweepTables {
    private static final CsvMapper CSV = new CsvMapper();

    private SweepTables() {
    }

    /** Figure names in a stable order: the summary's, then the protocol's own, sorted. */
    public static List<String> figureNames(List<SweepRun> runs) {
        List<String> names = new ArrayList<>();
        TreeSet<String> extra = new TreeSet<>();
        for (SweepRun run : runs) {
            for (String name : run.figures().keySet()) {
                if (quorumsim.scenario.SummaryFigures.NAMES.contains(name)) {
                    if (!names.contains(name)) {
                        names.add(name);
                    }
                } else {
                    extra.add(name);
                }
            }
        }
        names.sort(java.util.Comparator.comparingInt(quorumsim.scenario.SummaryFigures.NAMES::indexOf));
        names.addAll(extra);
        return names;
    }

    public static void writeRuns(Path file, List<Grid.Axis> axes, List<SweepRun> runs) {
        List<String> figures = figureNames(runs);
        List<List<String>> rows = new ArrayList<>();
        for (SweepRun run : runs) {
            rows.add(runRow(run, figures));
        }
        write(file, runColumns(axes, figures), rows);
    }

    static List<String> runColumns(List<Grid.Axis> axes, List<String> figures) {
        List<String> columns = new ArrayList<>();
        axes.forEach(a -> columns.add(a.path()));
        columns.add("seed");
        columns.addAll(figures);
        columns.add("safety");
        columns.add("liveness");
        columns.add("traceDigest");
        return columns;
    }

    static List<String> runRow(SweepRun run, List<String> figures) {
        List<String> row = new ArrayList<>(run.point());
        row.add(Long.toString(run.seed()));
        for (String figure : figures) {
            row.add(number(run.figures().getOrDefault(figure, Double.NaN)));
        }
        row.add(run.safety() ? "holds" : "violated");
        row.add(run.liveness() ? "holds" : "violated");
        row.add(run.traceDigest());
        return row;
    }

    /** Per grid point in first-seen order: the runs' figures aggregated across seeds. */
    public static Map<List<String>, Map<String, Aggregate>> aggregate(List<SweepRun> runs) {
        LinkedHashMap<List<String>, Map<String, Aggregate>> out = new LinkedHashMap<>();
        List<String> figures = figureNames(runs);
        LinkedHashMap<List<String>, List<SweepRun>> byPoint = new LinkedHashMap<>();
        for (SweepRun run : runs) {
            byPoint.computeIfAbsent(run.point(), p -> new ArrayList<>()).add(run);
        }
        byPoint.forEach((point, group) -> {
            LinkedHashMap<String, Aggregate> stats = new LinkedHashMap<>();
            for (String figure : figures) {
                double[] values = group.stream().mapToDouble(r -> r.figures().getOrDefault(figure, Double.NaN)).toArray();
                stats.put(figure, Aggregate.of(values));
            }
            stats.put("safetyHolds", Aggregate.of(group.stream().mapToDouble(r -> r.safety() ? 1 : 0).toArray()));
            stats.put("livenessHolds", Aggregate.of(group.stream().mapToDouble(r -> r.liveness() ? 1 : 0).toArray()));
            out.put(point, stats);
        });
        return out;
    }

    public static void writeAggregate(Path file, List<Grid.Axis> axes, Map<List<String>, Map<String, Aggregate>> aggregate) {
        List<String> columns = new ArrayList<>();
        axes.forEach(a -> columns.add(a.path()));
        columns.add("seeds");
        List<String> figures = aggregate.isEmpty() ? List.of() : new ArrayList<>(aggregate.values().iterator().next().keySet());
        for (String figure : figures) {
            columns.add(figure + ".mean");
            columns.add(figure + ".stddev");
            columns.add(figure + ".ci95");
        }
        List<List<String>> rows = new ArrayList<>();
        aggregate.forEach((point, stats) -> {
            List<String> row = new ArrayList<>(point);
            row.add(Integer.toString(stats.values().iterator().next().n()));
            for (String figure : figures) {
                Aggregate a = stats.get(figure);
                row.add(number(a.mean()));
                row.add(number(a.stddev()));
                row.add(number(a.ci95HalfWidth()));
            }
            rows.add(row);
        });
        write(file, columns, rows);
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static void write(Path file, List<String> columns, List<List<String>> rows) {
        try {
            CSV.writer(schema(columns).withHeader()).writeValue(file.toFile(), rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Appends rows (and the header first when {@code header}) to a CSV file. */
    static void append(Path file, List<String> columns, List<List<String>> rows, boolean header) {
        try {
            CsvSchema schema = header ? schema(columns).withHeader() : schema(columns).withoutHeader();
            Files.writeString(file, CSV.writer(schema).writeValueAsString(rows), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        return schema.build();
    }
}
