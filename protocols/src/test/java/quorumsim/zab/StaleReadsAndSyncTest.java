package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.fault.Fault;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * A server cut off from the others keeps answering reads from its frozen tree until it notices
 * (stale reads); its client then moves to a server on the majority side, and a sync followed
 * by a read returns every write acknowledged before the sync.
 */
class StaleReadsAndSyncTest {
    /** Writes 1, 2, 3... to /x, one at a time, and notes when each was acknowledged. */
    static final class Writer implements Driver {
        final List<long[]> acked = new ArrayList<>();
        long next = 1;

        public void onConnected(Context ctx, ZkClient c, boolean fresh) {
            if (fresh) {
                c.call(ctx, Op.create("/x", 8, 0, false, false));
            }
        }

        public void onAnswer(Context ctx, ZkClient c, Op op, Result r, long zxid) {
            if (op.kind() == Op.Kind.SET_DATA && r.code() == Code.OK) {
                acked.add(new long[] {op.value(), ctx.trueTimeNanos()});
            }
            c.wakeAfter(ctx, 2_000_000L);
        }

        public void onWake(Context ctx, ZkClient c) {
            if (c.isConnected()) {
                c.call(ctx, Op.setData("/x", 8, next++, -1));
            } else {
                c.wakeAfter(ctx, 2_000_000L);
            }
        }

        long lastAckedBefore(long trueNanos) {
            long v = 0;
            for (long[] a : acked) {
                if (a[1] < trueNanos) {
                    v = Math.max(v, a[0]);
                }
            }
            return v;
        }
    }

    /** Reads /x every 2 ms; after moving to another server, syncs and reads once more. */
    static final class Reader implements Driver {
        final List<long[]> reads = new ArrayList<>();
        long syncIssuedNanos = -1;
        long valueAfterSync = -1;
        boolean moved;
        boolean syncing;

        public void onConnected(Context ctx, ZkClient c, boolean fresh) {
            if (!fresh && !moved) {
                moved = true;
                syncing = true;
                syncIssuedNanos = ctx.trueTimeNanos();
                c.call(ctx, Op.sync("/x"));
                c.call(ctx, Op.getData("/x", false));
                return;
            }
            c.wakeAfter(ctx, 2_000_000L);
        }

        public void onAnswer(Context ctx, ZkClient c, Op op, Result r, long zxid) {
            if (op.kind() != Op.Kind.GET_DATA) {
                return;
            }
            if (r.code() != Code.OK) {
                c.wakeAfter(ctx, 2_000_000L);                       // /x is not there yet: read again
                return;
            }
            if (syncing) {
                syncing = false;
                valueAfterSync = r.value();
                return;
            }
            reads.add(new long[] {r.value(), ctx.trueTimeNanos()});
            c.wakeAfter(ctx, 2_000_000L);
        }

        public void onWake(Context ctx, ZkClient c) {
            if (c.isConnected() && !moved) {
                c.call(ctx, Op.getData("/x", false));
            }
        }
    }

    @Test
    void aCutOffServerServesStaleReadsAndSyncFixesTheView() {
        Writer writer = new Writer();
        Reader reader = new Reader();
        ZabConfig config = ZabRun.quick(5, 2).toBuilder().tickNanos(20_000_000L).syncLimitTicks(5).build();
        quorumsim.core.Simulation sim = new quorumsim.core.Simulation(9, ZabRun.lan(), ZabDeployment.costModel(config), 10_000_000L);
        ZabDeployment zab = ZabDeployment.deploy(sim, config, c -> c == 0 ? writer : reader, c -> c == 0 ? 1 : 0);
        long cutAt = 100_000_000L;
        sim.scheduleFault(cutAt, new Fault.Partition(new int[][] {{0}, {1, 2, 3, 4}}));
        sim.runUntil(400_000_000L);

        int stale = 0;
        for (long[] r : reader.reads) {
            if (r[1] > cutAt && r[0] < writer.lastAckedBefore(r[1])) {
                stale++;
            }
        }
        assertTrue(stale > 5, "the cut-off server should have served stale reads, saw " + stale);
        assertTrue(reader.moved && reader.valueAfterSync >= 0, "the reader should have moved and synced");
        long floor = writer.lastAckedBefore(reader.syncIssuedNanos);
        assertTrue(reader.valueAfterSync >= floor, "after sync the reader saw " + reader.valueAfterSync + ", but " + floor
                + " was acknowledged before the sync");
        assertTrue(zab.safety().holds(), zab.safety().detail());
        assertTrue(zab.figures().get("staleReads") > 5);
        System.out.println("stale reads on the cut-off server: " + stale + "; staleness " + zab.figures());
    }
}
