package quorumsim.pbft;

import java.util.List;
import quorumsim.kv.Operation;

/**
 * What PBFT's actors report through {@code Context.observe} for the checkers. Checkers
 * see only these, never replica internals.
 */
public final class Observations {
    private Observations() {
    }

    /** A replica executed (finally, not tentatively) the batch at {@code seq}, agreed in {@code view}. */
    public record Executed(int replica, long view, long seq, long digest, List<Messages.Request> batch) {
    }

    /** A replica took a checkpoint of its state after executing {@code seq}. */
    public record CheckpointTaken(int replica, long seq, long stateDigest) {
    }

    /** A replica installed a new view. */
    public record ViewInstalled(int replica, long view) {
    }

    /** A client issued a request. */
    public record Issued(int client, int stream, long timestamp, Operation op) {
    }

    /**
     * A client accepted a result. {@code readOnly}: it came from the read-only path;
     * {@code tentative}: from a quorum of tentative replies, before the request committed.
     */
    public record Accepted(int client, int stream, long timestamp, Operation op, String result, boolean readOnly,
                           boolean tentative) {
    }

    /** A Byzantine behaviour was switched on or off at a replica; checkers then judge it faulty. */
    public record Behaviour(int replica, String behaviour, boolean enabled) {
    }
}
