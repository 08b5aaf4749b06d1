package quorumsim.core;

import quorumsim.disk.DiskConfig;

/**
 * A node's hardware.
 *
 * @param cores               CPU cores working the node's FIFO queue in parallel
 * @param bandwidthBitsPerSec NIC bandwidth each way; -1 takes the network's default, 0 is unlimited
 * @param disk                its log disk ({@link quorumsim.disk.DiskDevice#LOG})
 * @param clockOffsetNanos    where its clock starts against virtual time
 * @param clockDriftPpm       how fast its clock runs (parts per million)
 * @param dataDisk            the device of its data directory ({@link quorumsim.disk.DiskDevice#DATA}: snapshots);
 *                            null: the data directory is on the log's device, and their writes share its queue
 */
public record NodeSpec(int cores, long bandwidthBitsPerSec, DiskConfig disk, long clockOffsetNanos, double clockDriftPpm,
                       DiskConfig dataDisk) {
    public NodeSpec {
        if (cores < 1) {
            throw new IllegalArgumentException("a node needs at least one core, got " + cores);
        }
        if (disk == null) {
            throw new IllegalArgumentException("a node needs a disk model");
        }
    }

    /** A node whose data directory shares the log's device. */
    public NodeSpec(int cores, long bandwidthBitsPerSec, DiskConfig disk, long clockOffsetNanos, double clockDriftPpm) {
        this(cores, bandwidthBitsPerSec, disk, clockOffsetNanos, clockDriftPpm, null);
    }

    public static NodeSpec simple() {
        return new NodeSpec(1, -1, DiskConfig.INSTANT, 0, 0);
    }

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a NodeSpec is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private int cores;
        private long bandwidthBitsPerSec;
        private DiskConfig disk;
        private long clockOffsetNanos;
        private double clockDriftPpm;
        private DiskConfig dataDisk;

        private Builder(NodeSpec c) {
            this.cores = c.cores;
            this.bandwidthBitsPerSec = c.bandwidthBitsPerSec;
            this.disk = c.disk;
            this.clockOffsetNanos = c.clockOffsetNanos;
            this.clockDriftPpm = c.clockDriftPpm;
            this.dataDisk = c.dataDisk;
        }

        public Builder cores(int value) {
            this.cores = value;
            return this;
        }

        public Builder bandwidthBitsPerSec(long value) {
            this.bandwidthBitsPerSec = value;
            return this;
        }

        public Builder disk(DiskConfig value) {
            this.disk = value;
            return this;
        }

        public Builder clockOffsetNanos(long value) {
            this.clockOffsetNanos = value;
            return this;
        }

        public Builder clockDriftPpm(double value) {
            this.clockDriftPpm = value;
            return this;
        }

        /** The data directory's own device; null: it shares the log's. */
        public Builder dataDisk(DiskConfig value) {
            this.dataDisk = value;
            return this;
        }

        public NodeSpec build() {
            return new NodeSpec(cores, bandwidthBitsPerSec, disk, clockOffsetNanos, clockDriftPpm, dataDisk);
        }
    }
}
