package quorumsim.report;

/**
 * What one simulated cell of the ZooKeeper table did besides its throughput: where it
 * saturated (the CPU of the leader and the followers' mean) and the checkers' verdict.
 *
 * @param leaderCpuBusy   share of the leader's core time spent working, in [0, 1]
 * @param followerCpuBusy the followers' mean share, in [0, 1]
 * @param safetyHolds     whether every Zab checker passed
 * @param safety          the checkers' detail (the violation when one failed)
 */
public record ZkCell(int servers, int readPct, double leaderCpuBusy, double followerCpuBusy, boolean safetyHolds, String safety) {
}
