package quorumsim.zab.client;

import quorumsim.core.Context;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * The ZooKeeper paper's benchmark client (the era's load generator): create its own znode,
 * then loop on getData or an unconditional setData (version -1) of it, keeping
 * {@code outstanding} requests in flight, reading with probability {@code readRatio}; a share
 * {@code syncRatio} of the reads is preceded by a sync of the same znode.
 */
public final class SaturationDriver implements Driver {
    private final String path;
    private final double readRatio;
    private final int outstanding;
    private final int sizeBytes;
    private final long loadStartNanos;
    private double syncRatio;
    private String readPath;
    private boolean started;
    private boolean created;
    private long writes;

    public SaturationDriver(String path, double readRatio, int outstanding, int sizeBytes, long loadStartNanos) {
        this.loadStartNanos = loadStartNanos;
        this.path = path;
        this.readRatio = readRatio;
        this.outstanding = outstanding;
        this.sizeBytes = sizeBytes;
        this.readPath = path;
    }

    /** Reads {@code path} instead of its own znode. */
    public SaturationDriver withReadPath(String path) {
        this.readPath = path;
        return this;
    }

    /** Precedes a share of the reads with a sync. */
    public SaturationDriver withSyncRatio(double share) {
        this.syncRatio = share;
        return this;
    }

    @Override
    public void onConnected(Context ctx, ZkClient client, boolean newSession) {
        if (!created) {
            client.call(ctx, Op.create(path, sizeBytes, 0, false, false));
            return;
        }
        fill(ctx, client);
    }

    @Override
    public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        if (op.kind() == Op.Kind.CREATE && result.code() != quorumsim.zab.tree.Code.CONNECTION_LOSS) {
            created = true;                                          // made now, or already there
        }
        if (client.isConnected()) {
            fill(ctx, client);
        }
    }

    @Override
    public void onSessionExpired(Context ctx, ZkClient client) {
    }

    @Override
    public void onWake(Context ctx, ZkClient client) {
        started = true;
        if (client.isConnected()) {
            fill(ctx, client);
        }
    }

    private void fill(Context ctx, ZkClient client) {
        if (!created) {
            return;
        }
        if (!started) {
            if (ctx.now() < loadStartNanos) {
                client.wakeAfter(ctx, loadStartNanos - ctx.now());
                return;
            }
            started = true;
        }
        while (client.outstanding() < outstanding) {
            if (ctx.random().nextDouble() < readRatio) {
                if (syncRatio > 0 && ctx.random().nextDouble() < syncRatio) {   // no draw without syncs: runs without them are unchanged
                    client.call(ctx, Op.sync(readPath));
                }
                client.call(ctx, Op.getData(readPath, false));
            } else {
                client.call(ctx, Op.setData(path, sizeBytes, (((long) ctx.self()) << 40) | ++writes, -1));
            }
        }
    }
}
