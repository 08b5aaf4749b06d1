package quorumsim.kv;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What the clients do: how many, how many requests each keeps in flight, and the mix.
 *
 * @param clients           client nodes
 * @param outstanding       requests in flight per client; each slot is an independent
 *                          request stream with its own timestamps (exactly-once per stream)
 * @param readRatio         share of GETs; the rest is PUT, INCREMENT and APPEND in equal parts
 * @param requestSizeBytes  bytes of operation payload on the wire
 * @param replySizeBytes    bytes of result payload on the wire
 * @param clientRetryNanos  first retransmission timeout; doubles per retry up to 8 times it
 * @param keySpace          keys "k0".."k{keySpace-1}", drawn uniformly
 */
public record Workload(int clients, int outstanding, double readRatio, int requestSizeBytes, int replySizeBytes,
                       long clientRetryNanos, int keySpace) {

    /** 4 clients, 1 outstanding, writes only, 1 KB requests (as DESIGN's example), 128 B replies, 50 ms retry, 100 keys. */
    public static Workload defaults() {
        return new Workload(4, 1, 0.0, 1024, 128, 50_000_000L, 100);
    }

    /** The next operation of a client, drawn from its own random stream. */
    public Operation next(RandomGenerator random, int client, long timestamp) {
        String key = "k" + random.nextInt(keySpace);
        if (random.nextDouble() < readRatio) {
            return Operation.get(key);
        }
        switch (random.nextInt(3)) {
            case 0:
                return Operation.put(key, "c" + client + "." + timestamp);
            case 1:
                return Operation.increment(key, 1 + random.nextInt(9));
            default:
                return Operation.append(key, Character.toString((char) ('a' + random.nextInt(26))));
        }
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (clients < 0) {
            problems.add("workload.clients = " + clients + " must not be negative");
        }
        if (outstanding < 1) {
            problems.add("workload.outstanding = " + outstanding + " must be at least 1");
        }
        if (!(readRatio >= 0 && readRatio <= 1)) {
            problems.add("workload.readRatio = " + readRatio + " must be within [0, 1]");
        }
        if (requestSizeBytes < 0 || replySizeBytes < 0) {
            problems.add("workload sizes must not be negative");
        }
        if (clientRetryNanos <= 0) {
            problems.add("workload.clientRetry must be positive");
        }
        if (keySpace < 1) {
            problems.add("workload.keySpace = " + keySpace + " must be at least 1");
        }
        return problems;
    }

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a Workload is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private int clients;
        private int outstanding;
        private double readRatio;
        private int requestSizeBytes;
        private int replySizeBytes;
        private long clientRetryNanos;
        private int keySpace;

        private Builder(Workload c) {
            this.clients = c.clients;
            this.outstanding = c.outstanding;
            this.readRatio = c.readRatio;
            this.requestSizeBytes = c.requestSizeBytes;
            this.replySizeBytes = c.replySizeBytes;
            this.clientRetryNanos = c.clientRetryNanos;
            this.keySpace = c.keySpace;
        }

        public Builder clients(int value) {
            this.clients = value;
            return this;
        }

        public Builder outstanding(int value) {
            this.outstanding = value;
            return this;
        }

        public Builder readRatio(double value) {
            this.readRatio = value;
            return this;
        }

        public Builder requestSizeBytes(int value) {
            this.requestSizeBytes = value;
            return this;
        }

        public Builder replySizeBytes(int value) {
            this.replySizeBytes = value;
            return this;
        }

        public Builder clientRetryNanos(long value) {
            this.clientRetryNanos = value;
            return this;
        }

        public Builder keySpace(int value) {
            this.keySpace = value;
            return this;
        }

        public Workload build() {
            return new Workload(clients, outstanding, readRatio, requestSizeBytes, replySizeBytes, clientRetryNanos, keySpace);
        }
    }
}
