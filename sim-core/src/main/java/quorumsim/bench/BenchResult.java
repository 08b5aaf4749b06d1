package quorumsim.bench;

/**
 * What {@link EngineBench} measured: events per wall-clock second of the engine and of a plain
 * {@code java.util.PriorityQueue} loop over the same event pattern, and their ratio
 * (engine / baseline; at least 1.0 means the engine is as fast as the plain loop).
 *
 * @param engineDigest the engine run's trace digest, so a reader can see the run was the same
 */
public record BenchResult(int actors, long events, long seed, double engineEventsPerSec,
                          double baselineEventsPerSec, String engineDigest) {

    public double ratio() {
        return engineEventsPerSec / baselineEventsPerSec;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "%,d events between %d actors (seed %d)%n"
                        + "  engine     %,13.0f events/s%n"
                        + "  baseline   %,13.0f events/s  (java.util.PriorityQueue loop)%n"
                        + "  ratio      %13.2f  (engine / baseline)%n"
                        + "  digest     %s",
                events, actors, seed, engineEventsPerSec, baselineEventsPerSec, ratio(), engineDigest);
    }
}
