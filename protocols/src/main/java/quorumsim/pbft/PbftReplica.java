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
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.StateTransfer;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;

/**
 * An honest PBFT replica (Castro and Liskov, OSDI'99 section 4; TOCS'02 for batching,
 * tentative execution and read-only requests): its state, its dispatch of messages and
 * timers, the view-change timer and the messages held for a later view. The rules live beside
 * it, one concern a file: {@link ClientRequests}, {@link Ordering} (the primary),
 * {@link Agreement} (the three phases), {@link Execution} (and replies), {@link Checkpoints}
 * (and garbage collection, state transfer), {@link ViewChanger}, {@link Retransmission}.
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
    final ClientRequests clientRequests = new ClientRequests(this);
    final Ordering ordering = new Ordering(this);
    final Agreement agreement = new Agreement(this);
    final Execution execution = new Execution(this);
    final Checkpoints checkpoints = new Checkpoints(this);

    long view;
    /** False between sending a VIEW-CHANGE for {@link #view} and installing it. */
    boolean viewActive = true;
    /**
     * False after a recovery until this replica installs a NEW-VIEW: it lost its log, so it
     * does not know which sequence numbers it assigned in its view, and it must not assign
     * any (see {@link #ordersRequests}).
     */
    boolean knowsViewState = true;
    final SlotLog log;
    /** h: the last stable checkpoint. */
    long lowWaterMark;
    List<Checkpoint> stableProof = List.of();
    long lastExecuted;
    /** The request at {@link #lastExecuted} ran tentatively and has not committed yet. */
    boolean lastIsTentative;
    ServiceState state = new ServiceState();

    /** Primary: the last sequence number assigned, requests waiting for a batch, and what it has assigned. */
    long nextSeq;
    final ArrayDeque<Request> queue = new ArrayDeque<>();
    final TreeMap<Long, Long> assigned = new TreeMap<>();

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

    /** What a replica writes to its log disk: the view it is in (its last stable checkpoint: {@link Checkpoints}). */
    private record SavedView(long view) {
    }

    private static final String VIEW_KEY = "pbft.view";

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
        this.log = new SlotLog(n, config.logWindow());
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
        checkpoints.restore(store);
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
        } else if (token instanceof Checkpoints.SavedCheckpoint c) {
            checkpoints.onSaved(ctx, c);
        } else {
            throw Dispatch.unhandled(ctx, "PBFT replica", "write", token);
        }
    }

    void saveView(Context ctx) {
        ctx.persist(16, new SavedView(view));
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
            .on(Request.class, (r, ctx, from, m) -> r.clientRequests.onRequest(ctx, from, m))
            .on(PrePrepare.class, (r, ctx, from, m) -> r.agreement.onPrePrepare(ctx, from, m))
            .on(Prepare.class, (r, ctx, from, m) -> r.agreement.onPrepare(ctx, from, m))
            .on(Commit.class, (r, ctx, from, m) -> r.agreement.onCommit(ctx, from, m))
            .on(Checkpoint.class, (r, ctx, from, m) -> r.checkpoints.onCheckpoint(ctx, from, m))
            .on(ViewChange.class, (r, ctx, from, m) -> r.viewChanger.onViewChange(ctx, from, m))
            .on(NewView.class, (r, ctx, from, m) -> r.viewChanger.onNewView(ctx, from, m))
            .on(FetchViewChanges.class, (r, ctx, from, m) -> r.viewChanger.onFetchViewChanges(ctx, from, m))
            .on(Status.class, (r, ctx, from, m) -> r.retransmission.onStatus(ctx, from, m))
            .on(FetchState.class, (r, ctx, from, m) -> r.checkpoints.onFetchState(ctx, from, m))
            .on(StateTransfer.class, (r, ctx, from, m) -> r.checkpoints.onStateTransfer(ctx, from, m))
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
            ordering.onBatchTimer(ctx, t);
        } else {
            throw Dispatch.unhandled(ctx, "PBFT replica", "timer", timer);
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

    /** Forgets requests executed for good; the view-change timer stops when the request it waits for has committed. */
    void clearExecutedPending(Context ctx) {
        pending.values().removeIf(r -> {
            ServiceState.CachedReply last = state.lastReply(r.client(), r.stream());
            return last != null && last.timestamp() >= r.timestamp();
        });
        if (awaited != null && !pending.containsValue(awaited)) {
            stopTimer(ctx);
            startTimerIfNeeded(ctx);
        }
    }

    // ---------------------------------------------------------------- the rules' entry points for the view change

    /** A request, as the new view's primary takes in those it knew of ({@link ViewChanger}). */
    void onRequest(Context ctx, int from, Request req) {
        clientRequests.onRequest(ctx, from, req);
    }

    void checkPrepared(Context ctx, Slot slot) {
        agreement.checkPrepared(ctx, slot);
    }

    void executeReady(Context ctx) {
        execution.executeReady(ctx);
    }

    void rollBackTentative() {
        execution.rollBackTentative();
    }

    void makeStable(Context ctx, long seq, List<Checkpoint> proof) {
        checkpoints.makeStable(ctx, seq, proof);
    }

    void cancelBatchTimer(Context ctx) {
        ordering.cancelBatchTimer(ctx);
    }

    // ---------------------------------------------------------------- helpers

    /** h < n <= H. */
    boolean inWindow(long seq) {
        return seq > lowWaterMark && seq <= lowWaterMark + config.logWindow();
    }

    Slot slot(long seq) {
        return log.slot(seq);
    }

    /** Messages for a view not installed yet wait until it is (a NEW-VIEW may arrive after them). */
    boolean bufferIfFuture(int from, Messages m, long messageView) {
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
