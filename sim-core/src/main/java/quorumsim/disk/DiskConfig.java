package quorumsim.disk;

/**
 * A log disk: every flush costs {@code fsyncNanos} plus the bytes at {@code bytesPerSec}.
 * Group commit: a flush covers everything written before it starts; writes that arrive
 * during a flush wait for the next one, which starts as soon as this one ends.
 *
 * @param maxBatchWrites most writes one flush covers (ZooKeeper flushes at 1,000 pending)
 */
public record DiskConfig(long fsyncNanos, long bytesPerSec, int maxBatchWrites) {
    public DiskConfig {
        if (fsyncNanos < 0 || bytesPerSec < 0 || maxBatchWrites < 1) {
            throw new IllegalArgumentException("disk needs fsync >= 0, bandwidth >= 0 and a batch of at least 1 write");
        }
    }

    /** No disk cost: a write is stable at once. */
    public static final DiskConfig INSTANT = new DiskConfig(0, 0, Integer.MAX_VALUE);

    public long flushNanos(long bytes) {
        return fsyncNanos + (bytesPerSec == 0 ? 0 : bytes * 1_000_000_000L / bytesPerSec);
    }
}
