package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.core.Context;
import quorumsim.core.TimerId;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Request;

/**
 * The primary's part of the normal case (OSDI'99 section 4.2; TOCS'02 for batching): it takes
 * the requests waiting in its queue a batch at a time, assigns each batch the next sequence
 * number inside the water marks, and multicasts the PRE-PREPARE.
 */
final class Ordering {
    private final PbftReplica r;
    private TimerId batchTimer;

    Ordering(PbftReplica replica) {
        this.r = replica;
    }

    void maybePropose(Context ctx) {
        while (r.viewActive && r.ordersRequests() && !r.queue.isEmpty()) {
            if (r.nextSeq + 1 > r.lowWaterMark + r.config.logWindow()) {
                return;                                                   // n <= H
            }
            if (r.queue.size() < r.config.batchSize()) {
                if (batchTimer == null) {
                    batchTimer = ctx.setTimer(r.config.batchWindowNanos(), new Timers.BatchTimer(r.view));
                }
                return;
            }
            proposeBatch(ctx);
        }
    }

    void onBatchTimer(Context ctx, Timers.BatchTimer t) {
        if (batchTimer != null && batchTimer.timer() == t) {
            batchTimer = null;
            if (t.view() == r.view && r.viewActive && r.ordersRequests() && !r.queue.isEmpty()) {
                proposeBatch(ctx);
                maybePropose(ctx);
            }
        }
    }

    private void proposeBatch(Context ctx) {
        if (r.nextSeq + 1 > r.lowWaterMark + r.config.logWindow()) {
            return;
        }
        List<Request> batch = new ArrayList<>();
        while (!r.queue.isEmpty() && batch.size() < r.config.batchSize()) {
            Request req = r.queue.poll();
            ServiceState.CachedReply last = r.state.lastReply(req.client(), req.stream());
            if (last == null || last.timestamp() < req.timestamp()) {
                batch.add(req);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batchTimer != null) {
            ctx.cancelTimer(batchTimer);
            batchTimer = null;
        }
        long seq = ++r.nextSeq;
        PaperInvariants.assignsWithinWaterMarks(ctx, r.lowWaterMark, r.lastExecuted, seq, r.config.logWindow());
        long timeNanos = NondeterministicChoice.propose(r.config, ctx);
        PrePrepare pp = r.auth.sign(ctx, new PrePrepare(r.view, seq, PrePrepare.digestOf(batch, timeNanos), batch, r.self, null, timeNanos), r.n - 1);
        Slot slot = r.slot(seq);
        slot.accept(pp);
        r.diskLog.multicast(ctx, pp);
        r.agreement.checkPrepared(ctx, slot);
    }

    void cancelBatchTimer(Context ctx) {
        if (batchTimer != null) {
            ctx.cancelTimer(batchTimer);
            batchTimer = null;
        }
    }
}
