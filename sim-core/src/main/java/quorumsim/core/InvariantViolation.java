package quorumsim.core;

/** A broken protocol invariant: the node, the simulated time, the rule and (once known) the run's seed. */
public final class InvariantViolation extends IllegalStateException {
    private final int node;
    private final long timeNanos;
    private final String rule;
    private final Long seed;

    InvariantViolation(int node, long timeNanos, String rule, Long seed) {
        super("invariant broken at node " + node + ", " + timeNanos + " ns" + (seed == null ? "" : ", seed " + seed) + ": " + rule);
        this.node = node;
        this.timeNanos = timeNanos;
        this.rule = rule;
        this.seed = seed;
    }

    /** The same violation naming the run's seed (the engine calls this; a seed already named stays). */
    public InvariantViolation withSeed(long runSeed) {
        if (seed != null) {
            return this;
        }
        InvariantViolation named = new InvariantViolation(node, timeNanos, rule, runSeed);
        named.setStackTrace(getStackTrace());
        return named;
    }

    public int node() {
        return node;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public String rule() {
        return rule;
    }
}
