package quorumsim.bench;

import java.util.Locale;

/**
 * What {@link EngineBench} measured: events per wall-clock second of the engine and of a plain
 * {@code java.util.PriorityQueue} loop over the same event pattern, and their ratio
 * (engine / baseline; at least 1.0 means the engine is as fast as the plain loop). On a
 * shared machine the wall-clock rates fall with the load; the rates per second of the
 * thread's own CPU time show what the loops do when they get a core.
 *
 * @param engineCpuEventsPerSec   engine events per second of CPU time of the running thread
 * @param baselineCpuEventsPerSec the same for the baseline
 * @param engineDigest            the engine run's trace digest, so a reader can see the run was the same
 */
public record BenchResult(int actors, long events, long seed, double engineEventsPerSec,
                          double baselineEventsPerSec, double engineCpuEventsPerSec,
                          double baselineCpuEventsPerSec, String engineDigest) {

    /** Engine speed over baseline speed, in wall-clock time. */
    public double ratio() {
        return engineEventsPerSec / baselineEventsPerSec;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "%,d events between %d actors (seed %d), median of %d rounds after a warm-up%n"
                        + "                 events/s (wall)   events/s (thread CPU)%n"
                        + "  engine     %,17.0f   %,17.0f%n"
                        + "  baseline   %,17.0f   %,17.0f   (java.util.PriorityQueue loop)%n"
                        + "  ratio      %17.2f   %17.2f   (engine / baseline)%n"
                        + "  digest     %s",
                events, actors, seed, EngineBench.ROUNDS,
                engineEventsPerSec, engineCpuEventsPerSec,
                baselineEventsPerSec, baselineCpuEventsPerSec,
                ratio(), engineCpuEventsPerSec / baselineCpuEventsPerSec, engineDigest);
    }
}
