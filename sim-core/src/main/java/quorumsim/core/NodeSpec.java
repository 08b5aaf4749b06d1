package quorumsim.core;

import quorumsim.disk.DiskConfig;

/**
 * A node's hardware.
 *
 * @param cores               CPU cores working the node's FIFO queue in parallel
 * @param bandwidthBitsPerSec NIC bandwidth each way; -1 takes the network's default, 0 is unlimited
 * @param disk                its log disk
 * @param clockOffsetNanos    where its clock starts against virtual time
 * @param clockDriftPpm       how fast its clock runs (parts per million)
 */
public record NodeSpec(int cores, long bandwidthBitsPerSec, DiskConfig disk, long clockOffsetNanos, double clockDriftPpm) {
    public NodeSpec {
        if (cores < 1) {
            throw new IllegalArgumentException("a node needs at least one core, got " + cores);
        }
        if (disk == null) {
            throw new IllegalArgumentException("a node needs a disk model");
        }
    }

    public static NodeSpec simple() {
        return new NodeSpec(1, -1, DiskConfig.INSTANT, 0, 0);
    }

    public NodeSpec withCores(int n) {
        return new NodeSpec(n, bandwidthBitsPerSec, disk, clockOffsetNanos, clockDriftPpm);
    }

    public NodeSpec withBandwidth(long bitsPerSec) {
        return new NodeSpec(cores, bitsPerSec, disk, clockOffsetNanos, clockDriftPpm);
    }

    public NodeSpec withDisk(DiskConfig d) {
        return new NodeSpec(cores, bandwidthBitsPerSec, d, clockOffsetNanos, clockDriftPpm);
    }

    public NodeSpec withClock(long offsetNanos, double driftPpm) {
        return new NodeSpec(cores, bandwidthBitsPerSec, disk, offsetNanos, driftPpm);
    }
}
