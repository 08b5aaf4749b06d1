package quorumsim.pbft;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Dispatch;
import quorumsim.core.Message;
import quorumsim.core.StableStore;
import quorumsim.core.TimerId;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.FetchState;
import quorumsim.pbft.Messages.FetchViewChanges;
import quorumsim.pbft.Messages.NewView;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.StateTransfer;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;

/**
 * An honest PBFT replica (Castro and Liskov, OSDI'99 section 4; TOCS'02 for batching,
 * tentative execution and read-only requests). The normal case, execution, checkpoints and
 * state transfer live here; the view change lives in {@link ViewChanger}.
 */
public final class PbftReplica implements Actor {
    private static final int FUTURE_BUFFER_LIMIT = 10_000;

    final PbftConfig config;
    final Quorums quorums;
    final Authenticator auth;
    final int self;
    final int n;
    final int[] others;
    final ViewChanger viewChanger;
    final Retransmission retransmission;
    final DiskLog diskLog = new DiskLog(this);

    long view;
    /** False between sending a VIEW-CHANGE for {@link #view} and installing it. */
    boolean viewActive = true;
    /**
     * False after a recovery until this replica installs a NEW-VIEW: it lost its log, so it
     * does not know which sequence numbers it assigned in its view, and it must not assign
     * any (see {@link #ordersRequests}).
     */
    boolean knowsViewState = true;
    final TreeMap<Long, Slot> log = new TreeMap<>();
    /** h: the last stable checkpoint. */
    long lowWaterMark;
    List<Checkpoint> stableProof = List.of();
    long lastExecuted;
    /** The request at {@link #lastExecuted} ran tentatively and has not committed yet. */
    boolean lastIsTentative;
    ServiceState state = new ServiceState();
    private final TreeMap<Long, ServiceState> snapshots = new TreeMap<>();
    private final TreeMap<Long, CheckpointVotes> checkpointVotes = new TreeMap<>();

    /** Primary: the last sequence number assigned, requests waiting for a batch, and what it has assigned. */
    long nextSeq;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    final TreeMap<Long, Long> assigned = new TreeMap<>();
    private TimerId batchTimer;

    /** Requests known here and not yet executed, oldest first (the view-change timer waits for the oldest). */
    final LinkedHashMap<Long, Request> pending = new LinkedHashMap<>();
    TimerId viewChangeTimer;
    private Request awaited;
    long timeoutNanos;
    /** A request executed since the last view change started (if not, the next one doubles the timeout). */
    boolean progressSinceViewChange = true;
    /**
     * When (local clock) the current view was installed, or last gave back half of a doubled
     * timeout: a final execution gives back half only once the view has held that long since
     * (timer-backoff-kept.txt, timer-backoff-once-per-hold.txt).
     */
    long viewInstalledAtNanos;

    private record Buffered(int from, Messages message, long view) {
    }

    private final ArrayList<Buffered> future = new ArrayList<>();

    /** What a replica writes to its log disk: the view it is in, and its last stable checkpoint with the state. */
    private record SavedView(long view) {
    }

    private record SavedCheckpoint(long seq, List<Checkpoint> proof, ServiceState state) {
    }

    private static final String VIEW_KEY = "pbft.view";
    private static final String CHECKPOINT_KEY = "pbft.checkpoint";

    /**
     * A replica; after a crash, {@code store} gives back the view and the last stable
     * checkpoint it had written, and it catches up from there by state transfer at the next
     * stable checkpoint. (The paper keeps replica state in memory and recovers by a separate
     * protocol; this is the simple disk-backed stand-in.)
     */
    public PbftReplica(PbftConfig config, int self, StableStore store) {
        this(config, self, store, false);
    }

    /**
     * A replica that starts for the first time ({@code recovering} false) or comes back after
     * a crash: then it acts as a backup until it installs the NEW-VIEW of a later view
     * (Castro's thesis, recovery: a replica that does not know the state of its view does not
     * act as its primary). Before this rule, a primary that came back with an empty log
     * assigned sequence numbers it had already assigned to other requests in the same view.
     */
    public PbftReplica(PbftConfig config, int self, StableStore store, boolean recovering) {
        this.config = config;
        this.knowsViewState = !recovering;
        this.quorums = Quorums.of(config);
        this.auth = new Authenticator(config);
        this.self = self;
        this.n = config.n();
        this.others = new int[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != self) {
                others[k++] = i;
            }
        }
        this.timeoutNanos = config.viewChangeTimeoutNanos();
        this.viewChanger = new ViewChanger(this);
        this.retransmission = new Retransmission(this);
        SavedView savedView = store.get(VIEW_KEY);
        if (savedView != null) {
            view = savedView.view();
        }
        SavedCheckpoint saved = store.get(CHECKPOINT_KEY);
        if (saved != null) {
            lowWaterMark = saved.seq();
            lastExecuted = saved.seq();
            nextSeq = saved.seq();
            stableProof = saved.proof();
            state = saved.state().copy();
            snapshots.put(saved.seq(), saved.state());
        }
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        if (token instanceof SavedView v) {
            SavedView known = ctx.store().get(VIEW_KEY);
            if (known == null || known.view() < v.view()) {
                ctx.store().put(VIEW_KEY, v);
            }
        } else if (token instanceof DiskLog.Written w) {
            diskLog.onWritten(ctx, w);
        } else if (token instanceof SavedCheckpoint c) {
            SavedCheckpoint known = ctx.store().get(CHECKPOINT_KEY);
            if (known == null || known.seq() < c.seq()) {
                ctx.store().put(CHECKPOINT_KEY, c);
                ctx.observe(new Observations.CheckpointSaved(self, c.seq()));
            }
        } else {
            throw Dispatch.unhandled(ctx, "PBFT replica", "write", token);
        }
    }

    void saveView(Context ctx) {
        ctx.persist(16, new SavedView(view));
    }

    private void saveCheckpoint(Context ctx, long seq) {
        ServiceState snapshot = snapshots.get(seq);
        if (snapshot != null && seq == lowWaterMark) {
            ctx.persist(snapshot.sizeBytes(), new SavedCheckpoint(seq, stableProof, snapshot));
        }
    }

    // ---------------------------------------------------------------- reading, for wrappers and deployments

    public long view() {
        return view;
    }

    public boolean viewActive() {
        return viewActive;
    }

    public int primary() {
        return quorums.primary(view);
    }

    public boolean isPrimary() {
        return primary() == self;
    }

    /**
     * The primary of the view, and it knows the view's state: it assigns sequence numbers.
     * A primary back from a crash does not (its log is gone); it waits for requests like a
     * backup, and its view-change timer moves the view on.
     */
    boolean ordersRequests() {
        return isPrimary() && knowsViewState;
    }

    public long lastExecuted() {
        return lastExecuted;
    }

    /** The last sequence number executed for good: the one before a tentative execution still waiting to commit. */
    public long lastCommitted() {
        return lastIsTentative ? lastExecuted - 1 : lastExecuted;
    }

    public long lowWaterMark() {
        return lowWaterMark;
    }

    public int logSlots() {
        return log.size();
    }

    public PbftConfig config() {
        return config;
    }

    public Authenticator authenticator() {
        return auth;
    }

    public int[] others() {
        return others.clone();
    }

    // ---------------------------------------------------------------- dispatch

    @Override
    public void onStart(Context ctx) {
    }

    /** A handler per kind of {@link Messages}; a kind added without one stops the class from loading. */
    private static final Dispatch<PbftReplica> DISPATCH = Dispatch.<PbftReplica>over(Messages.class, "PBFT replica")
            .on(Request.class, (r, ctx, from, m) -> r.onRequest(ctx, from, m))
            .on(PrePrepare.class, (r, ctx, from, m) -> r.onPrePrepare(ctx, from, m))
            .on(Prepare.class, (r, ctx, from, m) -> r.onPrepare(ctx, from, m))
            .on(Commit.class, (r, ctx, from, m) -> r.onCommit(ctx, from, m))
            .on(Checkpoint.class, (r, ctx, from, m) -> r.onCheckpoint(ctx, from, m))
            .on(ViewChange.class, (r, ctx, from, m) -> r.viewChanger.onViewChange(ctx, from, m))
            .on(NewView.class, (r, ctx, from, m) -> r.viewChanger.onNewView(ctx, from, m))
            .on(FetchViewChanges.class, (r, ctx, from, m) -> r.viewChanger.onFetchViewChanges(ctx, from, m))
            .on(Status.class, (r, ctx, from, m) -> r.retransmission.onStatus(ctx, from, m))
            .on(FetchState.class, (r, ctx, from, m) -> r.onFetchState(ctx, from, m))
            .on(StateTransfer.class, (r, ctx, from, m) -> r.onStateTransfer(ctx, from, m))
            .notForThisActor(Reply.class)                                  // replies go to clients
            .build();

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        DISPATCH.dispatch(this, ctx, from, message);
        retransmission.watchForStall(ctx);                                // whatever it left to do, check back on it
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof Timers.ViewChangeTimer t) {
            if (t.view() == view && viewActive && viewChangeTimer != null && viewChangeTimer.timer() == timer) {
                viewChangeTimer = null;
                viewChanger.startViewChange(ctx, view + 1);
            }
        } else if (timer instanceof Timers.NewViewTimer t) {
            viewChanger.onNewViewTimer(ctx, t);
        } else if (timer instanceof Timers.StatusTimer t) {
            retransmission.onStatusTimer(ctx, t);
        } else if (timer instanceof Timers.BatchTimer t) {
            if (batchTimer != null && batchTimer.timer() == timer) {
                batchTimer = null;
                if (t.view() == view && viewActive && ordersRequests() && !queue.isEmpty()) {
                    proposeBatch(ctx);
                    maybePropose(ctx);
                }
            }
        } else {
            throw Dispatch.unhandled(ctx, "PBFT replica", "timer", timer);
        }
    }

    // ---------------------------------------------------------------- requests

    /** Section 4.1 and 4.4: a request from a client, or relayed by a backup. */
    void onRequest(Context ctx, int from, Request req) {
        if (req.client() < n) {
            return;                                                       // clients are not replicas
        }
        if (!auth.verify(ctx, req.auth(), req.client(), req.unsigned())) {
            return;                                                       // authenticated by its client
        }
        if (req.readOnly()) {
            if (config.readOnlyOptimization()) {
                onReadOnly(ctx, req);
            }
            return;
        }
        ServiceState.CachedReply last = state.lastReply(req.client(), req.stream());
        if (last != null && req.timestamp() < last.timestamp()) {
            return;                                                       // stale timestamp: discard
        }
        if (last != null && req.timestamp() == last.timestamp()) {
            sendReply(ctx, req, last.result(), lastIsTentative, true);    // resend the cached reply, in full
            if (lastIsTentative && viewActive && !ordersRequests()) {
                awaitCommit(ctx, req);                                    // executed tentatively only: it may never commit
            } else if (viewActive && !ordersRequests() && from == req.client() && retransmission.awaitsReissuedCommits()) {
                awaitCommit(ctx, req);                                    // its replies fell short while the new view is stuck
            }
            return;
        }
        if (!viewActive) {
            return;                                                       // view change: only CHECKPOINT, VIEW-CHANGE, NEW-VIEW
        }
        long key = ServiceState.clientStream(req.client(), req.stream());
        Request known = pending.get(key);
        if (known == null || known.timestamp() < req.timestamp()) {
            pending.remove(key);
            pending.put(key, req);
        }
        if (ordersRequests()) {
            Long assignedTimestamp = assigned.get(key);
            if (assignedTimestamp != null && assignedTimestamp >= req.timestamp()) {
                return;                                                   // already ordered in this view
            }
            assigned.put(key, req.timestamp());
            queue.add(req);
            maybePropose(ctx);
        } else {
            if (from == req.client() && !isPrimary()) {
                ctx.send(primary(), req);                                 // relay to the primary
            }
            startTimerIfNeeded(ctx);
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
        pending.putIfAbsent(ServiceState.clientStream(req.client(), req.stream()), req);
        startTimerIfNeeded(ctx);
    }

    /** TOCS'02 section 5.1.3: a read-only request runs at once on the current state, if nothing is tentative. */
    private void onReadOnly(Context ctx, Request req) {
        if (lastIsTentative || !req.op().isRead()) {
            return;
        }
        ctx.chargeCpu(config.costs().executeNanos());
        sendReply(ctx, req, state.read(req.op()), true, false);
    }

    /**
     * TOCS'02 section 5.1.1: with digest replies, only the request's designated replier sends the
     * result; the others send its digest. A reply sent again (the client retransmitted) is full.
     */
    private void sendReply(Context ctx, Request req, String result, boolean tentative, boolean again) {
        boolean digest = config.digestReplies() && !again && req.designatedReplier(config.n()) != self;
        int payloadBytes = digest ? Messages.DIGEST_BYTES : config.workload().replySizeBytes();
        ctx.send(req.client(), auth.sign(ctx, new Reply(view, req.client(), req.stream(), req.timestamp(), self, result,
                tentative, digest, payloadBytes, null), 1));
    }

    // ---------------------------------------------------------------- primary

    void maybePropose(Context ctx) {
        while (viewActive && ordersRequests() && !queue.isEmpty()) {
            if (nextSeq + 1 > lowWaterMark + config.logWindow()) {
                return;                                                   // n <= H
            }
            if (queue.size() < config.batchSize()) {
                if (batchTimer == null) {
                    batchTimer = ctx.setTimer(config.batchWindowNanos(), new Timers.BatchTimer(view));
                }
                return;
            }
            proposeBatch(ctx);
        }
    }

    private void proposeBatch(Context ctx) {
        if (nextSeq + 1 > lowWaterMark + config.logWindow()) {
            return;
        }
        List<Request> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < config.batchSize()) {
            Request r = queue.poll();
            ServiceState.CachedReply last = state.lastReply(r.client(), r.stream());
            if (last == null || last.timestamp() < r.timestamp()) {
                batch.add(r);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        if (batchTimer != null) {
            ctx.cancelTimer(batchTimer);
            batchTimer = null;
        }
        long seq = ++nextSeq;
        PaperInvariants.assignsWithinWaterMarks(ctx, lowWaterMark, lastExecuted, seq, config.logWindow());
        long timeNanos = NondeterministicChoice.propose(config, ctx);
        PrePrepare pp = auth.sign(ctx, new PrePrepare(view, seq, PrePrepare.digestOf(batch, timeNanos), batch, self, null, timeNanos), n - 1);
        Slot slot = slot(seq);
        slot.accept(pp);
        diskLog.multicast(ctx, pp);
        checkPrepared(ctx, slot);
    }

    // ---------------------------------------------------------------- three phases

    /** Section 4.2: a backup accepts a pre-prepare if ... */
    void onPrePrepare(Context ctx, int from, PrePrepare pp) {
        if (bufferIfFuture(from, pp, pp.view())) {
            return;
        }
        if (!viewActive || pp.view() != view) {
            return;                                                       // it is in view v
        }
        if (from != primary() || pp.replica() != from) {
            return;                                                       // from the primary of v
        }
        if (!auth.verify(ctx, pp.auth(), from, pp.unsigned())) {
            return;                                                       // the authenticators are valid
        }
        if (pp.digest() != PrePrepare.digestOf(pp.batch(), pp.timeNanos())) {
            return;                                                       // d = D(m)
        }
        if (!NondeterministicChoice.acceptable(config, ctx, pp)) {
            return;                                                       // the primary's non-deterministic choice is acceptable
        }
        for (Request r : pp.batch()) {
            if (r.readOnly() || !auth.verify(ctx, r.auth(), r.client(), r.unsigned())) {
                return;                                                   // each request is its client's
            }
        }
        if (!inWindow(pp.seq())) {
            return;                                                       // h < n <= H
        }
        Slot slot = slot(pp.seq());
        if (slot.prePrepare != null && slot.prePrepare.view() == view) {
            return;                                                       // no other pre-prepare for (v, n)
        }
        slot.accept(pp);
        Prepare prepare = auth.sign(ctx, new Prepare(view, pp.seq(), pp.digest(), self, null), n - 1);
        slot.prepares.put(self, prepare);
        diskLog.multicast(ctx, prepare);
        checkPrepared(ctx, slot);
    }

    void onPrepare(Context ctx, int from, Prepare p) {
        if (bufferIfFuture(from, p, p.view())) {
            return;
        }
        if (!viewActive || p.view() != view) {
            return;
        }
        if (from != p.replica() || from == primary()) {
            return;                                                       // from a backup
        }
        if (!auth.verify(ctx, p.auth(), from, p.unsigned())) {
            return;
        }
        if (!inWindow(p.seq())) {
            return;
        }
        Slot slot = slot(p.seq());
        slot.prepares.put(from, p);
        checkPrepared(ctx, slot);
    }

    void onCommit(Context ctx, int from, Commit c) {
        if (bufferIfFuture(from, c, c.view())) {
            return;
        }
        if (!viewActive || c.view() != view) {
            return;
        }
        if (from != c.replica()) {
            return;
        }
        if (!auth.verify(ctx, c.auth(), from, c.unsigned())) {
            return;
        }
        if (!inWindow(c.seq())) {
            return;
        }
        Slot slot = slot(c.seq());
        slot.commits.put(from, c);
        checkCommitted(ctx, slot);
    }

    /** prepared(m, v, n, i): the pre-prepare and 2f matching prepares from different backups. */
    boolean prepared(Slot slot) {
        return slot.prePrepare != null && slot.prePrepare.view() == view
                && slot.countMatchingPrepares(primary()) >= quorums.prepares();
    }

    void checkPrepared(Context ctx, Slot slot) {
        if (!viewActive || !prepared(slot)) {
            return;
        }
        if (slot.proof == null || slot.proof.prePrepare().view() < view) {
            slot.proof = new PreparedProof(slot.prePrepare, slot.matchingPrepares(primary()));
            PaperInvariants.preparedCertificate(ctx, slot.proof, primary(), quorums.prepares());
        }
        if (config.skipsCommit()) {
            slot.committed = true;                                        // the teaching variant: no commit phase
            executeReady(ctx);
            return;
        }
        if (!slot.commitSent) {
            slot.commitSent = true;
            Commit commit = auth.sign(ctx, new Commit(view, slot.seq, slot.prePrepare.digest(), self, null), n - 1);
            slot.commits.put(self, commit);
            diskLog.multicast(ctx, commit);
        }
        checkCommitted(ctx, slot);
        if (config.tentativeExecution()) {
            executeReady(ctx);
        }
    }

    /** committed-local(m, v, n, i): prepared and 2f+1 matching commits, own included. */
    private void checkCommitted(Context ctx, Slot slot) {
        if (slot.committed || !prepared(slot) || slot.matchingCommits() < quorums.commits()) {
            return;
        }
        slot.committed = true;
        if (slot.seq <= lastExecuted && !lastIsTentative && !retransmission.awaitsReissuedCommits()) {
            clearExecutedPending(ctx);                                    // the re-issued slots committed: stop waiting
        }
        executeReady(ctx);
    }

    // ---------------------------------------------------------------- execution

    /** Executes in sequence-number order; tentatively (when configured) once all earlier requests committed. */
    void executeReady(Context ctx) {
        executeInOrder(ctx);
        retransmission.watchForStall(ctx);
    }

    private void executeInOrder(Context ctx) {
        while (true) {
            if (lastIsTentative) {
                Slot last = log.get(lastExecuted);
                if (last == null || !last.committed) {
                    return;
                }
                lastIsTentative = false;
                state.forgetUndo();
                afterFinalExecution(ctx, last);
                continue;
            }
            Slot next = log.get(lastExecuted + 1);
            if (next == null || next.prePrepare == null) {
                return;
            }
            if (next.committed) {
                execute(ctx, next, false);
                afterFinalExecution(ctx, next);
            } else if (config.tentativeExecution() && viewActive && prepared(next)) {
                execute(ctx, next, true);
                lastIsTentative = true;
            } else {
                return;
            }
        }
    }

    private void execute(Context ctx, Slot slot, boolean tentative) {
        PaperInvariants.executesInOrder(ctx, lowWaterMark, lastExecuted, slot.seq);
        for (Request req : slot.prePrepare.batch()) {
            ServiceState.CachedReply last = state.lastReply(req.client(), req.stream());
            if (last != null && last.timestamp() >= req.timestamp()) {
                continue;                                                 // executed once already
            }
            ctx.chargeCpu(config.costs().executeNanos());
            String result = state.execute(req.client(), req.stream(), req.timestamp(), req.op(), tentative);
            long stamp = NondeterministicChoice.stamp(config, ctx, slot.prePrepare);
            if (stamp != NondeterministicChoice.NONE && !req.op().isRead()) {
                state.stamp(req.op().key(), stamp, tentative);
            }
            sendReply(ctx, req, result, tentative, false);
        }
        lastExecuted = slot.seq;
    }

    private void afterFinalExecution(Context ctx, Slot slot) {
        ctx.observe(new Observations.Executed(self, slot.prePrepare.view(), slot.seq, slot.prePrepare.digest(),
                slot.prePrepare.batch()));
        clearExecutedPending(ctx);                                        // executed for good: no longer awaited
        if (ctx.now() - viewInstalledAtNanos >= timeoutNanos) {
            timeoutNanos = Math.max(config.viewChangeTimeoutNanos(), timeoutNanos / 2);   // a view that held a timeout earns half back
            viewInstalledAtNanos = ctx.now();                             // and the next half once it holds that long again
        }
        progressSinceViewChange = true;
        if (slot.seq % config.checkpointInterval() == 0) {
            takeCheckpoint(ctx, slot.seq);
        }
    }

    /** Forgets requests executed for good; the view-change timer stops when the request it waits for has committed. */
    private void clearExecutedPending(Context ctx) {
        pending.values().removeIf(r -> {
            ServiceState.CachedReply last = state.lastReply(r.client(), r.stream());
            return last != null && last.timestamp() >= r.timestamp();
        });
        if (awaited != null && !pending.containsValue(awaited)) {
            stopTimer(ctx);
            startTimerIfNeeded(ctx);
        }
    }

    void rollBackTentative() {
        if (lastIsTentative) {
            state.rollBack();
            lastExecuted--;
            lastIsTentative = false;
        }
    }

    // ---------------------------------------------------------------- view-change timer

    void startTimerIfNeeded(Context ctx) {
        if (viewActive && !ordersRequests() && viewChangeTimer == null && !pending.isEmpty()) {
            awaited = pending.values().iterator().next();
            viewChangeTimer = ctx.setTimer(timeoutNanos, new Timers.ViewChangeTimer(view));
        }
    }

    void stopTimer(Context ctx) {
        if (viewChangeTimer != null) {
            ctx.cancelTimer(viewChangeTimer);
            viewChangeTimer = null;
        }
        awaited = null;
    }

    void cancelBatchTimer(Context ctx) {
        if (batchTimer != null) {
            ctx.cancelTimer(batchTimer);
            batchTimer = null;
        }
    }

    // ---------------------------------------------------------------- checkpoints and garbage collection

    private void takeCheckpoint(Context ctx, long seq) {
        ServiceState snapshot = state.copy();
        snapshots.put(seq, snapshot);
        long digest = snapshot.digest();
        ctx.observe(new Observations.CheckpointTaken(self, seq, digest));
        Checkpoint cp = auth.sign(ctx, new Checkpoint(seq, digest, self, null), n - 1);
        diskLog.multicast(ctx, cp, cp.sizeBytes() + snapshot.sizeBytes());
        recordCheckpoint(ctx, cp);
    }

    /**
     * A CHECKPOINT from its replica, or passed on by another inside a stable checkpoint's
     * certificate (an answer to this replica's STATUS when it is behind): either way it
     * counts as its signer's.
     */
    void onCheckpoint(Context ctx, int from, Checkpoint cp) {
        if (cp.seq() <= lowWaterMark) {
            return;                                                       // at or below h: stable already
        }
        if (!auth.verify(ctx, cp.auth(), cp.replica(), cp.unsigned())) {
            return;                                                       // authenticated by the replica it names
        }
        recordCheckpoint(ctx, cp);
    }

    private void recordCheckpoint(Context ctx, Checkpoint cp) {
        CheckpointVotes votes = checkpointVotes.computeIfAbsent(cp.seq(), s -> new CheckpointVotes(n));
        if (votes.add(cp) >= quorums.checkpoint()) {
            makeStable(ctx, cp.seq(), votes.naming(cp.stateDigest()));
        }
    }

    /** A stable checkpoint: h moves up, the log below it is discarded, and a replica behind fetches the state. */
    void makeStable(Context ctx, long seq, List<Checkpoint> proof) {
        if (seq <= lowWaterMark) {
            return;
        }
        lowWaterMark = seq;
        stableProof = List.copyOf(proof);
        log.headMap(seq, true).clear();
        checkpointVotes.headMap(seq, true).clear();
        snapshots.headMap(seq, false).clear();
        if (lastExecuted < seq) {
            rollBackTentative();
            FetchState fetch = auth.sign(ctx, new FetchState(seq, self, null), proof.size());
            for (Checkpoint c : proof) {
                if (c.replica() != self) {
                    ctx.send(c.replica(), fetch);
                }
            }
        }
        saveCheckpoint(ctx, seq);
        if (nextSeq < lowWaterMark && isPrimary()) {
            nextSeq = lowWaterMark;
        }
        maybePropose(ctx);
    }

    private void onFetchState(Context ctx, int from, FetchState fetch) {
        if (from != fetch.replica() || !auth.verify(ctx, fetch.auth(), from, fetch.unsigned())) {
            return;
        }
        ServiceState snapshot = snapshots.get(fetch.seq());
        if (snapshot == null) {
            return;
        }
        ctx.send(from, auth.sign(ctx, new StateTransfer(fetch.seq(), snapshot, self, null), 1));
    }

    private void onStateTransfer(Context ctx, int from, StateTransfer st) {
        if (st.seq() != lowWaterMark || lastExecuted >= st.seq() || from != st.replica()) {
            return;
        }
        if (!auth.verify(ctx, st.auth(), from, st.unsigned())) {
            return;
        }
        long certified = stableProof.get(0).stateDigest();
        ctx.chargeCpu(Math.round((config.costs().receivePerByteNanos() + config.costs().digestPerByteNanos()) * st.state().sizeBytes()));
        if (st.state().digest() != certified) {
            return;                                                       // not the state the certificate names
        }
        state = st.state().copy();
        lastExecuted = st.seq();
        lastIsTentative = false;
        snapshots.put(st.seq(), state.copy());
        saveCheckpoint(ctx, st.seq());
        clearExecutedPending(ctx);
        executeReady(ctx);
    }

    // ---------------------------------------------------------------- helpers

    /** h < n <= H. */
    boolean inWindow(long seq) {
        return seq > lowWaterMark && seq <= lowWaterMark + config.logWindow();
    }

    Slot slot(long seq) {
        return log.computeIfAbsent(seq, s -> new Slot(s, n));
    }

    /** Messages for a view not installed yet wait until it is (a NEW-VIEW may arrive after them). */
    private boolean bufferIfFuture(int from, Messages m, long messageView) {
        if (messageView > view || (messageView == view && !viewActive)) {
            if (future.size() < FUTURE_BUFFER_LIMIT) {
                future.add(new Buffered(from, m, messageView));
            }
            return true;
        }
        return false;
    }

    /** After a new view is installed: handle what arrived early for it. */
    void replayBuffered(Context ctx) {
        List<Buffered> ready = new ArrayList<>();
        future.removeIf(b -> {
            if (b.view() <= view) {
                ready.add(b);
                return true;
            }
            return false;
        });
        for (Buffered b : ready) {
            if (b.view() == view) {
                onMessage(ctx, b.from(), b.message());
            }
        }
    }

    /** Everything this replica knows of and has not executed, for a new primary to order or a backup to relay. */
    List<Request> pendingRequests() {
        return new ArrayList<>(pending.values());
    }
}
