package quorumsim.zab;

/** Every timer of the service, as values. */
public final class Timers {
    private Timers() {
    }

    /** Server: half a tick passed; send heartbeats, check who is still there, expire sessions. */
    public record Tick() {
    }

    /** Server: the next job of one of its request-processor threads ({@link Processor}). */
    public record Serve(String processor, long generation) {
    }

    /**
     * Follower: the pause after a refused connect is over (Learner.connectToLeader sleeps a
     * second, half of the era's 2 s tick; here half a tick); {@code generation} is the connect's.
     */
    public record ConnectRetry(long generation) {
    }

    /** Election: a quorum has agreed for the finalize wait; decide unless a better vote came. */
    public record FinalizeElection(long round) {
    }

    /**
     * Client: the next deadline of its connection (ClientCnxn.SendThread.run's select timeout):
     * a ping due, or the read or connect timeout; a later arming supersedes it.
     */
    public record ClientTick(long generation) {
    }

    /** Client: connected read-only, time to ask the next server whether it serves writes (3.4's pingRwServer). */
    public record PingRwServer(long generation) {
    }

    /** Client: the pause before the next connect attempt is over. */
    public record Reconnect(long generation) {
    }

    /** Client: issue the next request of a recipe (retry after a connection loss, hold a lock). */
    public record ClientWake(long generation) {
    }
}
