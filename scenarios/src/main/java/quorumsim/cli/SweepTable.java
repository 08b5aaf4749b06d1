package quorumsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import quorumsim.report.Aggregate;
import quorumsim.sweep.SweepRun;

/**
 * The table {@code quorumsim sweep} prints: one row per grid point with throughput and p50/p99
 * latency, their 95% confidence intervals over the seeds (when there are several), and the
 * seeds of any safety or liveness violation, so which point and seed to rerun is on screen.
 */
final class SweepTable {
    private static final String[] FIGURES = {"throughputOpsPerSec", "latencyMs.p50", "latencyMs.p99"};
    private static final String[] HEADINGS = {"throughput ops/s", "p50 ms", "p99 ms"};

    private SweepTable() {
    }

    /** The table's lines, header first; {@code parameters} are the varied paths, in the order of each run's point. */
    static List<String> lines(List<String> parameters, List<SweepRun> runs) {
        LinkedHashMap<List<String>, List<SweepRun>> byPoint = new LinkedHashMap<>();
        for (SweepRun run : runs) {
            byPoint.computeIfAbsent(run.point(), p -> new ArrayList<>()).add(run);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(parameters);
        header.add("seeds");
        header.addAll(List.of(HEADINGS));
        header.add("violations");
        rows.add(header);
        for (Map.Entry<List<String>, List<SweepRun>> point : byPoint.entrySet()) {
            List<SweepRun> group = point.getValue();
            List<String> row = new ArrayList<>(point.getKey());
            row.add(Integer.toString(group.size()));
            for (String figure : FIGURES) {
                Aggregate a = Aggregate.of(group.stream().mapToDouble(r -> r.figures().getOrDefault(figure, Double.NaN)).toArray());
                row.add(withInterval(a, figure.startsWith("throughput") ? 0 : 2));
            }
            row.add(violations(group));
            rows.add(row);
        }
        return aligned(rows);
    }

    /** "1,234 +/- 56" (the mean and the 95% interval's half-width), "1,234" for one seed, "-" for none. */
    static String withInterval(Aggregate a, int decimals) {
        if (a.n() == 0) {
            return "-";
        }
        String format = "%,." + decimals + "f";
        String mean = String.format(Locale.ROOT, format, a.mean());
        return Double.isNaN(a.ci95HalfWidth()) ? mean : mean + " +/- " + String.format(Locale.ROOT, format, a.ci95HalfWidth());
    }

    private static String violations(List<SweepRun> group) {
        List<String> parts = new ArrayList<>();
        String safety = seeds(group, r -> !r.safety());
        String liveness = seeds(group, r -> !r.liveness());
        if (!safety.isEmpty()) {
            parts.add("safety: " + safety);
        }
        if (!liveness.isEmpty()) {
            parts.add("liveness: " + liveness);
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    private static String seeds(List<SweepRun> group, Predicate<SweepRun> violated) {
        List<String> seeds = group.stream().filter(violated).map(r -> Long.toString(r.seed())).toList();
        return seeds.isEmpty() ? "" : (seeds.size() == 1 ? "seed " : "seeds ") + String.join(", ", seeds);
    }

    /** Parameters and text to the left, figures to the right, two spaces between columns. */
    private static List<String> aligned(List<List<String>> rows) {
        int columns = rows.get(0).size();
        int[] width = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        int firstFigure = columns - 1 - FIGURES.length;
        List<String> out = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                boolean right = c >= firstFigure - 1 && c < columns - 1;
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(right ? pad + cell : (c == columns - 1 ? cell : cell + pad));
            }
            out.add(line.toString().stripTrailing());
        }
        return out;
    }
}
