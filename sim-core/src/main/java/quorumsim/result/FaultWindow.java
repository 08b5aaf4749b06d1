package quorumsim.result;

/**
 * A stretch of the run to shade on charts (a partition, a crash, a Byzantine behaviour) or,
 * when start equals end, an instant to mark (a view change, a new leader). Seconds of virtual time.
 */
public record FaultWindow(String label, double startSeconds, double endSeconds) {
    public boolean isInstant() {
        return endSeconds <= startSeconds;
    }
}
