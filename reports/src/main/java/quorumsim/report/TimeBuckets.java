package quorumsim.report;

import quorumsim.metrics.Metrics;

/**
 * The metrics' time buckets over a whole run: bucket {@code i} covers
 * [{@code start(i)}, {@code end(i)}) seconds; the last one ends with the run, so a run that
 * stops completing operations (a crash, a partition) shows zeros to its end, not a gap.
 */
record TimeBuckets(long bucketNanos, double runSeconds, int count) {
    static TimeBuckets of(Metrics metrics, double runSeconds) {
        long bucketNanos = metrics.bucketNanos();
        int byTime = (int) Math.ceil(runSeconds * 1e9 / bucketNanos - 1e-6);
        int recorded = Math.max(metrics.completionsPerBucket().length, metrics.latencyPerBucket().size());
        return new TimeBuckets(bucketNanos, runSeconds, Math.max(byTime, recorded));
    }

    /** Seconds, computed from integer nanoseconds so that 0.3 prints as 0.3. */
    double start(int i) {
        return i * bucketNanos / 1e9;
    }

    /** The bucket's end: a full bucket later, or the run's end if that comes first. */
    double end(int i) {
        double full = start(i + 1);
        return runSeconds > start(i) ? Math.min(full, runSeconds) : full;
    }

    double middle(int i) {
        return (start(i) + end(i)) / 2;
    }

    /** The time axis: the whole run, or one bucket for an empty run. */
    double span() {
        return count == 0 ? Math.max(runSeconds, start(1)) : Math.max(runSeconds, end(count - 1));
    }
}
