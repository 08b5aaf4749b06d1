package quorumsim.protocols;

import java.util.List;
import java.util.Map;
import java.util.Set;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;

/**
 * A protocol's servers and clients placed on a {@link quorumsim.core.Simulation}, with the
 * checkers that watch them. Each protocol has a static {@code deploy(Simulation, Config)}
 * that adds the nodes (servers first, ids 0..servers()-1, then clients), registers its
 * observers and its role resolver ("primary", "leader"), and returns one of these. The
 * scenario runner then schedules faults, runs, and reads the verdicts.
 */
public interface Deployment {
    /** Nodes 0..servers()-1 are servers; the rest are clients. */
    int servers();

    /** One display name per node id ("r0".."r3", "c0".. for PBFT; "s0".., "c0".. for Zab). */
    List<String> lanes();

    /** The Byzantine behaviour names this protocol understands (for validation and help). */
    Set<String> behaviours();

    /** Every safety property of the protocol over the run so far. */
    Verdict safety();

    /**
     * Liveness: every request issued is answered within {@code boundNanos}, counting from its
     * issue or from {@code settledFromNanos} (when the last fault healed), whichever is later;
     * requests younger than the bound at {@code endNanos} are not judged. The detail names
     * requests that are stuck, and why where the protocol can tell.
     */
    Verdict liveness(long settledFromNanos, long boundNanos, long endNanos);

    /**
     * Says before the run with which {@code settledFromNanos} and {@code boundNanos}
     * {@link #liveness} will be asked, so a checker can judge each request as it is answered
     * instead of keeping them all (long runs stay small). Optional: a deployment not told
     * keeps what any question needs.
     */
    default void judgeLivenessWith(long settledFromNanos, long boundNanos) {
    }

    /** Requests completed in the measured window and pending at the end. */
    RunSummary.Requests requests();

    /**
     * Protocol-specific figures for summary.json and sweeps (name -> value), sorted by name:
     * PBFT's {@code viewChanges}, Zab's {@code leaderChanges}, and the like.
     */
    Map<String, Double> figures();
}
