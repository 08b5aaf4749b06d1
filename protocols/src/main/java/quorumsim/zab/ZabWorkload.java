package quorumsim.zab;

import java.util.List;

/**
 * What the clients do.
 *
 * @param kind             "saturation" (the paper's benchmark: each client reads or unconditionally
 *                         writes its own znode), "lock" (a lock recipe) or "election" (a leader
 *                         election recipe among clients), "idle" (sessions only), "create-delete"
 *                         (the paper's create benchmark: each client, a worker, creates a node of
 *                         {@code requestSizeBytes}, waits for the answer and deletes it without
 *                         waiting) or "broadcast" (the atomic broadcast alone: no clients, the leader
 *                         generates transactions of {@code requestSizeBytes}, {@code outstanding} in flight)
 * @param clients          how many clients
 * @param readRatio        share of reads in the saturation workload, in [0, 1]
 * @param outstanding      requests each saturation client keeps in flight (broadcast: transactions
 *                         the leader keeps awaiting their quorum)
 * @param requestSizeBytes znode data each write carries and each read returns
 * @param holdNanos        how long a recipe client holds the lock or leadership before letting go
 * @param loadStartNanos   saturation clients connect and create their znodes first, then start the
 *                         load together at this time (as the benchmark's clients did after set-up)
 * @param syncRatio        share of a saturation client's reads that it precedes with a sync, in [0, 1]
 * @param readNext         a saturation client reads the next client's znode (c(i+1)'s, the last
 *                         reads c0's) instead of its own, so its reads can miss writes another
 *                         client has been told of
 */
public record ZabWorkload(String kind, int clients, double readRatio, int outstanding, int requestSizeBytes, long holdNanos,
                          long loadStartNanos, double syncRatio, boolean readNext) {
    public static final List<String> KINDS = List.of("saturation", "lock", "election", "idle", "create-delete", "broadcast");

    /** Without syncs. */
    public ZabWorkload(String kind, int clients, double readRatio, int outstanding, int requestSizeBytes, long holdNanos, long loadStartNanos) {
        this(kind, clients, readRatio, outstanding, requestSizeBytes, holdNanos, loadStartNanos, 0, false);
    }

    public static ZabWorkload saturation(int clients, double readRatio, int outstanding) {
        return new ZabWorkload("saturation", clients, readRatio, outstanding, 1024, 20_000_000L, 100_000_000L);
    }

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a ZabWorkload is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private String kind;
        private int clients;
        private double readRatio;
        private int outstanding;
        private int requestSizeBytes;
        private long holdNanos;
        private long loadStartNanos;
        private double syncRatio;
        private boolean readNext;

        private Builder(ZabWorkload c) {
            this.kind = c.kind;
            this.clients = c.clients;
            this.readRatio = c.readRatio;
            this.outstanding = c.outstanding;
            this.requestSizeBytes = c.requestSizeBytes;
            this.holdNanos = c.holdNanos;
            this.loadStartNanos = c.loadStartNanos;
            this.syncRatio = c.syncRatio;
            this.readNext = c.readNext;
        }

        public Builder kind(String value) {
            this.kind = value;
            return this;
        }

        public Builder clients(int value) {
            this.clients = value;
            return this;
        }

        public Builder readRatio(double value) {
            this.readRatio = value;
            return this;
        }

        public Builder outstanding(int value) {
            this.outstanding = value;
            return this;
        }

        public Builder requestSizeBytes(int value) {
            this.requestSizeBytes = value;
            return this;
        }

        public Builder holdNanos(long value) {
            this.holdNanos = value;
            return this;
        }

        public Builder loadStartNanos(long value) {
            this.loadStartNanos = value;
            return this;
        }

        public Builder syncRatio(double value) {
            this.syncRatio = value;
            return this;
        }

        public Builder readNext(boolean value) {
            this.readNext = value;
            return this;
        }

        public ZabWorkload build() {
            return new ZabWorkload(kind, clients, readRatio, outstanding, requestSizeBytes, holdNanos, loadStartNanos, syncRatio, readNext);
        }
    }
}
