package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.core.TimerId;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.Status;

/**
 * Sending again what may have been lost, a simple stand-in for the PBFT library's status
 * messages: a replica stuck for a quarter of the view-change timeout multicasts STATUS and
 * the others send it their pre-prepare, prepares and commits from there (or the stable
 * checkpoint's certificate when it is behind it); a replica changing views resends its
 * VIEW-CHANGE every half timeout ({@link ViewChanger#retransmit}).
 */
final class Retransmission {
    /** Slots a replica resends at most per STATUS. */
    private static final int STATUS_SLOTS = 16;

    private final PbftReplica r;
    private TimerId statusTimer;

    Retransmission(PbftReplica replica) {
        this.r = replica;
    }

    /** Something after the last executed request is in the log, or a view change is under way: check back later. */
    void watchForStall(Context ctx) {
        if (statusTimer == null && (!r.viewActive || !r.log.tailMap(r.lastExecuted, false).isEmpty())) {
            long periodNanos = r.viewActive ? r.config.viewChangeTimeoutNanos() / 4 : r.timeoutNanos / 2;
            statusTimer = ctx.setTimer(periodNanos, new Timers.StatusTimer(r.lastExecuted));
        }
    }

    void onStatusTimer(Context ctx, Timers.StatusTimer t) {
        statusTimer = null;
        if (!r.viewActive) {
            r.viewChanger.retransmit(ctx);
        } else if (t.lastExecuted() == r.lastExecuted && !r.log.tailMap(r.lastExecuted, false).isEmpty()) {
            Status unsigned = new Status(r.view, r.lastExecuted, r.self, null);
            ctx.multicast(r.others, new Status(r.view, r.lastExecuted, r.self, r.auth.forReceivers(ctx, unsigned, r.n - 1)));
        }
        watchForStall(ctx);
    }

    /** A stuck replica's STATUS: send it what it may have missed, from the first slot it lacks, a few slots on. */
    void onStatus(Context ctx, int from, Status st) {
        if (from != st.replica() || !r.auth.verify(ctx, st.auth(), from, st.unsigned())) {
            return;
        }
        if (st.lastExecuted() < r.lowWaterMark && !r.stableProof.isEmpty()) {
            for (Checkpoint c : r.stableProof) {
                ctx.send(from, c);                                        // it needs the state: show it the certificate
            }
        }
        if (!r.viewActive || st.view() != r.view) {
            return;
        }
        for (Slot slot : r.log.tailMap(st.lastExecuted(), false).values()) {
            if (slot.seq > st.lastExecuted() + STATUS_SLOTS) {
                break;
            }
            if (slot.prePrepare == null || slot.prePrepare.view() != r.view) {
                continue;
            }
            if (r.isPrimary()) {
                ctx.send(from, slot.prePrepare);
            }
            Prepare prepare = slot.prepares.get(r.self);
            if (prepare != null && prepare.view() == r.view) {
                ctx.send(from, prepare);
            }
            Commit commit = slot.commits.get(r.self);
            if (commit != null && commit.view() == r.view) {
                ctx.send(from, commit);
            }
        }
    }
}
