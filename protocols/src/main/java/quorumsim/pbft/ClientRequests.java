package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.pbft.Messages.Request;

/**
 * A client's REQUEST at a replica (OSDI'99 sections 4.1 and 4.4): authenticated by its client,
 * answered from the reply cache when it ran already, queued for ordering at the primary,
 * relayed to the primary by a backup, which then waits for it with its view-change timer.
 */
final class ClientRequests {
    private final PbftReplica r;

    ClientRequests(PbftReplica replica) {
        this.r = replica;
    }

    /** Section 4.1 and 4.4: a request from a client, or relayed by a backup. */
    void onRequest(Context ctx, int from, Request req) {
        if (req.client() < r.n) {
            return;                                                       // clients are not replicas
        }
        if (!r.auth.verify(ctx, req.auth(), req.client(), req.unsigned())) {
            return;                                                       // authenticated by its client
        }
        if (req.readOnly()) {
            if (r.config.readOnlyOptimization()) {
                r.execution.onReadOnly(ctx, req);
            }
            return;
        }
        ServiceState.CachedReply last = r.state.lastReply(req.client(), req.stream());
        if (last != null && req.timestamp() < last.timestamp()) {
            return;                                                       // stale timestamp: discard
        }
        if (last != null && req.timestamp() == last.timestamp()) {
            r.execution.sendReply(ctx, req, last.result(), r.lastIsTentative, true);   // resend the cached reply, in full
            if (r.lastIsTentative && r.viewActive && !r.ordersRequests()) {
                awaitCommit(ctx, req);                                    // executed tentatively only: it may never commit
            } else if (r.viewActive && !r.ordersRequests() && from == req.client() && r.retransmission.awaitsReissuedCommits()) {
                awaitCommit(ctx, req);                                    // its replies fell short while the new view is stuck
            }
            return;
        }
        if (!r.viewActive) {
            return;                                                       // view change: only CHECKPOINT, VIEW-CHANGE, NEW-VIEW
        }
        long key = ServiceState.clientStream(req.client(), req.stream());
        Request known = r.pending.get(key);
        if (known == null || known.timestamp() < req.timestamp()) {
            r.pending.remove(key);
            r.pending.put(key, req);
        }
        if (r.ordersRequests()) {
            Long assignedTimestamp = r.assigned.get(key);
            if (assignedTimestamp != null && assignedTimestamp >= req.timestamp()) {
                return;                                                   // already ordered in this view
            }
            r.assigned.put(key, req.timestamp());
            r.queue.add(req);
            r.ordering.maybePropose(ctx);
        } else {
            if (from == req.client() && !r.isPrimary()) {
                ctx.send(r.primary(), req);                               // relay to the primary
            }
            r.startTimerIfNeeded(ctx);
        }
    }

    /**
     * TOCS'02 sections 4.5.2 and 5.1.2: a client that retries a request a backup executed
     * only tentatively has not seen it commit; the backup waits for it like for a request not
     * executed (a timer stopped at the tentative execution would leave a prepared request
     * that can no longer gather 2f+1 COMMITs in this view, its primary having lost its log,
     * without anyone ever asking for a new view).
     */
    private void awaitCommit(Context ctx, Request req) {
        r.pending.putIfAbsent(ServiceState.clientStream(req.client(), req.stream()), req);
        r.startTimerIfNeeded(ctx);
    }
}
