package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.pbft.Messages.PrePrepare;

/**
 * OSDI'99 section 4.6, non-determinism: "the primary selects the value ... and includes it in
 * the pre-prepare; backups check the value is acceptable" (here: a time within
 * {@link Nondeterminism#BOUND_NANOS} of their own clock). Executed naively instead, each replica
 * reads its own clock and the replicas' states part.
 */
final class NondeterministicChoice {
    /** No time to stamp with. */
    static final long NONE = -1;

    private NondeterministicChoice() {
    }

    /** The primary's choice for a batch it proposes: its clock (never 0, which means none), or 0. */
    static long propose(PbftConfig config, Context ctx) {
        return config.nondeterminism() == Nondeterminism.AGREED ? Math.max(1, ctx.now()) : 0;
    }

    /** A backup's check of the primary's choice: a batch carries a time within bounds of its own clock. */
    static boolean acceptable(PbftConfig config, Context ctx, PrePrepare pp) {
        if (config.nondeterminism() != Nondeterminism.AGREED || pp.batch().isEmpty()) {
            return true;
        }
        return pp.timeNanos() != 0 && Math.abs(pp.timeNanos() - ctx.now()) <= Nondeterminism.BOUND_NANOS;
    }

    /** The time the writes of {@code pp}'s batch store, executed here now: the agreed one, this replica's clock, or none. */
    static long stamp(PbftConfig config, Context ctx, PrePrepare pp) {
        return switch (config.nondeterminism()) {
            case NONE -> NONE;
            case NAIVE -> ctx.now();
            case AGREED -> pp.timeNanos();
        };
    }
}
