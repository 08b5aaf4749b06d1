package quorumsim.report;

/**
 * One cell of PBFT's latency micro-benchmark (Castro and Liskov, OSDI'99 section 7.2).
 *
 * @param caseName  argument/result size in KB: "0/0", "4/0" or "0/4"
 * @param f         faults tolerated
 * @param operation "read-write", "read-only" or "unreplicated"
 * @param latencyMs the simulated mean latency
 */
public record PbftLatencyRow(String caseName, int f, String operation, double latencyMs) {
}
