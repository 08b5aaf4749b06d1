package quorumsim.swarm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The swarm: one generated scenario per seed, run on worker threads (each run on one thread, so
 * the outcome of a seed does not depend on {@code jobs}), every failure then shrunk. With
 * {@code maxFailures} it stops once that many failures are known among the lowest seeds: seeds
 * beyond the last of them are skipped or dropped, so the result is the same for any jobs.
 */
public final class Swarm {
    /**
     * One failing seed: the scenario as generated and what it did, and its shrunk form and what
     * that did (the same as the original when not shrunk).
     */
    public record Finding(long seed, Doc scenario, Outcome outcome, Doc shrunk, Outcome shrunkOutcome, int shrinkAttempts) {
    }

    /** Told as seeds finish and as failures are shrunk; called from worker threads. */
    public interface Listener {
        void seedDone(long seed, Outcome outcome);

        default void shrinkDone(Finding finding) {
        }
    }

    private final SwarmSettings settings;
    private final Generator generator;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public Swarm(SwarmSettings settings) {
        this.settings = settings;
        this.generator = new Generator(settings.protocol(), settings.size(), settings.variant(), settings.base(), settings.baseServers());
    }

    /** The scenario of one seed, as the swarm runs it. */
    public String scenarioYaml(long seed) {
        return generator.generate(seed).yaml(List.of());
    }

    Doc scenario(long seed) {
        return generator.generate(seed);
    }

    /** Stops handing out seeds; the runs in progress finish. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Runs every seed, then shrinks every failure; returns each seed's outcome and the findings by seed. */
    public SwarmResult run(Listener listener) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(settings.jobs(), r -> {
            Thread t = new Thread(r, "swarm-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            TreeMap<Long, Outcome> outcomes = search(pool, listener);
            List<Finding> findings = new ArrayList<>();
            for (Map.Entry<Long, Outcome> e : outcomes.entrySet()) {
                if (e.getValue().failed()) {
                    Doc scenario = generator.generate(e.getKey());
                    findings.add(new Finding(e.getKey(), scenario, e.getValue(), scenario, e.getValue(), 0));
                }
            }
            return new SwarmResult(outcomes, settings.shrink() ? shrinkAll(pool, findings, listener) : findings, cancelled.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private TreeMap<Long, Outcome> search(ExecutorService pool, Listener listener) throws InterruptedException {
        TreeMap<Long, Outcome> outcomes = new TreeMap<>();
        TreeMap<Long, Boolean> failing = new TreeMap<>();
        AtomicLong cutoff = new AtomicLong(Long.MAX_VALUE);
        AtomicLong nextIndex = new AtomicLong();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < settings.jobs(); w++) {
            workers.add(pool.submit(() -> {
                while (!cancelled.get()) {
                    long index = nextIndex.getAndIncrement();     // seeds go out in order, so every seed below the cutoff runs
                    long seed = settings.fromSeed() + index;
                    if (index >= settings.seeds() || seed > cutoff.get()) {
                        return;
                    }
                    Outcome outcome = Trial.run(generator.generate(seed), settings.limitWallNanos());
                    synchronized (outcomes) {
                        outcomes.put(seed, outcome);
                        if (outcome.failed()) {
                            failing.put(seed, true);
                            if (settings.maxFailures() > 0 && failing.size() >= settings.maxFailures()) {
                                long kth = failing.keySet().stream().skip(settings.maxFailures() - 1).findFirst().orElseThrow();
                                cutoff.accumulateAndGet(kth, Math::min);
                            }
                        }
                    }
                    listener.seedDone(seed, outcome);
                }
            }));
        }
        await(workers);
        synchronized (outcomes) {
            return new TreeMap<>(outcomes.headMap(cutoff.get(), true));
        }
    }

    private List<Finding> shrinkAll(ExecutorService pool, List<Finding> findings, Listener listener) throws InterruptedException {
        List<Future<Finding>> futures = new ArrayList<>();
        for (Finding finding : findings) {
            futures.add(pool.submit(() -> {
                int attempts = finding.outcome().failure() == Failure.OVER_LIMIT ? settings.shrinkAttempts() / 10 : settings.shrinkAttempts();
                Shrinker shrinker = new Shrinker(doc -> cancelled.get() ? new Outcome(Failure.OK, "", "cancelled", "", 0)
                        : Trial.run(doc, settings.limitWallNanos()), attempts);
                Shrinker.Shrunk result = shrinker.shrink(finding.scenario(), finding.outcome());
                Finding shrunk = new Finding(finding.seed(), finding.scenario(), finding.outcome(), result.doc(), result.outcome(),
                        result.attempts());
                listener.shrinkDone(shrunk);
                return shrunk;
            }));
        }
        List<Finding> out = new ArrayList<>();
        for (Future<Finding> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("shrinking failed", e.getCause());
            }
        }
        return out;
    }

    private static void await(List<Future<?>> futures) throws InterruptedException {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a swarm worker failed", e.getCause());
            }
        }
    }
}
