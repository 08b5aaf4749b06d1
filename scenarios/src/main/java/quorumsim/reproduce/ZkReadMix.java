package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The read-mix prediction: the paper's experiment at every read share from 0% to 100% in steps
 * of 5, for each ensemble size of Table 1, with the same calibration. Nothing here was fitted:
 * only the 0% and 100% ends correspond to published figures.
 *
 * @param seed        the seed every cell ran with
 * @param rows        throughput per (servers, read share), by ensemble size then read share
 * @param cells       what each cell measured, in the same order
 * @param wallSeconds wall time of the whole grid
 */
public record ZkReadMix(long seed, List<ReadMixRow> rows, List<CellResult> cells, double wallSeconds) {
    public static final int STEP_PCT = 5;

    /** Every read share of the grid, 0..100 in steps of {@link #STEP_PCT}. */
    public static List<Integer> readPcts() {
        List<Integer> pcts = new ArrayList<>();
        for (int p = 0; p <= 100; p += STEP_PCT) {
            pcts.add(p);
        }
        return pcts;
    }

    public static ZkReadMix run(ZkExperiment experiment, List<Integer> servers, long seed, int jobs, Consumer<CellResult> onCellDone) {
        long start = System.nanoTime();
        List<CellBatch.Cell> cells = new ArrayList<>();
        for (int n : servers) {
            for (int pct : readPcts()) {
                cells.add(new CellBatch.Cell(n, pct));
            }
        }
        List<CellResult> results = CellBatch.run(experiment, cells, seed, jobs, onCellDone);
        List<ReadMixRow> rows = results.stream().map(ReadMixRow::of).toList();
        return new ZkReadMix(seed, rows, List.copyOf(results), (System.nanoTime() - start) / 1e9);
    }

    public long events() {
        return cells.stream().mapToLong(CellResult::events).sum();
    }

    public double eventsPerSecond() {
        return wallSeconds > 0 ? events() / wallSeconds : 0;
    }
}
