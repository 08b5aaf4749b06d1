package quorumsim.bench;

import java.util.Locale;

/**
 * What {@link EngineBench} measured on one latency pattern: events per wall-clock second of the
 * engine and of a plain {@code java.util.PriorityQueue} loop over the same event pattern, and
 * their ratio (engine / baseline; at least 1.0 means the engine is as fast as the plain loop).
 * On a shared machine the wall-clock rates fall with the load; the rates per second of the
 * thread's own CPU time show what the loops do when they get a core.
 *
 * @param engineCpuEventsPerSec   engine events per second of CPU time of the running thread
 * @param baselineCpuEventsPerSec the same for the baseline
 * @param engineDigest            the engine run's trace digest, so a reader can see the run was the same
 */
public record BenchResult(EngineBench.Pattern pattern, int actors, long events, long seed, double engineEventsPerSec,
                          double baselineEventsPerSec, double engineCpuEventsPerSec,
                          double baselineCpuEventsPerSec, String engineDigest) {

    /** Engine speed over baseline speed, in wall-clock time. */
    public double ratio() {
        return engineEventsPerSec / baselineEventsPerSec;
    }

    /** Engine speed over baseline speed, in the thread's CPU time. */
    public double cpuRatio() {
        return engineCpuEventsPerSec / baselineCpuEventsPerSec;
    }

    /** The lines above the rows: what ran, and the columns. */
    public static String header(int actors, long events, long seed) {
        return String.format(Locale.ROOT,
                "%,d events between %d actors (seed %d), median of %d rounds after a warm-up; baseline: a java.util.PriorityQueue loop%n"
                        + "%-42s %14s %14s %6s %14s %14s %6s  %s",
                events, actors, seed, EngineBench.ROUNDS,
                "events/s", "engine (wall)", "baseline", "ratio", "engine (CPU)", "baseline", "ratio", "digest");
    }

    /** One row: this pattern's rates and ratios (engine / baseline). */
    public String row() {
        return String.format(Locale.ROOT, "%-42s %,14.0f %,14.0f %6.2f %,14.0f %,14.0f %6.2f  %s",
                pattern.describe(), engineEventsPerSec, baselineEventsPerSec, ratio(),
                engineCpuEventsPerSec, baselineCpuEventsPerSec, cpuRatio(), engineDigest);
    }

    @Override
    public String toString() {
        return header(actors, events, seed) + System.lineSeparator() + row();
    }
}
