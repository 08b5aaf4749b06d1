package quorumsim.zab;

import quorumsim.core.Context;
import quorumsim.disk.DiskDevice;

/**
 * A server's fuzzy snapshots, as 3.3.6's SyncRequestProcessor.run takes them: after each
 * transaction appended to the log, once more than {@code snapCount / 2 + randRoll} have been
 * logged since the last one ({@code randRoll} drawn in [0, snapCount / 2), "so that not all of
 * the servers in the ensemble take a snapshot at the same time"), the log is rolled and a
 * "Snapshot Thread" writes the data tree to the data directory (ZooKeeperServer.takeSnapshot),
 * unless the previous one is still being written ("Too busy to snap, skipping"). A new
 * leadership also takes one (Leader.lead: ZooKeeperServer.loadData ends with takeSnapshot), and
 * so does a learner once synced (Learner.syncWithLeader at UPTODATE), unless its sync was a
 * SNAP, whose write to the data directory was that snapshot.
 *
 * <p>A snapshot costs its bytes on the data directory's device ({@link DiskDevice#DATA}); on a
 * deployment whose log shares that device, the log's group commits wait behind it. What a
 * snapshot holds follows from the stable log the server already keeps, so a written snapshot
 * changes nothing a crash keeps: it is cost, and the trace shows it.
 */
final class Snapshots {
    /** The written-snapshot token: nothing changes on disk that the stable log does not already imply. */
    record Written(long zxid) {
    }

    private final int snapCount;
    /** Transactions logged since the last snapshot (SyncRequestProcessor's logCount). */
    private int logCount;
    /** Drawn at the first transaction a leadership logs; -1 before. */
    private int randRoll = -1;
    private boolean inProcess;

    Snapshots(int snapCount) {
        this.snapCount = snapCount;
    }

    /** One transaction appended to the log (SyncRequestProcessor.run, after ZKDatabase.append). */
    void logged(Context ctx, ZabServer server) {
        if (randRoll < 0) {
            randRoll = ctx.random().nextInt(Math.max(1, snapCount / 2));
        }
        logCount++;
        if (logCount <= snapCount / 2 + randRoll) {
            return;
        }
        randRoll = ctx.random().nextInt(Math.max(1, snapCount / 2));
        logCount = 0;
        take(ctx, server);
    }

    /** ZooKeeperServer.takeSnapshot in its own thread: the tree's bytes to the data directory. */
    void take(Context ctx, ZabServer server) {
        if (inProcess) {
            return;                                                  // "Too busy to snap, skipping"
        }
        inProcess = true;
        ctx.persist(DiskDevice.DATA, (int) Math.min(Integer.MAX_VALUE, server.tree.sizeBytes()), new Written(server.lastAppliedZxid()));
    }

    void written() {
        inProcess = false;
    }

    /** A new leadership starts new processors (a new ZooKeeperServer): the count starts over. */
    void restart() {
        logCount = 0;
        randRoll = -1;
    }
}
