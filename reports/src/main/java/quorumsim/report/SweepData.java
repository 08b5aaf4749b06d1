package quorumsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep's results, plain enough to fill from any runner: the varied parameters and one
 * row per run.
 *
 * @param scenario   the scenario swept
 * @param parameters varied parameter paths, in the order given on the command line
 * @param rows       one per run
 */
public record SweepData(String scenario, List<String> parameters, List<Row> rows) {
    public SweepData {
        parameters = List.copyOf(parameters);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (!r.values().keySet().containsAll(parameters)) {
                throw new IllegalArgumentException("a sweep row lacks a value for " + parameters + ": " + r.values());
            }
        }
    }

    /**
     * One run of the sweep.
     *
     * @param values  each varied parameter's value, as written on the command line ("4", "0.5", "2ms")
     * @param seed    the run's seed
     * @param figures the run's summary figures by name ("throughputOpsPerSec", "latencyMs.p99", ...)
     */
    public record Row(Map<String, String> values, long seed, Map<String, Double> figures) {
        public Row {
            values = new LinkedHashMap<>(values);
            figures = new LinkedHashMap<>(figures);
        }
    }

    /** Mean and 95% confidence interval of one figure for one combination of parameter values. */
    public record Cell(Map<String, String> values, String figure, Aggregate aggregate) {
    }

    /** Every figure name any row has, in the order the rows first name them (the caller's order). */
    public List<String> figures() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.figures().keySet()));
        return new ArrayList<>(names);
    }

    /**
     * Aggregates across seeds: one cell per combination of parameter values (in the order
     * the combinations first appear) and figure (in {@link #figures()} order). This is what
     * {@code aggregate.csv} holds.
     */
    public List<Cell> aggregate() {
        Map<Map<String, String>, List<Row>> byValues = new LinkedHashMap<>();
        for (Row r : rows) {
            Map<String, String> key = new LinkedHashMap<>();
            parameters.forEach(p -> key.put(p, r.values().get(p)));
            byValues.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<Map<String, String>, List<Row>> group : byValues.entrySet()) {
            for (String figure : figures()) {
                double[] values = group.getValue().stream()
                        .mapToDouble(r -> r.figures().getOrDefault(figure, Double.NaN)).toArray();
                cells.add(new Cell(group.getKey(), figure, Aggregate.of(values)));
            }
        }
        return cells;
    }
}
