package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.core.Simulation;
import quorumsim.net.NetworkConfig;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * ZooKeeper 3.3's CommitProcessor (the release the paper measured): once a server reaches a
 * write of one of its clients, it answers none of the requests queued behind it, from any
 * session, until that write has committed here. So a read that another client sends to the
 * same server just after the write returns the write's value, though the server's tree did
 * not have it when the read arrived.
 */
class CommitProcessorOrderTest {
    private static final long WRITE_AT_NANOS = 50_000_000L;

    /** Creates /x, then at {@link #WRITE_AT_NANOS} sets it to 1. */
    static final class Writer implements Driver {
        long writeZxid = -1;

        public void onConnected(Context ctx, ZkClient c, boolean fresh) {
            c.call(ctx, Op.create("/x", 8, 0, false, false));
            c.wakeAfter(ctx, WRITE_AT_NANOS - ctx.now());
        }

        public void onAnswer(Context ctx, ZkClient c, Op op, Result r, long zxid) {
            if (op.kind() == Op.Kind.SET_DATA && r.code() == Code.OK) {
                writeZxid = zxid;
            }
        }

        public void onWake(Context ctx, ZkClient c) {
            c.call(ctx, Op.setData("/x", 8, 1, -1));
        }
    }

    /** Reads /x a microsecond after the writer's write, on the same server. */
    static final class Reader implements Driver {
        long value = -1;
        long zxid = -1;
        long answeredNanos = -1;

        public void onConnected(Context ctx, ZkClient c, boolean fresh) {
            c.wakeAfter(ctx, WRITE_AT_NANOS + 1_000 - ctx.now());
        }

        public void onAnswer(Context ctx, ZkClient c, Op op, Result r, long zxid) {
            value = r.value();
            this.zxid = zxid;
            answeredNanos = ctx.trueTimeNanos();
        }

        public void onWake(Context ctx, ZkClient c) {
            c.call(ctx, Op.getData("/x", false));
        }
    }

    @Test
    void aReadQueuedBehindAnotherSessionsWriteWaitsForItsCommit() {
        Writer writer = new Writer();
        Reader reader = new Reader();
        ZabConfig config = ZabRun.quick(3, 2);
        Simulation sim = new Simulation(1, NetworkConfig.ideal(200_000), ZabDeployment.costModel(config), 10_000_000L);
        ZabDeployment zab = ZabDeployment.deploy(sim, config, c -> c == 0 ? writer : reader, c -> 0);
        sim.runUntil(200_000_000L);

        assertTrue(writer.writeZxid > 0, "the write should have been answered");
        assertTrue(reader.answeredNanos > WRITE_AT_NANOS + 1_000, "the read should have been answered");
        assertEquals(1, reader.value, "the read, queued behind the write on the same server, should see it");
        assertTrue(reader.zxid >= writer.writeZxid, "the read's zxid " + reader.zxid + " should not be before the write's " + writer.writeZxid);
        assertTrue(zab.safety().holds(), zab.safety().detail());
    }
}
