package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.core.Context;
import quorumsim.core.TimerId;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.Status;

/**
 * Sending again what may have been lost, after the PBFT library's status messages (Castro's
 * thesis, section 5.2; TOCS'02 section 5.2): a replica with work still to do that made no
 * progress for a quarter of the view-change timeout (half the current timeout while it
 * changes views) multicasts STATUS. A replica in the same view sends it its pre-prepare,
 * prepares and commits from there that the STATUS's prepared and committed bitmaps say it
 * lacks (or the stable checkpoint's certificate when it is behind it); a replica in a higher view sends what proves that view (the NEW-VIEW it installed, or
 * its own VIEW-CHANGE while it is still changing views); a replica changing to the same view
 * sends its VIEW-CHANGE only if the STATUS's bitmap lacks it; a replica that hears STATUS
 * from f+1 replicas in higher views joins them. Nothing is resent blindly: what a replica
 * resends, a STATUS asked for.
 */
final class Retransmission {
    /** Slots a replica resends at most per STATUS. */
    private static final int STATUS_SLOTS = 16;

    private final PbftReplica r;
    private TimerId statusTimer;

    Retransmission(PbftReplica replica) {
        this.r = replica;
    }

    /**
     * Where this replica wants others to resend from: after its last committed execution,
     * or before the first slot of this view it has not seen commit, if that is earlier (a
     * new view re-issues sequence numbers it executed in an older one, and a replica behind
     * needs its COMMIT for them).
     */
    private long resendFrom() {
        for (Slot slot : r.log.through(r.lastCommitted())) {
            if (slot.prePrepare != null && slot.prePrepare.view() == r.view && !slot.committed) {
                return slot.seq - 1;
            }
        }
        return r.lastCommitted();
    }

    /**
     * Work still to do: a view change under way, a request known and not executed, a slot
     * after the last executed one, a tentative execution that has not committed yet, a
     * slot of this view re-issued by the new view that has not committed here, or a
     * NEW-VIEW of a higher view waiting for VIEW-CHANGEs it names.
     */
    private boolean hasWorkInFlight() {
        return !r.viewActive || r.lastIsTentative || !r.pending.isEmpty() || r.log.hasAbove(r.lastExecuted)
                || resendFrom() < r.lastCommitted() || r.viewChanger.awaitsViewChanges();
    }

    /**
     * A slot this replica executed in an earlier view, re-issued by the new view, has not
     * committed here in this view. A client that retries a request executed in such a slot
     * got fewer than f+1 replies: the replicas that did not execute it wait for the re-issued
     * slot, and if one of the 2f+1 that must commit it left alone for a higher view, nobody
     * else times out (this replica has nothing to execute, the primary never suspects
     * itself); the backup then waits for the client's request as if it had not executed it.
     */
    boolean awaitsReissuedCommits() {
        return resendFrom() < r.lastCommitted();
    }

    /** Work still to do: check back later whether it moved. */
    void watchForStall(Context ctx) {
        if (statusTimer == null && hasWorkInFlight()) {
            long periodNanos = r.viewActive ? r.config.viewChangeTimeoutNanos() / 4 : r.timeoutNanos / 2;
            statusTimer = ctx.setTimer(periodNanos, new Timers.StatusTimer(resendFrom()));
        }
    }

    void onStatusTimer(Context ctx, Timers.StatusTimer t) {
        statusTimer = null;
        if (!r.viewActive) {
            multicastStatus(ctx);                                         // peers resend what its bitmap lacks
        } else if (t.resendFrom() == resendFrom() && hasWorkInFlight()) {
            multicastStatus(ctx);
        }
        watchForStall(ctx);
    }

    private void multicastStatus(Context ctx) {
        long from = resendFrom();
        List<Integer> held = r.viewActive ? List.of() : r.viewChanger.heldFor(r.view);
        List<Long> prepared = new ArrayList<>();
        List<Long> committed = new ArrayList<>();
        if (r.viewActive) {
            for (Slot slot : r.log.above(from)) {
                if (slot.prePrepare != null && slot.prePrepare.view() == r.view && slot.committed) {
                    committed.add(slot.seq);
                } else if (r.agreement.prepared(slot)) {
                    prepared.add(slot.seq);
                }
            }
        }
        ctx.multicast(r.others, r.auth.sign(ctx, new Status(r.view, r.viewActive, from, held, prepared, committed, r.self, null),
                r.n - 1));
    }

    /** A stuck replica's STATUS: send it what it may have missed. */
    void onStatus(Context ctx, int from, Status st) {
        if (from != st.replica() || !r.auth.verify(ctx, st.auth(), from, st.unsigned())) {
            return;
        }
        if (st.lastExecuted() < r.lowWaterMark && !r.stableProof.isEmpty()) {
            for (Checkpoint c : r.stableProof) {
                ctx.send(from, c);                                        // it needs the state: show it the certificate
            }
        }
        if (st.view() > r.view) {
            r.viewChanger.onReplicaAhead(ctx, from, st.view());           // f+1 replicas in higher views: join
            return;
        }
        if (st.view() < r.view || (st.view() == r.view && !st.active())) {
            r.viewChanger.helpReplicaBehind(ctx, from, st);               // it is in a lower view: show it ours
            if (st.active()) {
                resendSentIn(ctx, from, st);                              // and what we said in its view before leaving
            }
            return;
        }
        if (!r.viewActive) {
            return;                                                       // both still changing to the same view
        }
        resendSentIn(ctx, from, st);
    }

    /**
     * Sends again this replica's pre-prepares, prepares and commits of the STATUS's view
     * after its {@code lastExecuted} that the STATUS's bitmaps say it lacks (Castro's thesis
     * 5.2, STATUS-ACTIVE): nothing for a slot committed there, the COMMIT alone for one
     * prepared there, everything for the rest, for up to {@link #STATUS_SLOTS} slots that
     * lack something. Also for a view this replica has since left: when f replicas are
     * silent, every quorum of the view needs every correct replica, and a COMMIT lost on
     * its way from one that then left alone for a view change is otherwise never
     * delivered; the others, one the primary and one with nothing left to wait for, never
     * time out to follow it. Resending a message already sent is safe. Counting every slot
     * after {@code lastExecuted}, not only those it lacks, a new view that re-issued a few
     * dozen slots had a lost PRE-PREPARE for the first new request resent only after
     * every re-issued slot before it had committed, more than a view-change timeout later
     * under loss (swarm seeds 587, 7044).
     */
    private void resendSentIn(Context ctx, int to, Status st) {
        long view = st.view();
        int lacking = 0;
        for (Slot slot : r.log.above(st.lastExecuted())) {
            if (lacking == STATUS_SLOTS) {
                break;
            }
            if (slot.prePrepare == null || slot.prePrepare.view() != view || st.hasCommitted(slot.seq)) {
                continue;                                                 // not ours to resend, or it has it committed
            }
            lacking++;
            if (!st.hasPrepared(slot.seq)) {
                if (slot.prePrepare.replica() == r.self) {
                    ctx.send(to, slot.prePrepare);
                }
                Prepare prepare = slot.prepares.get(r.self);
                if (prepare != null && prepare.view() == view) {
                    ctx.send(to, prepare);
                }
            }
            Commit commit = slot.commits.get(r.self);
            if (commit != null && commit.view() == view) {
                ctx.send(to, commit);
            }
        }
    }
}
