package quorumsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quorumsim.report.SweepData;
import quorumsim.report.SweepReport;
import quorumsim.sweep.Grid;
import quorumsim.sweep.SweepRun;

/** Hands a sweep's runs to the reports module: every figure against every varied parameter. */
final class SweepReports {
    /**
     * Figures that restate the configuration (PBFT's f and n), not what the run did: charting n
     * against cluster.f shows the configuration rule, not a result.
     */
    private static final java.util.Set<String> CONFIGURATION = java.util.Set.of("figures.f", "figures.n");

    private SweepReports() {
    }

    /**
     * Charts the figures that change across the sweep, the summary's first (throughput,
     * latency, ...) in {@link quorumsim.sweep.SweepTables#figureNames} order; a figure that is
     * the same in every run has nothing to show.
     */
    static void write(Path dir, String scenario, List<Grid.Axis> axes, List<SweepRun> runs) {
        List<String> parameters = axes.stream().map(Grid.Axis::path).toList();
        List<String> shown = new ArrayList<>();
        for (String figure : quorumsim.sweep.SweepTables.figureNames(runs)) {
            if (!CONFIGURATION.contains(figure) && runs.stream().map(r -> r.figures().getOrDefault(figure, Double.NaN)).distinct().count() > 1) {
                shown.add(figure);
            }
        }
        List<SweepData.Row> rows = new ArrayList<>();
        for (SweepRun run : runs) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < parameters.size(); i++) {
                values.put(parameters.get(i), run.point().get(i));
            }
            Map<String, Double> figures = new LinkedHashMap<>();
            shown.forEach(f -> figures.put(f, run.figures().get(f)));
            if (runs.stream().anyMatch(r -> !r.safety()) || runs.stream().anyMatch(r -> !r.liveness())) {
                figures.put("safetyHolds", run.safety() ? 1.0 : 0.0);
                figures.put("livenessHolds", run.liveness() ? 1.0 : 0.0);
            }
            rows.add(new SweepData.Row(values, run.seed(), figures));
        }
        SweepReport.write(new SweepData(scenario, parameters, rows), dir);
    }
}
