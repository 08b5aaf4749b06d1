package quorumsim.disk;

/**
 * The devices a node writes to, as a ZooKeeper deployment lays them out: the transaction log
 * ({@code dataLogDir}) and the data directory ({@code dataDir}, where snapshots go). They are
 * separate devices when the deployment gives the log a disk of its own (the ZooKeeper paper's
 * set-up, and the administrator's guide's advice), or one device that both share.
 *
 * <p>What a write costs on its device (each device does one flush at a time, FIFO):
 * <ul>
 *   <li>{@link #LOG}: a group commit. A flush covers every write waiting, up to the batch
 *       limit, and costs the fsync (unless the drive's write cache is on) plus its bytes at
 *       the device's rate (SyncRequestProcessor.flush: FileTxnLog.commit forces the log).</li>
 *   <li>{@link #DATA}: a snapshot costs its bytes at the device's rate and no fsync
 *       (3.3.6's FileSnap.serialize flushes and closes the file, it does not force it).</li>
 * </ul>
 * On a shared device a snapshot and the log's flushes take turns: a flush waits for the
 * snapshot's bytes ahead of it, which is why the paper gives the log its own disk.
 */
public enum DiskDevice {
    LOG, DATA;

    /** The name shown in the trace and the docs. */
    public String label() {
        return this == LOG ? "log" : "data";
    }
}
