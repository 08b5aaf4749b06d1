package quorumsim.result;

/**
 * One broken property.
 *
 * @param kind   which property ("agreement", "linearizability", "fifo", "liveness", ...)
 * @param detail what happened: nodes, sequence numbers or zxids, digests
 * @param time   virtual time in seconds (the summary's contract names it {@code time})
 */
public record Violation(String kind, String detail, double time) {
}
