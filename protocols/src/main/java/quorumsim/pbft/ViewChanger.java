package quorumsim.pbft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.Context;
import quorumsim.core.TimerId;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.FetchViewChanges;
import quorumsim.pbft.Messages.NewView;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.pbft.Messages.ViewChangeDigest;

/**
 * A replica's view change (OSDI'99 section 4.4 and the liveness rules of 4.5): VIEW-CHANGE
 * with the stable checkpoint's proof and the prepared certificates, NEW-VIEW from the new
 * primary naming 2f+1 of them by digest (Castro's thesis) with the O set, checked by every
 * backup once it holds each VIEW-CHANGE named (it fetches those it lacks); the new-view timer
 * started on 2f+1 VIEW-CHANGEs; the timeout doubled for each view change that follows one
 * after which nothing executed (the paper doubles it when a new view fails to arrive; a new
 * view that arrives but cannot make progress counts as failed too; half of it comes back
 * for each whole timeout a view holds: Execution.afterFinalExecution); joining on
 * f+1 VIEW-CHANGEs for higher views.
 */
final class ViewChanger {
    private final PbftReplica r;
    /** VIEW-CHANGEs by the view they ask for, then by sender; one (the latest) per sender. */
    private final TreeMap<Long, TreeMap<Integer, ViewChange>> votes = new TreeMap<>();
    private TimerId newViewTimer;
    private long newViewSent = -1;
    /** This replica's VIEW-CHANGE for the view it is changing to, resent while the change lasts. */
    private ViewChange own;
    /** The NEW-VIEW of the view this replica is in (sent or accepted), for replicas that missed it. */
    private NewView installed;
    /** The VIEW-CHANGEs the installed NEW-VIEW names, for replicas that lack some of them. */
    private List<ViewChange> installedViewChanges = List.of();
    /** A NEW-VIEW signed by its primary, waiting for VIEW-CHANGEs it names that this replica lacks. */
    private NewView awaitingViewChanges;
    /**
     * Per replica, when (local clock) the primary of the installed view last sent it the
     * others' VIEW-CHANGEs its NEW-VIEW names, and how long it waits before the next time.
     */
    private final long[] namedSentAtNanos;
    private final long[] namedGapNanos;
    /** Per replica, the highest view whose NEW-VIEW this replica passed on to it. */
    private final long[] forwarded;
    /** Per replica, when (local clock) this replica last passed on a NEW-VIEW to it. */
    private final long[] forwardedAtNanos;
    /** Per replica, the highest view its STATUS said it is in (or changing to). */
    private final long[] statusViews;
    /** Per replica, when (local clock) this replica last sent it its own VIEW-CHANGE, and how long it waits before the next time. */
    private final long[] ownSentAtNanos;
    private final long[] ownGapNanos;

    ViewChanger(PbftReplica replica) {
        this.r = replica;
        this.forwarded = new long[replica.n];
        this.forwardedAtNanos = new long[replica.n];
        this.statusViews = new long[replica.n];
        this.ownSentAtNanos = new long[replica.n];
        this.ownGapNanos = new long[replica.n];
        this.namedSentAtNanos = new long[replica.n];
        this.namedGapNanos = new long[replica.n];
    }

    /** Moves to {@code newView}: stop accepting normal-case messages and multicast VIEW-CHANGE. */
    void startViewChange(Context ctx, long newView) {
        if (newView <= r.view) {
            return;
        }
        if (!r.progressSinceViewChange) {
            r.timeoutNanos *= 2;                                          // the last view change bought nothing: wait 2T
        }
        r.progressSinceViewChange = false;
        PaperInvariants.viewGrows(ctx, r.view, newView);
        r.view = newView;
        r.viewActive = false;
        r.stopTimer(ctx);
        r.cancelBatchTimer(ctx);
        cancelNewViewTimer(ctx);
        List<PreparedProof> prepared = new ArrayList<>();
        for (Slot slot : r.log.values()) {
            if (slot.seq > r.lowWaterMark && slot.proof != null) {
                prepared.add(slot.proof);
            }
        }
        ViewChange vc = r.auth.signWithSignature(ctx, new ViewChange(newView, r.lowWaterMark, r.stableProof, prepared, r.self, null));
        own = vc;
        record(vc);
        ctx.multicast(r.others, vc);
        Arrays.fill(ownSentAtNanos, ctx.now());
        Arrays.fill(ownGapNanos, r.timeoutNanos);
        afterVote(ctx);
        r.retransmission.watchForStall(ctx);
    }

    /**
     * Sends this replica's VIEW-CHANGE for the view it is in (changing to it, or installed
     * with a NEW-VIEW that names it) again to {@code to}, first a view-change timeout after
     * the last copy, then twice as long each time. A VIEW-CHANGE carries the prepared
     * certificates of the whole log, hundreds of kilobytes with signatures before the first
     * stable checkpoint, and a dozen of them share each replica's link: a STATUS sent while
     * a copy is still on its way cannot tell it from one lost. Resent every timeout, the
     * copies came faster than the link carried them, and no VIEW-CHANGE or NEW-VIEW arrived
     * within the new-view timeout again, in view after view.
     */
    private void resendOwn(Context ctx, int to, Status st) {
        if (own == null || own.newView() != r.view || (r.viewActive && !namedByInstalled(own))) {
            return;
        }
        long now = ctx.now();
        if (now - ownSentAtNanos[to] >= ownGapNanos[to]) {
            ownSentAtNanos[to] = now;
            ownGapNanos[to] *= 2;
            ctx.send(to, own);
            if (!r.viewActive && st.view() < r.view && !st.active() && !st.holdsViewChangeOf(r.self)) {
                sendLeftView(ctx, to, st.view());
            }
        }
    }

    private boolean namedByInstalled(ViewChange vc) {
        return installedViewChanges.contains(vc);
    }

    /**
     * A replica changing to a view below ours whose STATUS lacks our VIEW-CHANGE for it: ours
     * was lost, and we moved on alone when our new-view timer fired. It holds 2f for its view
     * and ours for the next, fewer than the f+1 that make it join us, and its new-view timer
     * waits for 2f+1: nobody moves again. We left the view before its view too, so we send it
     * the VIEW-CHANGE for its view (the same checkpoint and certificates) that it lacks; not
     * if we hold a certificate of its view or a later one (we were in it).
     */
    private void sendLeftView(Context ctx, int to, long view) {
        for (PreparedProof p : own.prepared()) {
            if (p.prePrepare().view() >= view) {
                return;
            }
        }
        ctx.send(to, r.auth.signWithSignature(ctx, new ViewChange(view, own.stableSeq(), own.checkpointProof(), own.prepared(), r.self, null)));
    }

    void onViewChange(Context ctx, int from, ViewChange vc) {
        if (from == r.self) {
            return;
        }
        if (from != vc.replica() && !namedByAwaitedNewView(vc)) {
            return;                                                       // passed on by another: only one a NEW-VIEW names
        }
        if (vc.newView() < r.view || (vc.newView() == r.view && r.viewActive)) {
            return;                                                       // for a view already installed or passed
        }
        if (!r.auth.verify(ctx, vc.auth(), vc.replica(), vc.unsigned())) {
            return;
        }
        if (!valid(ctx, vc)) {
            return;                                                       // C proves n; P holds prepared certificates above n
        }
        record(vc);
        joinIfBehind(ctx);
        afterVote(ctx);
        installIfComplete(ctx);
    }

    private boolean namedByAwaitedNewView(ViewChange vc) {
        if (awaitingViewChanges == null || vc.newView() != awaitingViewChanges.view()) {
            return false;
        }
        for (ViewChangeDigest d : awaitingViewChanges.viewChanges()) {
            if (d.names(vc)) {
                return true;
            }
        }
        return false;
    }

    /**
     * f+1 replicas in views above ours, by their VIEW-CHANGEs or their STATUS: join the
     * smallest of those views (at least one of the f+1 is correct and in a view that high).
     */
    private void joinIfBehind(Context ctx) {
        TreeSet<Long> views = new TreeSet<>();
        TreeSet<Integer> senders = new TreeSet<>();
        for (Map.Entry<Long, TreeMap<Integer, ViewChange>> e : votes.tailMap(r.view, false).entrySet()) {
            for (int replica : e.getValue().keySet()) {
                if (replica != r.self) {
                    senders.add(replica);
                    views.add(e.getKey());
                }
            }
        }
        for (int replica = 0; replica < r.n; replica++) {
            if (replica != r.self && statusViews[replica] > r.view) {
                senders.add(replica);
                views.add(statusViews[replica]);
            }
        }
        if (senders.size() >= r.quorums.weak()) {
            startViewChange(ctx, views.first());
        }
    }

    /** Castro's thesis 5.2: a STATUS from a replica in a higher view; with f+1 of them, join. */
    void onReplicaAhead(Context ctx, int from, long view) {
        statusViews[from] = Math.max(statusViews[from], view);
        joinIfBehind(ctx);
    }

    /**
     * Castro's thesis 5.2: a STATUS from a replica in a lower view, or still changing to ours.
     * If we installed our view, it needs the NEW-VIEW (its VIEW-CHANGEs prove the view): from
     * the primary that made it, and once from each of f relays if it is in a lower view or
     * holds 2f+1 VIEW-CHANGEs already (the NEW-VIEW is all it lacks), so that a correct
     * replica passes it on even if the primary withholds it or its link to the primary is
     * slow (a heavy-tailed FIFO link holds everything behind one long draw). While we are changing views ourselves, it gets our VIEW-CHANGE,
     * and only if its bitmap lacks it. A late VIEW-CHANGE is no reason to resend anything:
     * every replica's VIEW-CHANGE reaches a primary after it sent its NEW-VIEW, and relaying
     * hundreds of kilobytes on each kept the links full for longer than the new-view timer.
     */
    void helpReplicaBehind(Context ctx, int to, Status st) {
        boolean sameView = st.view() == r.view;
        if (r.viewActive && installed != null && installed.view() == r.view) {
            boolean lacksOnlyTheNewView = sameView && st.viewChanges().size() >= r.quorums.viewChanges();
            if (installed.replica() == r.self || ((!sameView || lacksOnlyTheNewView) && passesOnNewView())) {
                forwardNewView(ctx, to);
            }
            if (!sameView || !st.holdsViewChangeOf(r.self)) {
                resendOwn(ctx, to, st);                                   // it needs the VIEW-CHANGEs the NEW-VIEW names
            }
            if (installed.replica() == r.self) {
                sendNamedViewChanges(ctx, to, st);
            }
            return;
        }
        if (sameView && st.holdsViewChangeOf(r.self)) {
            return;                                                       // it has ours: resend only what is missing
        }
        resendOwn(ctx, to, st);
    }

    /** The primary of the installed view, or one of the f replicas after it: they pass its NEW-VIEW on. */
    private boolean passesOnNewView() {
        int after = Math.floorMod(r.self - r.quorums.primary(installed.view()), r.n);
        return after <= r.quorums.weak() - 1;
    }

    /** The bitmap of a STATUS: whose VIEW-CHANGE for {@code view} this replica holds, its own included. */
    List<Integer> heldFor(long view) {
        TreeMap<Integer, ViewChange> forView = votes.get(view);
        return forView == null ? List.of() : List.copyOf(forView.keySet());
    }

    /**
     * Passes the installed NEW-VIEW to a replica that missed it: a relay once per view, and
     * the primary that made it again after each view-change timeout while the replica still
     * asks (it may have been lost; the primary's own multicast counts as the first send). When
     * a NEW-VIEW carried its VIEW-CHANGEs, resent by every replica on every STATUS it filled
     * the straggler's link, and the view it was meant to bring in timed out before it arrived.
     */
    private void forwardNewView(Context ctx, int to) {
        long now = ctx.now();
        boolean first = forwarded[to] < installed.view();
        boolean again = installed.replica() == r.self && now - forwardedAtNanos[to] >= r.timeoutNanos;
        if (first || again) {
            forwarded[to] = installed.view();
            forwardedAtNanos[to] = now;
            ctx.send(to, installed);
        }
    }

    /**
     * The primary of the installed view sends a replica changing to it the others'
     * VIEW-CHANGEs its NEW-VIEW names that the replica's STATUS lacks: a backup checks a
     * NEW-VIEW only with every VIEW-CHANGE it names, and up to f of their senders may be
     * silent. Their senders resend their own first (each on its own link; a replica in a
     * lower view gets only those, and joins the view on f+1 of them): the primary waits two
     * view-change timeouts after the NEW-VIEW, then twice as long each time. Forwarding all
     * of them to every replica left behind by a partition kept the primary's link busy for
     * seconds, with the NEW-VIEW its backups waited for queued behind them.
     */
    private void sendNamedViewChanges(Context ctx, int to, Status st) {
        long now = ctx.now();
        if (st.view() != installed.view() || now - namedSentAtNanos[to] < namedGapNanos[to]) {
            return;
        }
        boolean sent = false;
        for (ViewChange vc : installedViewChanges) {
            if (vc.replica() != r.self && !st.holdsViewChangeOf(vc.replica())) {
                ctx.send(to, vc);
                sent = true;
            }
        }
        if (sent) {
            namedSentAtNanos[to] = now;
            namedGapNanos[to] *= 2;
        }
    }

    /** With 2f+1 VIEW-CHANGEs for the view we are changing to: start the new-view timer; the new primary sends NEW-VIEW. */
    private void afterVote(Context ctx) {
        if (r.viewActive) {
            return;
        }
        TreeMap<Integer, ViewChange> forView = votes.get(r.view);
        if (forView == null || forView.size() < r.quorums.viewChanges()) {
            return;
        }
        if (newViewTimer == null) {
            newViewTimer = ctx.setTimer(r.timeoutNanos, new Timers.NewViewTimer(r.view));
        }
        if (r.quorums.primary(r.view) == r.self && newViewSent != r.view && forView.containsKey(r.self)) {
            sendNewView(ctx, forView);
        }
    }

    private void sendNewView(Context ctx, TreeMap<Integer, ViewChange> forView) {
        newViewSent = r.view;
        List<ViewChange> v = new ArrayList<>();
        v.add(forView.get(r.self));
        for (ViewChange vc : forView.values()) {
            if (v.size() < r.quorums.viewChanges() && vc.replica() != r.self) {
                v.add(vc);
            }
        }
        NewViewPlan plan = NewViewPlan.compute(v);
        List<PrePrepare> o = new ArrayList<>();
        for (NewViewPlan.Entry e : plan.entries()) {
            o.add(r.auth.sign(ctx, new PrePrepare(r.view, e.seq(), e.digest(), e.batch(), r.self, null, e.timeNanos()), r.n - 1));
        }
        List<ViewChangeDigest> named = new ArrayList<>();
        for (ViewChange vc : v) {
            named.add(ViewChangeDigest.of(vc));
        }
        NewView nv = r.auth.signWithSignature(ctx, new NewView(r.view, named, o, r.self, null));
        ctx.multicast(r.others, nv);
        Arrays.fill(forwarded, r.view);                                   // sent to all: resend only after a timeout
        Arrays.fill(forwardedAtNanos, ctx.now());
        Arrays.fill(namedSentAtNanos, ctx.now());
        Arrays.fill(namedGapNanos, 2 * r.timeoutNanos);
        installed = nv;
        installedViewChanges = List.copyOf(v);
        install(ctx, nv.view(), plan, o);
    }

    /**
     * A backup checks NEW-VIEW: signed by the primary of its view, naming 2f+1 VIEW-CHANGEs
     * for it from different replicas. It holds the VIEW-CHANGEs it got (each checked valid
     * when it came); the ones it lacks, or holds with another digest, it asks the NEW-VIEW's
     * sender for at once (they may only be slow: a VIEW-CHANGE on a slow link came after the
     * NEW-VIEW, and the new-view timer fired), and its STATUS asks again (the bitmap lacks
     * them, or it is in a lower view) until they arrive; then it checks the NEW-VIEW.
     */
    void onNewView(Context ctx, int from, NewView nv) {
        if (nv.replica() != r.quorums.primary(nv.view())) {
            return;                                                       // made by the primary of v+1 (others may pass it on)
        }
        if (nv.view() < r.view || (nv.view() == r.view && r.viewActive)) {
            return;
        }
        if (!r.auth.verify(ctx, nv.auth(), nv.replica(), nv.unsigned())) {
            return;
        }
        TreeSet<Integer> senders = new TreeSet<>();
        for (ViewChangeDigest d : nv.viewChanges()) {
            if (!senders.add(d.replica())) {
                return;
            }
        }
        if (senders.size() < r.quorums.viewChanges()) {
            return;
        }
        boolean first = awaitingViewChanges == null || awaitingViewChanges.view() != nv.view();
        awaitingViewChanges = nv;
        if (!installIfComplete(ctx)) {
            fetchMissing(ctx, from, nv);
            if (first && nv.view() == r.view && newViewTimer != null) {
                cancelNewViewTimer(ctx);                                  // the fetch gets a whole timeout, once per view
                newViewTimer = ctx.setTimer(r.timeoutNanos, new Timers.NewViewTimer(r.view));
            }
        }
    }

    private void fetchMissing(Context ctx, int from, NewView nv) {
        TreeMap<Integer, ViewChange> held = votes.getOrDefault(nv.view(), new TreeMap<>());
        List<ViewChangeDigest> wanted = new ArrayList<>();
        for (ViewChangeDigest d : nv.viewChanges()) {
            ViewChange vc = held.get(d.replica());
            if (vc == null || !d.names(vc)) {
                wanted.add(d);
            }
        }
        ctx.send(from, r.auth.sign(ctx, new FetchViewChanges(nv.view(), wanted, r.self, null), 1));
    }

    /** Sends the VIEW-CHANGEs asked for that this replica holds with the digest named (for its view or one it is changing to). */
    void onFetchViewChanges(Context ctx, int from, FetchViewChanges fetch) {
        if (from != fetch.replica() || !r.auth.verify(ctx, fetch.auth(), from, fetch.unsigned())) {
            return;
        }
        List<ViewChange> known = new ArrayList<>(votes.getOrDefault(fetch.view(), new TreeMap<>()).values());
        if (installed != null && installed.view() == fetch.view()) {
            known.addAll(installedViewChanges);
        }
        for (ViewChangeDigest d : fetch.wanted()) {
            for (ViewChange vc : known) {
                if (d.names(vc)) {
                    ctx.send(from, vc);
                    break;
                }
            }
        }
    }

    /** A NEW-VIEW waits for VIEW-CHANGEs it names: work for the STATUS timer. */
    boolean awaitsViewChanges() {
        return awaitingViewChanges != null;
    }

    /**
     * Checks the awaited NEW-VIEW once this replica holds every VIEW-CHANGE it names, and
     * installs it if O is what they imply; false while one is missing.
     */
    private boolean installIfComplete(Context ctx) {
        NewView nv = awaitingViewChanges;
        if (nv == null) {
            return true;
        }
        if (nv.view() < r.view || (nv.view() == r.view && r.viewActive)) {
            awaitingViewChanges = null;
            return true;
        }
        TreeMap<Integer, ViewChange> held = votes.getOrDefault(nv.view(), new TreeMap<>());
        List<ViewChange> v = new ArrayList<>();
        for (ViewChangeDigest d : nv.viewChanges()) {
            ViewChange vc = held.get(d.replica());
            if (vc == null || !d.names(vc)) {
                return false;
            }
            v.add(vc);
        }
        awaitingViewChanges = null;
        NewViewPlan plan = NewViewPlan.compute(v);
        if (!plan.matches(nv.prePrepares(), nv.view(), nv.replica())) {
            return true;                                                  // O is not what V implies
        }
        installed = nv;
        installedViewChanges = List.copyOf(v);
        install(ctx, nv.view(), plan, nv.prePrepares());
        return true;
    }

    /** Enters the new view: the stable checkpoint of V, the re-issued pre-prepares, prepares for them. */
    private void install(Context ctx, long view, NewViewPlan plan, List<PrePrepare> o) {
        PaperInvariants.viewGrows(ctx, r.view, view);
        r.view = view;
        r.viewActive = true;
        r.viewInstalledAtNanos = ctx.now();
        r.knowsViewState = true;                                          // O and max-s: what was assigned before this view
        cancelNewViewTimer(ctx);
        votes.headMap(view, true).clear();
        r.rollBackTentative();
        r.queue.clear();
        r.assigned.clear();
        r.cancelBatchTimer(ctx);
        r.stopTimer(ctx);
        if (plan.minS() > r.lowWaterMark) {
            r.makeStable(ctx, plan.minS(), plan.checkpointProof());
        }
        boolean primary = r.isPrimary();
        r.log.discardAbove(Math.max(plan.maxS(), r.lastExecuted));
        for (PrePrepare pp : o) {
            if (!r.inWindow(pp.seq())) {
                continue;
            }
            Slot slot = r.slot(pp.seq());
            slot.accept(pp);
            for (Request req : pp.batch()) {
                r.assigned.merge(ServiceState.clientStream(req.client(), req.stream()), req.timestamp(), Math::max);
            }
            if (!primary) {
                Prepare p = r.auth.sign(ctx, new Prepare(view, pp.seq(), pp.digest(), r.self, null), r.n - 1);
                slot.prepares.put(r.self, p);
                ctx.multicast(r.others, p);
            }
        }
        r.nextSeq = Math.max(plan.maxS(), r.lowWaterMark);
        r.saveView(ctx);
        ctx.observe(new Observations.ViewInstalled(r.self, view));
        r.replayBuffered(ctx);
        for (Request req : r.pendingRequests()) {
            if (primary) {
                r.onRequest(ctx, r.self, req);
            } else {
                ctx.send(r.primary(), req);
            }
        }
        r.startTimerIfNeeded(ctx);
        for (Slot slot : new ArrayList<>(r.log.values())) {
            r.checkPrepared(ctx, slot);
        }
        r.executeReady(ctx);
    }

    void onNewViewTimer(Context ctx, Timers.NewViewTimer t) {
        if (newViewTimer == null || newViewTimer.timer() != t) {
            return;
        }
        newViewTimer = null;
        if (!r.viewActive && t.view() == r.view) {
            startViewChange(ctx, r.view + 1);                             // and wait 2T for v+2
        }
    }

    private void cancelNewViewTimer(Context ctx) {
        if (newViewTimer != null) {
            ctx.cancelTimer(newViewTimer);
            newViewTimer = null;
        }
    }

    /** Keeps one VIEW-CHANGE per sender (its latest), so spam cannot grow memory. */
    private void record(ViewChange vc) {
        for (TreeMap<Integer, ViewChange> forView : votes.headMap(vc.newView(), false).values()) {
            forView.remove(vc.replica());
        }
        votes.headMap(r.view, false).clear();
        votes.values().removeIf(Map::isEmpty);
        votes.computeIfAbsent(vc.newView(), k -> new TreeMap<>()).put(vc.replica(), vc);
    }

    /** C proves the stable checkpoint n; each certificate in P is a prepared certificate for a sequence number above n. */
    private boolean valid(Context ctx, ViewChange vc) {
        if (vc.stableSeq() > 0) {
            TreeSet<Integer> signers = new TreeSet<>();
            long digest = vc.checkpointProof().isEmpty() ? 0 : vc.checkpointProof().get(0).stateDigest();
            for (Checkpoint c : vc.checkpointProof()) {
                if (c.seq() != vc.stableSeq() || c.stateDigest() != digest || !signers.add(c.replica())
                        || !r.auth.verify(ctx, c.auth(), c.replica(), c.unsigned())) {
                    return false;
                }
            }
            if (signers.size() < r.quorums.checkpoint()) {
                return false;
            }
        }
        TreeSet<Long> seqs = new TreeSet<>();
        for (PreparedProof p : vc.prepared()) {
            PrePrepare pp = p.prePrepare();
            int primary = r.quorums.primary(pp.view());
            if (pp.seq() <= vc.stableSeq() || pp.seq() > vc.stableSeq() + r.config.logWindow() || pp.view() >= vc.newView()
                    || !seqs.add(pp.seq()) || pp.replica() != primary || pp.digest() != PrePrepare.digestOf(pp.batch(), pp.timeNanos())
                    || !(checkedBefore(pp) || r.auth.verify(ctx, pp.auth(), primary, pp.unsigned()))) {
                return false;
            }
            TreeSet<Integer> signers = new TreeSet<>();
            for (Prepare prepare : p.prepares()) {
                if (prepare.view() != pp.view() || prepare.seq() != pp.seq() || prepare.digest() != pp.digest()
                        || prepare.replica() == primary || !signers.add(prepare.replica())
                        || !(checkedBefore(prepare) || r.auth.verify(ctx, prepare.auth(), prepare.replica(), prepare.unsigned()))) {
                    return false;
                }
            }
            if (signers.size() < r.quorums.prepares()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The very pre-prepare this replica holds in its log (signature and all): it checked its
     * signature when it came, and does not pay for that again in a certificate. With
     * signatures a VIEW-CHANGE for a long log holds a thousand of them; checking each anew
     * cost every replica tens of milliseconds per VIEW-CHANGE, a dozen times per view change.
     */
    private boolean checkedBefore(PrePrepare pp) {
        Slot slot = r.log.get(pp.seq());
        return slot != null && pp.equals(slot.prePrepare);
    }

    /** The very prepare this replica holds from its sender for that slot: checked when it came. */
    private boolean checkedBefore(Prepare prepare) {
        Slot slot = r.log.get(prepare.seq());
        return slot != null && prepare.equals(slot.prepares.get(prepare.replica()));
    }
}
