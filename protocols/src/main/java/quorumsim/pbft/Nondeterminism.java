package quorumsim.pbft;

/**
 * Non-deterministic operations (OSDI'99 section 4.6): with {@link #NAIVE} or {@link #AGREED},
 * every write stamps the value it stores with a time the executing replica reads (a
 * last-modified time, as a file system's operations need).
 */
public enum Nondeterminism {
    /** Deterministic operations only. */
    NONE,
    /** Each replica stamps with its own clock when it executes: correct replicas diverge. */
    NAIVE,
    /**
     * PBFT's remedy: the primary proposes the time in the PRE-PREPARE (covered by its digest) and a
     * backup accepts it only within {@link #BOUND_NANOS} of its own clock; every replica stamps
     * with the agreed time.
     */
    AGREED;

    /** How far a proposed time may be from a backup's clock. */
    public static final long BOUND_NANOS = 100_000_000L;
}
