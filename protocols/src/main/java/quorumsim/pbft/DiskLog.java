package quorumsim.pbft;

import quorumsim.core.Context;

/**
 * PBFT with a disk ({@link PbftConfig#logToDisk}): a replica writes what it is about to vote for
 * (the PRE-PREPARE it sends or accepts, its prepared certificate, its checkpoint) to stable
 * storage and sends the PRE-PREPARE, PREPARE, COMMIT or CHECKPOINT only when the disk says the
 * write is done, so "at least 3 round trips plus disk writes" per request. The write costs the
 * node's disk model (its fsync and bandwidth, with group commit). A message whose view has
 * ended before its write completes is not sent.
 */
final class DiskLog {
    /** The write that holds back {@code message} until it is on disk. */
    record Written(Messages message, long view) {
    }

    private final PbftReplica r;

    DiskLog(PbftReplica replica) {
        this.r = replica;
    }

    /** Multicasts {@code message} to the other replicas, after logging it when the configuration says so. */
    void multicast(Context ctx, Messages message) {
        multicast(ctx, message, message.sizeBytes());
    }

    /** As {@link #multicast(Context, Messages)}, writing {@code bytes} (a checkpoint writes its state too). */
    void multicast(Context ctx, Messages message, int bytes) {
        if (!r.config.logToDisk()) {
            ctx.multicast(r.others, message);
            return;
        }
        ctx.persist(bytes, new Written(message, r.view));
    }

    /** The disk finished: the message goes out if its view is still the replica's. */
    void onWritten(Context ctx, Written w) {
        boolean anyView = w.message() instanceof Messages.Checkpoint;      // checkpoints count in every view
        if (!anyView && (w.view() != r.view || !r.viewActive)) {
            return;                                                       // logged, but its view is over
        }
        ctx.multicast(r.others, w.message());
    }
}
