package quorumsim.pbft;

/** Every timer PBFT's honest actors set (the adversary's are in {@code byzantine.AdversaryTimers}). */
public final class Timers {
    private Timers() {
    }

    /** A backup waits this long for a pending request to execute in {@code view}, then changes view. */
    public record ViewChangeTimer(long view) {
    }

    /** Started on 2f+1 VIEW-CHANGEs for {@code view}; if the new view is not installed in time, try the next. */
    public record NewViewTimer(long view) {
    }

    /** A replica checks whether it still needs what comes after {@code resendFrom} (see {@link Retransmission}). */
    public record StatusTimer(long resendFrom) {
    }

    /** The primary stops waiting to fill a batch. */
    public record BatchTimer(long view) {
    }

    /** A client retransmits a request with no answer yet. */
    public record ClientRetry(int stream, long timestamp) {
    }
}
