package quorumsim.result;

import java.util.Map;

/**
 * What {@code summary.json} holds. Every field but {@code wallSeconds} is identical for
 * identical seeds. What only one protocol counts (PBFT's view changes, Zab's leader changes)
 * is among the protocol's own {@code figures}.
 */
public record RunSummary(
        String scenario,
        String protocol,
        long seed,
        double virtualSeconds,
        long events,
        double wallSeconds,
        String traceDigest,
        Requests requests,
        double throughputOpsPerSec,
        LatencySummary latencyMs,
        Verdict safety,
        Verdict liveness,
        Messages messages,
        boolean unsafe,
        Map<String, Double> figures) {

    /** Requests completed in the measured window, and those still waiting at the end. */
    public record Requests(long completed, long pending, long reads, long writes) {
    }

    /** Latency of completed requests in the measured window, in milliseconds. */
    public record LatencySummary(double mean, double p50, double p90, double p99, double max) {
        public static LatencySummary of(org.HdrHistogram.Histogram nanos) {
            if (nanos.getTotalCount() == 0) {
                return new LatencySummary(0, 0, 0, 0, 0);
            }
            return new LatencySummary(nanos.getMean() / 1e6, nanos.getValueAtPercentile(50) / 1e6,
                    nanos.getValueAtPercentile(90) / 1e6, nanos.getValueAtPercentile(99) / 1e6, nanos.getMaxValue() / 1e6);
        }
    }

    public record Messages(long total, Map<String, Long> byType) {
    }

    public RunSummary withWallSeconds(double seconds) {
        return new RunSummary(scenario, protocol, seed, virtualSeconds, events, seconds, traceDigest, requests,
                throughputOpsPerSec, latencyMs, safety, liveness, messages, unsafe, figures);
    }
}
