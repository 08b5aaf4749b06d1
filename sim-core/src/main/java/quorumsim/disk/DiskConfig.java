package quorumsim.disk;

/**
 * A log disk: every flush costs {@code fsyncNanos} plus the bytes at {@code bytesPerSec}.
 * Group commit: a flush covers everything written before it starts; writes that arrive
 * during a flush wait for the next one, which starts as soon as this one ends.
 *
 * <p>With the drive's write cache on, an fsync returns once the drive's cache holds the
 * bytes: the flush costs the transfer at {@code bytesPerSec} only, not the wait for the
 * platter ({@code fsyncNanos}), and a power loss may lose what the cache held (the engine's
 * crash keeps it: a process crash does not empty a drive's cache).
 *
 * @param maxBatchWrites most writes one flush covers (ZooKeeper flushes at 1,000 pending)
 * @param writeCache     the drive acknowledges a flush from its write cache
 */
public record DiskConfig(long fsyncNanos, long bytesPerSec, int maxBatchWrites, boolean writeCache) {
    public DiskConfig {
        if (fsyncNanos < 0 || bytesPerSec < 0 || maxBatchWrites < 1) {
            throw new IllegalArgumentException("disk needs fsync >= 0, bandwidth >= 0 and a batch of at least 1 write");
        }
    }

    /** A disk whose write cache is off: every flush waits for the platter. */
    public DiskConfig(long fsyncNanos, long bytesPerSec, int maxBatchWrites) {
        this(fsyncNanos, bytesPerSec, maxBatchWrites, false);
    }

    /** No disk cost: a write is stable at once. */
    public static final DiskConfig INSTANT = new DiskConfig(0, 0, Integer.MAX_VALUE);

    public long flushNanos(long bytes) {
        return flushNanos(bytes, true);
    }

    /** A flush of {@code bytes}; {@code fsync} false: written back without forcing (a snapshot), its bytes only. */
    public long flushNanos(long bytes, boolean fsync) {
        return (writeCache || !fsync ? 0 : fsyncNanos) + (bytesPerSec == 0 ? 0 : bytes * 1_000_000_000L / bytesPerSec);
    }

    public DiskConfig withWriteCache(boolean on) {
        return new DiskConfig(fsyncNanos, bytesPerSec, maxBatchWrites, on);
    }
}
