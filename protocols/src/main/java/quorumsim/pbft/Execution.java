package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;

/**
 * Execution and replies (OSDI'99 section 4.2; TOCS'02 sections 5.1.1-5.1.3): committed slots
 * run in sequence-number order, tentatively once prepared when configured; every request in a
 * batch runs once and its client gets a REPLY (a digest of it from all but the designated
 * replier, when configured); a read-only request runs at once on the current state.
 */
final class Execution {
    private final PbftReplica r;

    Execution(PbftReplica replica) {
        this.r = replica;
    }

    /** TOCS'02 section 5.1.3: a read-only request runs at once on the current state, if nothing is tentative. */
    void onReadOnly(Context ctx, Request req) {
        if (r.lastIsTentative || !req.op().isRead()) {
            return;
        }
        ctx.chargeCpu(r.config.costs().executeNanos());
        sendReply(ctx, req, r.state.read(req.op()), true, false);
    }

    /**
     * TOCS'02 section 5.1.1: with digest replies, only the request's designated replier sends the
     * result; the others send its digest. A reply sent again (the client retransmitted) is full.
     */
    void sendReply(Context ctx, Request req, String result, boolean tentative, boolean again) {
        boolean digest = r.config.digestReplies() && !again && req.designatedReplier(r.config.n()) != r.self;
        int payloadBytes = digest ? Messages.DIGEST_BYTES : r.config.workload().replySizeBytes();
        ctx.send(req.client(), r.auth.sign(ctx, new Reply(r.view, req.client(), req.stream(), req.timestamp(), r.self, result,
                tentative, digest, payloadBytes, null), 1));
    }

    /** Executes in sequence-number order; tentatively (when configured) once all earlier requests committed. */
    void executeReady(Context ctx) {
        executeInOrder(ctx);
        r.retransmission.watchForStall(ctx);
    }

    private void executeInOrder(Context ctx) {
        while (true) {
            if (r.lastIsTentative) {
                Slot last = r.log.get(r.lastExecuted);
                if (last == null || !last.committed) {
                    return;
                }
                r.lastIsTentative = false;
                r.state.forgetUndo();
                afterFinalExecution(ctx, last);
                continue;
            }
            Slot next = r.log.get(r.lastExecuted + 1);
            if (next == null || next.prePrepare == null) {
                return;
            }
            if (next.committed) {
                execute(ctx, next, false);
                afterFinalExecution(ctx, next);
            } else if (r.config.tentativeExecution() && r.viewActive && r.agreement.prepared(next)) {
                execute(ctx, next, true);
                r.lastIsTentative = true;
            } else {
                return;
            }
        }
    }

    private void execute(Context ctx, Slot slot, boolean tentative) {
        PaperInvariants.executesInOrder(ctx, r.lowWaterMark, r.lastExecuted, slot.seq);
        for (Request req : slot.prePrepare.batch()) {
            ServiceState.CachedReply last = r.state.lastReply(req.client(), req.stream());
            if (last != null && last.timestamp() >= req.timestamp()) {
                continue;                                                 // executed once already
            }
            ctx.chargeCpu(r.config.costs().executeNanos());
            String result = r.state.execute(req.client(), req.stream(), req.timestamp(), req.op(), tentative);
            long stamp = NondeterministicChoice.stamp(r.config, ctx, slot.prePrepare);
            if (stamp != NondeterministicChoice.NONE && !req.op().isRead()) {
                r.state.stamp(req.op().key(), stamp, tentative);
            }
            sendReply(ctx, req, result, tentative, false);
        }
        r.lastExecuted = slot.seq;
    }

    private void afterFinalExecution(Context ctx, Slot slot) {
        ctx.observe(new Observations.Executed(r.self, slot.prePrepare.view(), slot.seq, slot.prePrepare.digest(),
                slot.prePrepare.batch()));
        r.clearExecutedPending(ctx);                                      // executed for good: no longer awaited
        if (ctx.now() - r.viewInstalledAtNanos >= r.timeoutNanos) {
            r.timeoutNanos = Math.max(r.config.viewChangeTimeoutNanos(), r.timeoutNanos / 2);   // a view that held a timeout earns half back
            r.viewInstalledAtNanos = ctx.now();                           // and the next half once it holds that long again
        }
        r.progressSinceViewChange = true;
        if (slot.seq % r.config.checkpointInterval() == 0) {
            r.checkpoints.takeCheckpoint(ctx, slot.seq);
        }
    }

    void rollBackTentative() {
        if (r.lastIsTentative) {
            r.state.rollBack();
            r.lastExecuted--;
            r.lastIsTentative = false;
        }
    }
}
