package quorumsim.net;

/**
 * How the network behaves for every link unless a node overrides its NIC bandwidth.
 *
 * @param latency            one-way propagation delay per message
 * @param bandwidthBitsPerSec NIC bandwidth of every node, each direction; 0 means unlimited
 * @param lossProbability     chance a message is dropped
 * @param duplicateProbability chance a message is delivered twice
 * @param reorderProbability  chance a message is held back by {@code reorderDelayNanos} extra
 * @param reorderDelayNanos   how long a reordered message is held back
 * @param fifoLinks           TCP-like links: a link delivers in send order whatever the latency draws
 */
public record NetworkConfig(
        LatencyDistribution latency,
        long bandwidthBitsPerSec,
        double lossProbability,
        double duplicateProbability,
        double reorderProbability,
        long reorderDelayNanos,
        boolean fifoLinks) {

    public NetworkConfig {
        if (latency == null) {
            throw new IllegalArgumentException("network latency distribution is required");
        }
        if (bandwidthBitsPerSec < 0) {
            throw new IllegalArgumentException("bandwidth must not be negative");
        }
        requireProbability("loss", lossProbability);
        requireProbability("duplicate", duplicateProbability);
        requireProbability("reorder", reorderProbability);
        if (reorderDelayNanos < 0) {
            throw new IllegalArgumentException("reorder delay must not be negative");
        }
    }

    private static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability must be within [0, 1], got " + p);
        }
    }

    /** A reliable, FIFO network with a constant latency and no bandwidth limit. */
    public static NetworkConfig ideal(long latencyNanos) {
        return new NetworkConfig(new LatencyDistribution.Constant(latencyNanos), 0, 0, 0, 0, 0, true);
    }

    public NetworkConfig withBandwidth(long bitsPerSec) {
        return new NetworkConfig(latency, bitsPerSec, lossProbability, duplicateProbability, reorderProbability, reorderDelayNanos, fifoLinks);
    }

    public NetworkConfig withLatency(LatencyDistribution distribution) {
        return new NetworkConfig(distribution, bandwidthBitsPerSec, lossProbability, duplicateProbability, reorderProbability, reorderDelayNanos, fifoLinks);
    }

    public NetworkConfig withLoss(double loss, double duplicate) {
        return new NetworkConfig(latency, bandwidthBitsPerSec, loss, duplicate, reorderProbability, reorderDelayNanos, fifoLinks);
    }

    public NetworkConfig withReorder(double probability, long delayNanos, boolean fifo) {
        return new NetworkConfig(latency, bandwidthBitsPerSec, lossProbability, duplicateProbability, probability, delayNanos, fifo);
    }
}
