package quorumsim.zab;

/** Every timer of the service, as values. */
public final class Timers {
    private Timers() {
    }

    /** Server: half a tick passed; send heartbeats, check who is still there, expire sessions. */
    public record Tick() {
    }

    /** Server: a serving job of the client pipeline (answers a batch from the head of its queue). */
    public record Serve(long generation) {
    }

    /** Election: a quorum has agreed for the finalize wait; decide unless a better vote came. */
    public record FinalizeElection(long round) {
    }

    /** Election: resend my vote while LOOKING (lost notifications, peers that come back). */
    public record ResendVote(long round) {
    }

    /** Client: half of s/3 passed; send a heartbeat if idle, move if the server went silent. */
    public record ClientTick() {
    }

    /** Client: try connecting again after the server refused (it was not serving yet). */
    public record Reconnect() {
    }

    /** Client: issue the next request of a recipe (retry after a connection loss, hold a lock). */
    public record ClientWake(long generation) {
    }
}
