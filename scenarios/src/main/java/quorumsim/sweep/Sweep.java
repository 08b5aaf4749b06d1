package quorumsim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import quorumsim.result.RunResult;
import quorumsim.run.RunCancelled;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.scenario.SummaryFigures;

/**
 * Runs a grid of scenario variants times a number of seeds on worker threads, one run per
 * thread at a time. Results are placed by their index, so what a sweep writes is the same
 * whatever the number of workers. {@link #cancel()} calls off the runs in progress (they leave
 * no result) and starts no more; the runs that finished are kept.
 */
public final class Sweep {
    private final ScenarioLoader.Source source;
    private final List<String> baseOverrides;
    private final List<Grid.Axis> axes;
    private final int seeds;
    private final List<List<String>> points;
    private final List<ScenarioSpec> specs = new ArrayList<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Binds every grid point before anything runs, so a bad value fails the sweep at once. */
    public Sweep(ScenarioLoader.Source source, List<String> baseOverrides, List<Grid.Axis> axes, int seeds) {
        this.source = source;
        this.baseOverrides = baseOverrides;
        this.axes = axes;
        this.seeds = seeds;
        this.points = Grid.points(axes);
        for (List<String> point : points) {
            specs.add(ScenarioLoader.bind(source, baseOverrides, Grid.overrides(axes, point)));
        }
    }

    public int runCount() {
        return points.size() * seeds;
    }

    /** How many runs {@code shard} holds. */
    public int runCount(Shard shard) {
        int count = 0;
        for (int i = 0; i < runCount(); i++) {
            if (shard.holds(i)) {
                count++;
            }
        }
        return count;
    }

    public List<Grid.Axis> axes() {
        return axes;
    }

    public ScenarioSpec firstSpec() {
        return specs.get(0);
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Runs everything on {@code jobs} threads; {@code onDone} hears each run as it finishes (from
     * the worker's thread). Returns the finished runs in index order; after a cancel, only those
     * that ran.
     */
    public List<SweepRun> run(int jobs, Consumer<SweepRun> onDone) throws InterruptedException {
        return run(jobs, Shard.ALL, onDone);
    }

    /** As {@link #run(int, Consumer)}, but only the runs {@code shard} holds. */
    public List<SweepRun> run(int jobs, Shard shard, Consumer<SweepRun> onDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "sweep-worker");
            t.setDaemon(true);
            return t;
        });
        SweepRun[] results = new SweepRun[runCount()];
        List<Future<?>> futures = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            for (int s = 0; s < seeds; s++) {
                int index = p * seeds + s;
                if (!shard.holds(index)) {
                    continue;
                }
                ScenarioSpec spec = specs.get(p).withSeed(specs.get(p).seed() + s);
                List<String> point = points.get(p);
                futures.add(pool.submit(() -> {
                    if (cancelled.get()) {
                        return;
                    }
                    RunResult result;
                    try {
                        result = ScenarioRunner.run(spec, RunOptions.cancellable(cancelled::get));
                    } catch (RunCancelled abandoned) {
                        return;
                    }
                    SweepRun run = new SweepRun(index, point, spec.seed(), SummaryFigures.of(result.summary()),
                            result.summary().safety().holds(), result.summary().liveness().holds(),
                            result.summary().traceDigest(), result.summary().wallSeconds());
                    synchronized (results) {
                        results[index] = run;
                    }
                    onDone.accept(run);
                }));
            }
        }
        pool.shutdown();
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            pool.shutdownNow();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            cancel(); // the runs in progress stop at their next event
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        List<SweepRun> done = new ArrayList<>();
        synchronized (results) {
            for (SweepRun run : results) {
                if (run != null) {
                    done.add(run);
                }
            }
        }
        return done;
    }

    public List<String> baseOverrides() {
        return baseOverrides;
    }

    public ScenarioLoader.Source source() {
        return source;
    }
}
