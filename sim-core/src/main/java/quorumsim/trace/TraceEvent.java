package quorumsim.trace;

/**
 * One line of the full trace.
 *
 * @param timeNanos virtual time
 * @param node      where it happened (the sender for SEND, the receiver for DELIVER and DROP)
 * @param peer      the other end of a message, or -1
 * @param type      message type, timer class, fault or observation name
 * @param messageId pairs a SEND with its DELIVER or DROP; -1 for other kinds
 * @param detail    free text: why a message dropped, what a fault did, the message itself
 */
public record TraceEvent(long timeNanos, TraceKind kind, int node, int peer, String type, long messageId,
                         int sizeBytes, String detail) {
}
