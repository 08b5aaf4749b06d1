package quorumsim.swarm;

/**
 * How long a generated run is and when its faults happen: faults start from {@code faultsFromMs}
 * and have all healed by {@code healByMs}; then a quiet phase of {@code livenessBoundMs} plus
 * {@code judgedMs} follows, in which every request issued must be answered within the bound.
 *
 * @param maxFaults       most entries drawn for the fault timeline
 * @param livenessBoundMs the least liveness bound (a protocol may need more for its timeouts)
 * @param judgedMs        how long after the last fault requests are still issued and judged
 */
record Shape(int maxFaults, long faultsFromMs, long healByMs, long livenessBoundMs, long judgedMs) {
    /** The default: up to six faults within the first second, a quiet phase of at least 1.5 s, then 0.5 s judged. */
    static final Shape DEFAULT = new Shape(6, 50, 1_000, 1_500, 500);

    /** Short runs for the known-broken variants, which are judged on safety only. */
    static final Shape SHORT = new Shape(2, 20, 300, 0, 300);

    boolean judgesLiveness() {
        return livenessBoundMs > 0;
    }
}
