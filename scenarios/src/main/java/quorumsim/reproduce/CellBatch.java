package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs cells, each its own single-threaded {@link quorumsim.core.Simulation}, on up to
 * {@code jobs} threads. A cell's result depends only on its set-up and seed, so the results,
 * returned in the order asked, are the same for any number of jobs.
 */
final class CellBatch {
    /** A cell to run: ensemble size and read percentage. */
    record Cell(int servers, int readPct) {
    }

    private CellBatch() {
    }

    static List<CellResult> run(ZkExperiment experiment, List<Cell> cells, long seed, int jobs, Consumer<CellResult> onDone) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, cells.size()), runnable -> {
            Thread t = new Thread(runnable, "cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellResult>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> {
                    CellResult result = experiment.run(cell.servers(), cell.readPct(), seed);
                    onDone.accept(result);
                    return result;
                }));
            }
            List<CellResult> results = new ArrayList<>();
            for (Future<CellResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cells", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
