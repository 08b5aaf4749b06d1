package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

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
        return map(cells, jobs, cell -> experiment.run(cell.servers(), cell.readPct(), seed), onDone);
    }

    /** Runs {@code run} on every item, on up to {@code jobs} threads; the results come back in the items' order. */
    static <T, R> List<R> map(List<T> items, int jobs, Function<T, R> run, Consumer<R> onDone) {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, items.size()), runnable -> {
            Thread t = new Thread(runnable, "cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    R result = run.apply(item);
                    onDone.accept(result);
                    return result;
                }));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
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
