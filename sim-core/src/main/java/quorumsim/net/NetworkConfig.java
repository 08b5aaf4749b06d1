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
 * @param framing             how messages are cut into frames with headers ({@link Framing#NONE}: whole)
 * @param switchMulticast     a multicast is one transmission at the sender, copied by the switch
 */
public record NetworkConfig(
        LatencyDistribution latency,
        long bandwidthBitsPerSec,
        double lossProbability,
        double duplicateProbability,
        double reorderProbability,
        long reorderDelayNanos,
        boolean fifoLinks,
        Framing framing,
        boolean switchMulticast) {

    /** Whole messages without headers, and a multicast sent as one unicast per receiver. */
    public NetworkConfig(LatencyDistribution latency, long bandwidthBitsPerSec, double lossProbability, double duplicateProbability,
                         double reorderProbability, long reorderDelayNanos, boolean fifoLinks) {
        this(latency, bandwidthBitsPerSec, lossProbability, duplicateProbability, reorderProbability, reorderDelayNanos, fifoLinks,
                Framing.NONE, false);
    }

    public NetworkConfig {
        if (latency == null) {
            throw new IllegalArgumentException("network latency distribution is required");
        }
        if (framing == null) {
            throw new IllegalArgumentException("network framing is required (Framing.NONE for whole messages)");
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

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a NetworkConfig is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private LatencyDistribution latency;
        private long bandwidthBitsPerSec;
        private double lossProbability;
        private double duplicateProbability;
        private double reorderProbability;
        private long reorderDelayNanos;
        private boolean fifoLinks;
        private Framing framing;
        private boolean switchMulticast;

        private Builder(NetworkConfig c) {
            this.latency = c.latency;
            this.bandwidthBitsPerSec = c.bandwidthBitsPerSec;
            this.lossProbability = c.lossProbability;
            this.duplicateProbability = c.duplicateProbability;
            this.reorderProbability = c.reorderProbability;
            this.reorderDelayNanos = c.reorderDelayNanos;
            this.fifoLinks = c.fifoLinks;
            this.framing = c.framing;
            this.switchMulticast = c.switchMulticast;
        }

        public Builder latency(LatencyDistribution value) {
            this.latency = value;
            return this;
        }

        public Builder bandwidthBitsPerSec(long value) {
            this.bandwidthBitsPerSec = value;
            return this;
        }

        public Builder lossProbability(double value) {
            this.lossProbability = value;
            return this;
        }

        public Builder duplicateProbability(double value) {
            this.duplicateProbability = value;
            return this;
        }

        public Builder reorderProbability(double value) {
            this.reorderProbability = value;
            return this;
        }

        public Builder reorderDelayNanos(long value) {
            this.reorderDelayNanos = value;
            return this;
        }

        public Builder fifoLinks(boolean value) {
            this.fifoLinks = value;
            return this;
        }

        public Builder framing(Framing value) {
            this.framing = value;
            return this;
        }

        public Builder switchMulticast(boolean value) {
            this.switchMulticast = value;
            return this;
        }

        public NetworkConfig build() {
            return new NetworkConfig(latency, bandwidthBitsPerSec, lossProbability, duplicateProbability, reorderProbability, reorderDelayNanos, fifoLinks, framing, switchMulticast);
        }
    }
}
