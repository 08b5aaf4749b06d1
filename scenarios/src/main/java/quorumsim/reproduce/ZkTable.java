package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Table 1 of the ZooKeeper paper reproduced: its ten cells simulated with one calibration,
 * each beside the paper's figure.
 *
 * @param seed        the seed every cell ran with
 * @param rows        the table, in the paper's order (reads column by ensemble size, then writes)
 * @param cells       what each cell measured, in the same order
 * @param wallSeconds wall time of the whole table
 */
public record ZkTable(long seed, List<TableRow> rows, List<CellResult> cells, double wallSeconds) {
    /** A simulated cell is a success within this deviation from the paper. */
    public static final double TOLERANCE_PCT = 10.0;

    /** Runs the ten cells of Table 1 with {@code experiment} on up to {@code jobs} threads. */
    public static ZkTable run(ZkExperiment experiment, long seed, int jobs, Consumer<CellResult> onCellDone) {
        long start = System.nanoTime();
        List<CellBatch.Cell> cells = new ArrayList<>();
        for (ZkPaper.Cell paper : ZkPaper.TABLE_1) {
            cells.add(new CellBatch.Cell(paper.servers(), paper.readPct()));
        }
        List<CellResult> results = CellBatch.run(experiment, cells, seed, jobs, onCellDone);
        List<TableRow> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            rows.add(TableRow.of(results.get(i), ZkPaper.TABLE_1.get(i).opsPerSec()));
        }
        return new ZkTable(seed, List.copyOf(rows), List.copyOf(results), (System.nanoTime() - start) / 1e9);
    }

    /** The largest |deviation| over the ten cells, in percent. */
    public double maxAbsDeviationPct() {
        return rows.stream().mapToDouble(r -> Math.abs(r.deviationPct())).max().orElse(0);
    }

    public boolean allWithinTolerance() {
        return maxAbsDeviationPct() <= TOLERANCE_PCT;
    }

    public long events() {
        return cells.stream().mapToLong(CellResult::events).sum();
    }

    public double eventsPerSecond() {
        return wallSeconds > 0 ? events() / wallSeconds : 0;
    }

    /** The row for {@code servers} and {@code readPct}. */
    public TableRow row(int servers, int readPct) {
        for (TableRow r : rows) {
            if (r.servers() == servers && r.readPct() == readPct) {
                return r;
            }
        }
        throw new IllegalArgumentException("Table 1 has no cell for " + servers + " servers at " + readPct + "% reads");
    }
}
