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

    /**
     * A replica's stable checkpoint at {@code seq} reached its disk: it never executes at or
     * below {@code seq} again, even after a crash.
     */
    public record CheckpointSaved(int replica, long seq) {
    }

    /** A replica installed a new view. */
    public record ViewInstalled(int replica, long view) {
    }

    /** A client issued a request. */
    public record Issued(int client, int stream, long timestamp, Operation op) {
    }

    /**
     * A client accepted a result. {@code tentative}: from a quorum of replies that need not
     * be final (tentative or read-only), not from f+1 final ones. {@code readOnly}: also, the
     * request went out read-only, so read-only replies may be among that quorum (even when
     * the client has since retried it as an ordered request: late read-only replies still
     * match its timestamp).
     */
    public record Accepted(int client, int stream, long timestamp, Operation op, String result, boolean readOnly,
                           boolean tentative) {
    }

    /** A Byzantine behaviour was switched on or off at a replica; checkers then judge it faulty. */
    public record Behaviour(int replica, String behaviour, boolean enabled) {
    }
}
