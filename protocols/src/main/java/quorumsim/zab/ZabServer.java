package quorumsim.zab;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Dispatch;
import quorumsim.core.Message;
import quorumsim.core.StableStore;
import quorumsim.zab.Messages.PeerState;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/**
 * A ZooKeeper server running Zab (Junqueira, Reed, Serafini, DSN 2011): fast leader election,
 * then discovery (FOLLOWERINFO, NEWEPOCH, ACKEPOCH), synchronization (DIFF/TRUNC/SNAP and
 * NEWLEADER, ACK, UPTODATE) and broadcast (PROPOSAL, ACK after the log write, COMMIT on a
 * quorum, delivered in zxid order). This class holds the server's state (its history, the tree,
 * its role) and does the election and the delivery; what it does as a leader or a follower is in
 * {@link LeaderRole} and {@link FollowerRole}. Its {@link ClientPipeline} serves the clients.
 *
 * <p>Stable storage: the accepted and current epochs, the last snapshot and the log after it,
 * all written through {@code ctx.persist} (they cost disk time, and a crash keeps exactly the
 * writes that were done); the store changes only in {@link #onPersisted}. Everything else is
 * rebuilt after a crash by synchronizing with a leader.
 */
public final class ZabServer implements Actor, ClientPipeline.Host {
    static final String ACCEPTED_EPOCH = "acceptedEpoch";
    static final String CURRENT_EPOCH = "currentEpoch";
    static final String SNAPSHOT = "snapshot";
    static final String LOG = "log";

    /** A proposal is in the log: ACK it (follower) or count my own ack (leader). */
    record ProposalLogged(long epoch, Txn txn) {
        long zxid() {
            return txn.zxid();
        }
    }

    /**
     * The synchronized history is in the log, and {@code epoch} is current: ACK NEWLEADER. The
     * write carries what it changed on disk: a SNAP's snapshot (or null), the entries of the old
     * log a TRUNC kept (or -1), the transactions appended.
     */
    record HistoryLogged(long epoch, long zxid, Messages.Snapshot snapshot, int keep, List<Txn> txns) {
    }

    /** The accepted epoch is on disk: a follower acknowledges it (ACKEPOCH), a leader proposes it (NEWEPOCH). */
    record EpochAccepted(long epoch) {
    }

    /** A leader's current epoch is on disk: it starts to broadcast. */
    record EpochCurrent(long epoch) {
    }

    /** Bytes an epoch takes on disk (ZooKeeper 3.4's acceptedEpoch and currentEpoch files hold one number). */
    static final int EPOCH_BYTES = 8;

    enum FollowerPhase { DISCOVERY, SYNC, WAIT_UPTODATE, BROADCAST }

    final int self;
    final ZabConfig config;
    final Quorums quorums;
    final ZabCosts costs;
    final StableStore store;
    final FastLeaderElection election;
    final ClientPipeline pipeline;
    final Snapshots snapshots;
    /** The leader's PrepRequestProcessor and SyncRequestProcessor threads (the pipeline holds the others). */
    final Processor prep = new Processor("prep");
    final Processor logSync = new Processor("sync");
    /** The leader's own transactions (workload kind "broadcast"), or null. */
    final BroadcastLoad broadcastLoad;
    private final LeaderRole leaderRole = new LeaderRole(this);
    private final FollowerRole followerRole = new FollowerRole(this);
    /** Read-only mode, or null when it is off (the default). */
    private final ReadOnlyServer readOnly;
    /** How this server finds its leader if it is an observer (a member that does not vote), else null. */
    private final ObserverElection observing;
    final long limitNanos;
    final long initLimitNanos;

    /** The epochs as this process knows them; the store has them once their writes are done. */
    long acceptedEpoch;
    long currentEpoch;
    // history: the snapshot it starts from, then the transactions after it (logged or being logged)
    Messages.Snapshot base;
    final ArrayList<Txn> history;
    final ArrayList<Txn> stableLog;
    DataTree tree;
    int appliedCount;
    long lastApplied;
    long chain;

    PeerState state = PeerState.LOOKING;
    int leader = -1;
    Leadership leading;
    FollowerPhase phase;
    long lastHeardLeaderLocalNanos;
    /** When this server last went LOOKING (read-only mode waits a grace period from then). */
    long lookingSinceLocalNanos;
    final TreeSet<Long> touched = new TreeSet<>();

    public ZabServer(int self, ZabConfig config, StableStore store) {
        this.self = self;
        this.config = config;
        this.quorums = config.quorums();
        this.costs = config.costs();
        this.store = store;
        this.limitNanos = config.syncLimitTicks() * config.tickNanos();
        this.initLimitNanos = 2 * limitNanos;
        this.election = new FastLeaderElection(self, quorums, config.electionFinalizeWaitNanos(), this::elected);
        this.broadcastLoad = config.workload().kind().equals("broadcast")
                ? new BroadcastLoad(config.workload().outstanding(), config.workload().requestSizeBytes()) : null;
        this.readOnly = config.readOnlyMode() ? new ReadOnlyServer(this) : null;
        this.observing = self >= quorums.servers() ? new ObserverElection(quorums) : null;
        this.pipeline = new ClientPipeline(self, costs, Math.max(1, config.throttle() / config.servingServers()), this);
        this.snapshots = new Snapshots(config.snapCount());
        if (store.get(LOG) == null) {
            store.put(ACCEPTED_EPOCH, 0L);
            store.put(CURRENT_EPOCH, 0L);
            store.put(SNAPSHOT, new Messages.Snapshot(0, new DataTree(), 0));
            store.put(LOG, new ArrayList<Txn>());
        }
        this.acceptedEpoch = store.<Long>get(ACCEPTED_EPOCH);
        this.currentEpoch = store.<Long>get(CURRENT_EPOCH);
        this.base = store.get(SNAPSHOT);
        this.stableLog = store.get(LOG);
        this.history = new ArrayList<>(stableLog);
        resetTreeToBase();
    }

    void resetTreeToBase() {
        tree = base.tree().copy();
        appliedCount = 0;
        lastApplied = base.zxid();
        chain = base.chainDigest();
    }

    // ---------------------------------------------------------------- reading the state

    public long lastZxid() {
        return history.isEmpty() ? base.zxid() : history.get(history.size() - 1).zxid();
    }

    /** The zxid of the last transaction applied (committed here); the snapshot's if none. */
    long lastAppliedZxid() {
        return appliedCount == 0 ? base.zxid() : history.get(appliedCount - 1).zxid();
    }

    long acceptedEpoch() {
        return acceptedEpoch;
    }

    long currentEpoch() {
        return currentEpoch;
    }

    public PeerState state() {
        return state;
    }

    /** Leading and broadcasting: the one a fault aimed at "leader" hits. */
    public boolean isEstablishedLeader() {
        return leading != null && leading.phase == Leadership.Phase.BROADCAST;
    }

    @Override
    public DataTree tree() {
        return tree;
    }

    @Override
    public long lastApplied() {
        return lastApplied;
    }

    // ---------------------------------------------------------------- start, timers, dispatch

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(config.tickNanos() / 2, new Timers.Tick());
        lookForLeader(ctx);
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof Timers.Serve s && s.processor().equals("prep")) {
            prep.onTimer(ctx, s);
        } else if (timer instanceof Timers.Serve s && s.processor().equals("sync")) {
            logSync.onTimer(ctx, s);
        } else if (timer instanceof Timers.Serve s) {
            pipeline.onServe(ctx, s);
        } else if (timer instanceof Timers.Tick) {
            ctx.setTimer(config.tickNanos() / 2, timer);
            tick(ctx);
        } else if (timer instanceof Timers.ConnectRetry r) {
            followerRole.onConnectRetry(ctx, r);
        } else if (timer instanceof Timers.FinalizeElection f) {
            if (state == PeerState.LOOKING) {
                election.onFinalize(ctx, f);
            }
        } else {
            throw Dispatch.unhandled(ctx, "Zab server", "timer", timer);
        }
    }

    /** A handler per kind of {@link Messages}; a kind added without one stops the class from loading. */
    private static final Dispatch<ZabServer> DISPATCH = Dispatch.<ZabServer>over(Messages.class, "Zab server")
            .on(Messages.Request.class, (s, ctx, from, m) -> s.pipeline.onRequest(ctx, from, m))
            .on(Messages.Proposal.class, (s, ctx, from, m) -> s.followerRole.onProposal(ctx, from, m))
            .on(Messages.Ack.class, (s, ctx, from, m) -> s.leaderRole.onAck(ctx, from, m))
            .on(Messages.Commit.class, (s, ctx, from, m) -> s.followerRole.onCommit(ctx, from, m))
            .on(Messages.Inform.class, (s, ctx, from, m) -> s.followerRole.onInform(ctx, from, m))
            .on(Messages.Forward.class, (s, ctx, from, m) -> s.leaderRole.onForward(ctx, from, m))
            .on(Messages.ClientPing.class, (s, ctx, from, m) -> {
                ctx.chargeCpu(s.costs.receivePerMessageNanos());
                s.pipeline.onPing(ctx, from, m);
            })
            .on(Messages.LeaderPing.class, (s, ctx, from, m) -> s.followerRole.onLeaderPing(ctx, from, m))
            .on(Messages.FollowerPing.class, (s, ctx, from, m) -> s.leaderRole.onFollowerPing(ctx, from, m))
            .on(Messages.SyncDone.class, (s, ctx, from, m) -> s.followerRole.onSyncDone(ctx, from, m))
            .on(Messages.Connect.class, (s, ctx, from, m) -> {
                ctx.chargeCpu(s.costs.receivePerMessageNanos());
                s.pipeline.onConnect(ctx, from, m);
            })
            .on(Messages.SetWatches.class, (s, ctx, from, m) -> s.pipeline.onSetWatches(ctx, from, m))
            .on(Messages.Close.class, (s, ctx, from, m) -> s.pipeline.onClose(from))
            // NIOServerCnxn's "isro": "rw" from a server that takes clients, "null" from one that serves none
            .on(Messages.IsReadOnly.class, (s, ctx, from, m) -> ctx.send(from, new Messages.IsReadOnlyAnswer(s.pipeline.isOpen())))
            .on(Messages.Revalidate.class, (s, ctx, from, m) -> s.leaderRole.onRevalidate(ctx, from, m))
            .on(Messages.Revalidated.class, (s, ctx, from, m) -> s.followerRole.onRevalidated(ctx, from, m))
            .on(Messages.Notification.class, (s, ctx, from, m) -> s.onNotification(ctx, from, m))
            .on(Messages.FollowerInfo.class, (s, ctx, from, m) -> s.leaderRole.onFollowerInfo(ctx, from, m))
            .on(Messages.FollowerInfoRefused.class, (s, ctx, from, m) -> s.followerRole.onFollowerInfoRefused(ctx, from))
            .on(Messages.NewEpoch.class, (s, ctx, from, m) -> s.followerRole.onNewEpoch(ctx, from, m))
            .on(Messages.AckEpoch.class, (s, ctx, from, m) -> s.leaderRole.onAckEpoch(ctx, from, m))
            .on(Messages.Sync.class, (s, ctx, from, m) -> s.followerRole.onSync(ctx, from, m))
            .on(Messages.AckNewLeader.class, (s, ctx, from, m) -> s.leaderRole.onAckNewLeader(ctx, from, m))
            .on(Messages.UpToDate.class, (s, ctx, from, m) -> s.followerRole.onUpToDate(ctx, from, m))
            .notForThisActor(Messages.Connected.class, Messages.Reply.class, Messages.WatchEvent.class,
                    Messages.ClientPong.class, Messages.Disconnect.class, Messages.IsReadOnlyAnswer.class)  // a client's messages
            .build();

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (readOnly != null && readOnly.serving() && from >= config.members()) {
            readOnly.onClientMessage(ctx, from, message);
            return;
        }
        DISPATCH.dispatch(this, ctx, from, message);
    }

    /**
     * A write is on disk: only now does the stable store change (what a crash keeps), and only
     * now does the server send what the write promised (Zab acknowledges after logging; an
     * epoch is acted on once it is on disk, as ZooKeeper writes its epoch files before it goes on).
     */
    @Override
    public void onPersisted(Context ctx, Object token) {
        if (token instanceof ProposalLogged p) {
            appendStable(p.txn());
            if (leading != null && p.epoch() == leading.epoch) {
                leaderRole.countAck(ctx, self, p.zxid());
            } else if (state == PeerState.FOLLOWING && p.epoch() == acceptedEpoch() && observing == null) {
                ctx.send(leader, new Messages.Ack(p.epoch(), p.zxid()));   // an observer acks nothing
            }
        } else if (token instanceof HistoryLogged h) {
            if (h.snapshot() != null) {
                store.put(SNAPSHOT, h.snapshot());
                stableLog.clear();
            } else if (h.keep() >= 0 && stableLog.size() > h.keep()) {
                stableLog.subList(h.keep(), stableLog.size()).clear();
            }
            for (Txn txn : h.txns()) {
                appendStable(txn);
            }
            saveEpoch(CURRENT_EPOCH, h.epoch());
            currentEpoch = Math.max(currentEpoch, h.epoch());
            if (state == PeerState.FOLLOWING && phase == FollowerPhase.WAIT_UPTODATE && h.epoch() == acceptedEpoch()) {
                ctx.send(leader, new Messages.AckNewLeader(h.epoch(), h.zxid()));
            }
        } else if (token instanceof EpochAccepted a) {
            saveEpoch(ACCEPTED_EPOCH, a.epoch());
            if (leading != null && leading.epoch == a.epoch() && leading.phase == Leadership.Phase.SYNC) {
                leaderRole.epochOnDisk(ctx);
            } else if (state == PeerState.FOLLOWING && phase == FollowerPhase.SYNC && a.epoch() == acceptedEpoch()) {
                followerRole.ackEpoch(ctx);
            }
        } else if (token instanceof Snapshots.Written) {
            snapshots.written();
        } else if (token instanceof EpochCurrent c) {
            saveEpoch(CURRENT_EPOCH, c.epoch());
            currentEpoch = Math.max(currentEpoch, c.epoch());
            if (leading != null && leading.epoch == c.epoch() && leading.phase == Leadership.Phase.SYNC) {
                leaderRole.establish(ctx);
            }
        } else {
            throw Dispatch.unhandled(ctx, "Zab server", "write", token);
        }
    }

    /** An epoch on disk only grows: a write done after a later one changes nothing. */
    private void saveEpoch(String key, long epoch) {
        if (store.<Long>get(key) < epoch) {
            store.put(key, epoch);
        }
    }

    /**
     * A TCP connection broke, as ZooKeeper's sockets do: a follower that loses its leader goes
     * back to election (and then FOLLOWERINFO and a resync) (3.3's Follower.followLeader: the
     * read throws, and QuorumPeer.run goes back to LOOKING; a silent leader is missed only when
     * the socket's read timeout of syncLimit ticks, set in Learner.syncWithLeader, expires); a
     * leader that loses a follower drops that learner, which must resync to rejoin
     * (LearnerHandler.run ends on the IOException); a server that loses a client forgets its
     * connection (the client moves on with its session).
     */
    @Override
    public void onConnectionLost(Context ctx, int peer) {
        if (peer >= config.members()) {
            pipeline.onClose(peer);
            if (readOnly != null) {
                readOnly.forget(peer);
            }
        } else if (state == PeerState.FOLLOWING && peer == leader) {
            lookForLeader(ctx);
        } else if (leading != null) {
            leaderRole.dropLearner(peer);
        }
    }

    /**
     * A transaction's write is done: the log on disk ends with it. The disk completes writes in
     * the order they were handed to it, so a proposal logged before a resync rewrote the log
     * lands before the rewrite, which then truncates or replaces it as the resync said.
     */
    private void appendStable(Txn txn) {
        long last = stableLog.isEmpty() ? store.<Messages.Snapshot>get(SNAPSHOT).zxid() : stableLog.get(stableLog.size() - 1).zxid();
        if (txn.zxid() > last) {
            stableLog.add(txn);
        }
    }

    private void tick(Context ctx) {
        long now = ctx.now();
        if (state == PeerState.LOOKING && observing != null) {
            observing.ask(ctx, lastZxid(), acceptedEpoch());         // voters that may have a leader by now
        } else if (state == PeerState.LOOKING) {
            election.broadcast(ctx);                                 // lost notifications, peers that came back
            if (readOnly != null) {
                readOnly.tick(ctx, now - lookingSinceLocalNanos);
            }
        } else if (state == PeerState.FOLLOWING) {
            // the socket's read timeout: initLimit ticks until synced (Learner.connectToLeader), then
            // syncLimit ticks (Learner.syncWithLeader, after UPTODATE); a partition is silence until it expires
            long limit = phase == FollowerPhase.BROADCAST ? limitNanos : initLimitNanos;
            if (now - lastHeardLeaderLocalNanos > limit) {
                lookForLeader(ctx);                                  // the leader went silent
            }
        } else {
            leaderRole.leaderTick(ctx, now);
        }
    }

    // ---------------------------------------------------------------- election

    void lookForLeader(Context ctx) {
        if (state != PeerState.LOOKING || leader >= 0 || leading != null) {
            ctx.observe(new Observations.Looking(self));
            lookingSinceLocalNanos = ctx.now();
        }
        if (leading != null) {
            leaderRole.closeLearners(ctx);
        } else if (state == PeerState.FOLLOWING && leader >= 0) {
            ctx.closeConnection(leader);                             // Follower.followLeader: sock.close() in its catch
        }
        state = PeerState.LOOKING;
        leader = -1;
        leading = null;
        phase = null;
        pipeline.close(ctx, "server lost its leader");
        snapshots.restart();
        prep.reset();
        logSync.reset();
        if (observing != null) {
            observing.start(ctx, lastZxid(), acceptedEpoch());
            return;
        }
        election.start(ctx, lastZxid(), currentEpoch());
    }

    /** Fast leader election's notification; a server out of the election answers with its state. */
    private void onNotification(Context ctx, int from, Messages.Notification n) {
        if (from >= quorums.servers()) {                             // an observer asks; it is never counted
            if (state != PeerState.LOOKING) {
                ctx.send(from, new Messages.Notification(election.round(), leader, lastZxid(), acceptedEpoch(), state));
            }
            return;
        }
        if (observing != null) {
            int found = state == PeerState.LOOKING ? observing.onNotification(from, n) : -1;
            if (found >= 0) {
                elected(ctx, found);
            }
            return;
        }
        if (state == PeerState.FOLLOWING && from == leader && n.state() != PeerState.LEADING && phase != FollowerPhase.DISCOVERY) {
            lookForLeader(ctx);                                      // my leader stopped leading: it closed my connection
        }
        if (state == PeerState.LOOKING) {
            election.onNotification(ctx, from, n, lastZxid(), currentEpoch());
        } else if (n.state() == PeerState.LOOKING) {
            ctx.send(from, new Messages.Notification(election.round(), leader, lastZxid(), acceptedEpoch(), state));
        }
    }

    private void elected(Context ctx, int winner) {
        if (readOnly != null) {
            readOnly.stop(ctx);
        }
        if (winner == self) {
            state = PeerState.LEADING;
            leader = self;
            leading = new Leadership(quorums.servers(), config.members(), ctx.now());
            leading.followerAcceptedEpoch[self] = acceptedEpoch();
            leading.ackedEpoch[self] = true;
            leading.ackedNewLeader[self] = true;
            snapshots.take(ctx, this);                               // Leader.lead: zk.loadData() ends with takeSnapshot
            leaderRole.startEpochIfQuorum(ctx);
        } else {
            state = PeerState.FOLLOWING;
            leader = winner;
            phase = FollowerPhase.DISCOVERY;
            lastHeardLeaderLocalNanos = ctx.now();
            followerRole.connect(ctx);
        }
    }

    // ---------------------------------------------------------------- the history

    /** Index of the first history entry with a zxid above {@code zxid}. */
    int indexAfter(long zxid) {
        int lo = 0;
        int hi = history.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (history.get(mid).zxid() <= zxid) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // ---------------------------------------------------------------- for the client pipeline

    @Override
    public void submit(Context ctx, Messages.Forward forward) {
        if (state == PeerState.LEADING) {
            leaderRole.onForward(ctx, self, forward);
        } else {
            ctx.send(leader, forward);
        }
    }

    @Override
    public void touch(Context ctx, long sessionId) {
        if (leading != null) {
            Long timeout = tree.sessions().get(sessionId);
            if (timeout != null) {
                leading.sessionExpiryLocalNanos.put(sessionId, ctx.now() + timeout);
            }
        } else {
            touched.add(sessionId);
        }
        ctx.observe(new Observations.SessionTouched(self, sessionId));
    }

    @Override
    public void revalidate(Context ctx, int client, long sessionId) {
        if (state == PeerState.LEADING) {
            pipeline.revalidated(ctx, client, sessionId, leaderRole.touchIfLive(ctx, sessionId));
        } else {
            ctx.send(leader, new Messages.Revalidate(client, sessionId));
        }
    }

    // ---------------------------------------------------------------- delivery

    /** Applies the history in order up to {@code zxid}: the tree changes, watches fire, waiting writes are answered. */
    void applyUpTo(Context ctx, long zxid) {
        while (appliedCount < history.size() && history.get(appliedCount).zxid() <= zxid) {
            Txn txn = history.get(appliedCount++);
            long previous = lastApplied;
            Result result = tree.apply(txn);
            chain = Chain.extend(chain, txn);
            lastApplied = txn.zxid();
            pipeline.applying(ctx);
            ctx.observe(new Observations.Applied(self, txn.zxid(), previous, txn.digest(), chain, txn.sessionId(), txn.cxid(),
                    txn.kind() == Txn.Kind.CLOSE_SESSION));
            if (leading != null && txn.kind() == Txn.Kind.CLOSE_SESSION) {
                leading.sessionExpiryLocalNanos.remove(txn.sessionId());
            }
            if (leading != null && txn.kind() == Txn.Kind.CREATE_SESSION) {
                leading.sessionExpiryLocalNanos.put(txn.sessionId(), ctx.now() + txn.value());
            }
            pipeline.applied(ctx, txn, result, tree.changes());
        }
    }
}
