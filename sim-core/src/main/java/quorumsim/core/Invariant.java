package quorumsim.core;

/**
 * The papers' invariants, stated where they hold (TigerBeetle's assertions): a broken one
 * stops the run at once with an {@link InvariantViolation} naming the node, its time and the
 * rule; the engine adds the run's seed as it passes through ({@link InvariantViolation#withSeed}).
 * Always on: each check is a comparison or two on state the handler already holds.
 */
public final class Invariant {
    private Invariant() {
    }

    /** Throws when {@code holds} is false; {@code rule} says what should have held (in the paper's words). */
    public static void check(boolean holds, Context ctx, String rule) {
        if (!holds) {
            throw new InvariantViolation(ctx.self(), ctx.trueTimeNanos(), rule, null);
        }
    }
}
