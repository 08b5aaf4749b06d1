package quorumsim.pbft;

import quorumsim.core.Context;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.PreparedProof;

/**
 * The normal case's three phases (OSDI'99 section 4.2): a backup accepts the primary's
 * PRE-PREPARE and multicasts PREPARE; a slot with the pre-prepare and 2f matching prepares is
 * prepared and multicasts COMMIT; 2f+1 matching commits make it committed-local, and it runs
 * in sequence order ({@link Execution}).
 */
final class Agreement {
    private final PbftReplica r;

    Agreement(PbftReplica replica) {
        this.r = replica;
    }

    /** Section 4.2: a backup accepts a pre-prepare if ... */
    void onPrePrepare(Context ctx, int from, PrePrepare pp) {
        if (r.bufferIfFuture(from, pp, pp.view())) {
            return;
        }
        if (!r.viewActive || pp.view() != r.view) {
            return;                                                       // it is in view v
        }
        if (from != r.primary() || pp.replica() != from) {
            return;                                                       // from the primary of v
        }
        if (!r.auth.verify(ctx, pp.auth(), from, pp.unsigned())) {
            return;                                                       // the authenticators are valid
        }
        if (pp.digest() != PrePrepare.digestOf(pp.batch(), pp.timeNanos())) {
            return;                                                       // d = D(m)
        }
        if (!NondeterministicChoice.acceptable(r.config, ctx, pp)) {
            return;                                                       // the primary's non-deterministic choice is acceptable
        }
        for (Request req : pp.batch()) {
            if (req.readOnly() || !r.auth.verify(ctx, req.auth(), req.client(), req.unsigned())) {
                return;                                                   // each request is its client's
            }
        }
        if (!r.inWindow(pp.seq())) {
            return;                                                       // h < n <= H
        }
        Slot slot = r.slot(pp.seq());
        if (slot.prePrepare != null && slot.prePrepare.view() == r.view) {
            return;                                                       // no other pre-prepare for (v, n)
        }
        slot.accept(pp);
        Prepare prepare = r.auth.sign(ctx, new Prepare(r.view, pp.seq(), pp.digest(), r.self, null), r.n - 1);
        slot.prepares.put(r.self, prepare);
        r.diskLog.multicast(ctx, prepare);
        checkPrepared(ctx, slot);
    }

    void onPrepare(Context ctx, int from, Prepare p) {
        if (r.bufferIfFuture(from, p, p.view())) {
            return;
        }
        if (!r.viewActive || p.view() != r.view) {
            return;
        }
        if (from != p.replica() || from == r.primary()) {
            return;                                                       // from a backup
        }
        if (!r.auth.verify(ctx, p.auth(), from, p.unsigned())) {
            return;
        }
        if (!r.inWindow(p.seq())) {
            return;
        }
        Slot slot = r.slot(p.seq());
        slot.prepares.put(from, p);
        checkPrepared(ctx, slot);
    }

    void onCommit(Context ctx, int from, Commit c) {
        if (r.bufferIfFuture(from, c, c.view())) {
            return;
        }
        if (!r.viewActive || c.view() != r.view) {
            return;
        }
        if (from != c.replica()) {
            return;
        }
        if (!r.auth.verify(ctx, c.auth(), from, c.unsigned())) {
            return;
        }
        if (!r.inWindow(c.seq())) {
            return;
        }
        Slot slot = r.slot(c.seq());
        slot.commits.put(from, c);
        checkCommitted(ctx, slot);
    }

    /** prepared(m, v, n, i): the pre-prepare and 2f matching prepares from different backups. */
    boolean prepared(Slot slot) {
        return slot.prePrepare != null && slot.prePrepare.view() == r.view
                && slot.countMatchingPrepares(r.primary()) >= r.quorums.prepares();
    }

    void checkPrepared(Context ctx, Slot slot) {
        if (!r.viewActive || !prepared(slot)) {
            return;
        }
        if (slot.proof == null || slot.proof.prePrepare().view() < r.view) {
            slot.proof = new PreparedProof(slot.prePrepare, slot.matchingPrepares(r.primary()));
            PaperInvariants.preparedCertificate(ctx, slot.proof, r.primary(), r.quorums.prepares());
        }
        if (r.config.skipsCommit()) {
            slot.committed = true;                                        // the teaching variant: no commit phase
            r.execution.executeReady(ctx);
            return;
        }
        if (!slot.commitSent) {
            slot.commitSent = true;
            Commit commit = r.auth.sign(ctx, new Commit(r.view, slot.seq, slot.prePrepare.digest(), r.self, null), r.n - 1);
            slot.commits.put(r.self, commit);
            r.diskLog.multicast(ctx, commit);
        }
        checkCommitted(ctx, slot);
        if (r.config.tentativeExecution()) {
            r.execution.executeReady(ctx);
        }
    }

    /** committed-local(m, v, n, i): prepared and 2f+1 matching commits, own included. */
    private void checkCommitted(Context ctx, Slot slot) {
        if (slot.committed || !prepared(slot) || slot.matchingCommits() < r.quorums.commits()) {
            return;
        }
        slot.committed = true;
        if (slot.seq <= r.lastExecuted && !r.lastIsTentative && !r.retransmission.awaitsReissuedCommits()) {
            r.clearExecutedPending(ctx);                                  // the re-issued slots committed: stop waiting
        }
        r.execution.executeReady(ctx);
    }
}
