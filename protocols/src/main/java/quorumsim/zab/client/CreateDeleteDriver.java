package quorumsim.zab.client;

import quorumsim.core.Context;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * A worker of the ZooKeeper paper's create benchmark (section 5.2, modelled after Chubby's):
 * it "sends a create, waits for it to finish, sends an asynchronous delete of the new node, and
 * then starts the next create". One create is in flight at a time; its delete follows it on the
 * same connection without being waited for. A create lost with its connection is not retried
 * (its node may be left behind); the next create gets a new name.
 *
 * <p>It counts its creates and their latency (issue to answer, in true time) so that an
 * experiment can read the rate and the mean latency over a window.
 */
public final class CreateDeleteDriver implements Driver {
    private final String prefix;
    private final int sizeBytes;
    private long next;
    private boolean creating;
    private long issuedTrueNanos;
    private long creates;
    private long latencyTotalNanos;

    /**
     * @param prefix    the worker's node names are this plus a counter (e.g. "/w3-")
     * @param sizeBytes data of each node created
     */
    public CreateDeleteDriver(String prefix, int sizeBytes) {
        this.prefix = prefix;
        this.sizeBytes = sizeBytes;
    }

    /** Creates answered OK so far. */
    public long creates() {
        return creates;
    }

    /** Sum of those creates' latencies. */
    public long latencyTotalNanos() {
        return latencyTotalNanos;
    }

    @Override
    public void onConnected(Context ctx, ZkClient client, boolean newSession) {
        if (!creating) {
            create(ctx, client);
        }
    }

    @Override
    public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        if (op.kind() != Op.Kind.CREATE) {
            return;                                                  // a delete: nobody waits for it
        }
        creating = false;
        if (result.code() == Code.CONNECTION_LOSS) {
            return;                                                  // onConnected starts the next one
        }
        if (result.code() == Code.OK) {
            creates++;
            latencyTotalNanos += ctx.trueTimeNanos() - issuedTrueNanos;
            client.call(ctx, Op.delete(op.path(), -1));              // asynchronous: not waited for
        }
        if (client.isConnected()) {
            create(ctx, client);
        }
    }

    private void create(Context ctx, ZkClient client) {
        creating = true;
        issuedTrueNanos = ctx.trueTimeNanos();
        client.call(ctx, Op.create(prefix + next++, sizeBytes, next, false, false));
    }
}
