package quorumsim.trace;

/** What happened, in a trace line. */
public enum TraceKind {
    SEND, DELIVER, DROP, TIMER, CRASH, RECOVER, PAUSE, RESUME, FAULT, OBSERVE, CONNECTION_LOST,
    /** A disk flush ended (full trace only, not in the digest): its device, bytes, start and end. */
    DISK_WRITE;

    /** A stable code for the digest (ordinal order is part of the digest format). */
    public int code() {
        return ordinal() + 1;
    }
}
