package quorumsim.trace;

/** What happened, in a trace line. */
public enum TraceKind {
    SEND, DELIVER, DROP, TIMER, CRASH, RECOVER, PAUSE, RESUME, FAULT, OBSERVE, CONNECTION_LOST;

    /** A stable code for the digest (ordinal order is part of the digest format). */
    public int code() {
        return ordinal() + 1;
    }
}
