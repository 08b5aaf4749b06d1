package quorumsim.reproduce;

/**
 * What one simulated cell measured, over its window.
 *
 * @param servers           ensemble size
 * @param readPct           share of reads the clients issue, in percent
 * @param opsPerSec         reads and writes completed per second
 * @param readsPerSec       reads completed per second
 * @param writesPerSec      writes completed per second
 * @param windowSeconds     length of the measured window (virtual time)
 * @param leaderCpuBusy     share of the leader's core time spent working, in [0, 1]
 * @param followerCpuBusy   the same, averaged over the followers
 * @param safetyHolds       the Zab checkers (agreement, linearizable writes, FIFO client order, sessions) found nothing wrong
 * @param safety            what the checkers checked, or the first violation
 * @param events            events the engine processed (warm-up included)
 * @param wallSeconds       wall time of the run (the only figure that varies between identical runs)
 * @param traceDigest       digest of the run's event sequence: equal digests mean the same run
 */
public record CellResult(int servers, int readPct, double opsPerSec, double readsPerSec, double writesPerSec,
                         double windowSeconds, double leaderCpuBusy, double followerCpuBusy, boolean safetyHolds, String safety, long events, double wallSeconds, String traceDigest) {
}
