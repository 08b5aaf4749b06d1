package quorumsim.sweep;

import java.util.List;
import java.util.TreeMap;

/**
 * {@code sweep.csv} while a sweep runs: each run's row is appended as soon as every run before
 * it has finished, so the file is always a prefix of the final one and a sweep killed outright
 * still leaves its finished runs. The columns are those of the first run; the sweep rewrites
 * the whole file at its end.
 */
public final class PartialRuns {
    private final java.nio.file.Path file;
    private final List<Grid.Axis> axes;
    private final TreeMap<Integer, SweepRun> waiting = new TreeMap<>();
    private int next;
    private List<String> columns;
    private List<String> figures;

    public PartialRuns(java.nio.file.Path file, List<Grid.Axis> axes) {
        this.file = file;
        this.axes = axes;
    }

    /** Hears a finished run (from any worker). */
    public synchronized void add(SweepRun run) {
        waiting.put(run.index(), run);
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            SweepRun ready = waiting.pollFirstEntry().getValue();
            boolean first = columns == null;
            if (first) {
                figures = SweepTables.figureNames(List.of(ready));
                columns = SweepTables.runColumns(axes, figures);
            }
            SweepTables.append(file, columns, List.of(SweepTables.runRow(ready, figures)), first);
            next++;
        }
    }
}
