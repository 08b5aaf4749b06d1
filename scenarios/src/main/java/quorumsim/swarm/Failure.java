package quorumsim.swarm;

/** How a swarm run ended. Anything but {@link #OK} is a failure worth a file. */
public enum Failure {
    OK("ok"),
    /** A safety checker reported a violation. */
    SAFETY("safety"),
    /** Requests went unanswered in the quiet phase after every fault healed. */
    LIVENESS("liveness"),
    /** The simulator or a protocol threw: an internal fault. */
    EXCEPTION("exception"),
    /** The run did not end within the wall-time limit and was abandoned. */
    OVER_LIMIT("over-limit");

    public final String label;

    Failure(String label) {
        this.label = label;
    }
}
