package quorumsim.zab;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
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
    /** The leader's own transactions (workload kind "broadcast"), or null. */
    final BroadcastLoad broadcastLoad;
    private final LeaderRole leaderRole = new LeaderRole(this);
    private final FollowerRole followerRole = new FollowerRole(this);
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
        this.pipeline = new ClientPipeline(self, costs, Math.max(1, config.throttle() / config.servingServers()), this);
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
        if (timer instanceof Timers.Serve s) {
            pipeline.onServe(ctx, s);
        } else if (timer instanceof Timers.Tick) {
            ctx.setTimer(config.tickNanos() / 2, timer);
            tick(ctx);
        } else if (timer instanceof Timers.FinalizeElection f && state == PeerState.LOOKING) {
            election.onFinalize(ctx, f);
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Messages.Request m) {
            pipeline.onRequest(ctx, from, m);
        } else if (message instanceof Messages.Proposal m) {
            followerRole.onProposal(ctx, from, m);
        } else if (message instanceof Messages.Ack m) {
            leaderRole.onAck(ctx, from, m);
        } else if (message instanceof Messages.Commit m) {
            followerRole.onCommit(ctx, from, m);
        } else if (message instanceof Messages.Forward m) {
            leaderRole.onForward(ctx, from, m);
        } else if (message instanceof Messages.ClientPing m) {
            ctx.chargeCpu(costs.receivePerMessageNanos());
            pipeline.onPing(ctx, from, m);
        } else if (message instanceof Messages.LeaderPing m) {
            followerRole.onLeaderPing(ctx, from, m);
        } else if (message instanceof Messages.FollowerPing m) {
            leaderRole.onFollowerPing(ctx, from, m);
        } else if (message instanceof Messages.SyncDone m) {
            followerRole.onSyncDone(ctx, from, m);
        } else if (message instanceof Messages.Connect m) {
            ctx.chargeCpu(costs.receivePerMessageNanos());
            pipeline.onConnect(ctx, from, m);
        } else if (message instanceof Messages.SetWatches m) {
            pipeline.onSetWatches(ctx, from, m);
        } else if (message instanceof Messages.Close) {
            pipeline.onClose(from);
        } else if (message instanceof Messages.Revalidate m) {
            leaderRole.onRevalidate(ctx, from, m);
        } else if (message instanceof Messages.Revalidated m) {
            followerRole.onRevalidated(ctx, from, m);
        } else if (message instanceof Messages.Notification m) {
            onNotification(ctx, from, m);
        } else if (message instanceof Messages.FollowerInfo m) {
            leaderRole.onFollowerInfo(ctx, from, m);
        } else if (message instanceof Messages.FollowerInfoRefused) {
            followerRole.onFollowerInfoRefused(ctx, from);
        } else if (message instanceof Messages.NewEpoch m) {
            followerRole.onNewEpoch(ctx, from, m);
        } else if (message instanceof Messages.AckEpoch m) {
            leaderRole.onAckEpoch(ctx, from, m);
        } else if (message instanceof Messages.Sync m) {
            followerRole.onSync(ctx, from, m);
        } else if (message instanceof Messages.AckNewLeader m) {
            leaderRole.onAckNewLeader(ctx, from, m);
        } else if (message instanceof Messages.UpToDate m) {
            followerRole.onUpToDate(ctx, from, m);
        }
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
            } else if (state == PeerState.FOLLOWING && p.epoch() == acceptedEpoch()) {
                ctx.send(leader, new Messages.Ack(p.epoch(), p.zxid()));
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
        } else if (token instanceof EpochCurrent c) {
            saveEpoch(CURRENT_EPOCH, c.epoch());
            currentEpoch = Math.max(currentEpoch, c.epoch());
            if (leading != null && leading.epoch == c.epoch() && leading.phase == Leadership.Phase.SYNC) {
                leaderRole.establish(ctx);
            }
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
        if (peer >= quorums.servers()) {
            pipeline.onClose(peer);
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
        if (state == PeerState.LOOKING) {
            election.broadcast(ctx);                                 // lost notifications, peers that came back
        } else if (state == PeerState.FOLLOWING) {
            long limit = phase == FollowerPhase.BROADCAST ? limitNanos : initLimitNanos;
            if (now - lastHeardLeaderLocalNanos > limit) {
                lookForLeader(ctx);                                  // the leader went silent
            } else if (phase == FollowerPhase.DISCOVERY) {
                followerRole.retryConnect(ctx);                      // it may not have been leading yet
            }
        } else {
            leaderRole.leaderTick(ctx, now);
        }
    }

    // ---------------------------------------------------------------- election

    void lookForLeader(Context ctx) {
        if (state != PeerState.LOOKING || leader >= 0 || leading != null) {
            ctx.observe(new Observations.Looking(self));
        }
        state = PeerState.LOOKING;
        leader = -1;
        leading = null;
        phase = null;
        pipeline.close(ctx, "server lost its leader");
        election.start(ctx, lastZxid(), currentEpoch());
    }

    /** Fast leader election's notification; a server out of the election answers with its state. */
    private void onNotification(Context ctx, int from, Messages.Notification n) {
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
        if (winner == self) {
            state = PeerState.LEADING;
            leader = self;
            leading = new Leadership(quorums.servers(), ctx.now());
            leading.followerAcceptedEpoch[self] = acceptedEpoch();
            leading.ackedEpoch[self] = true;
            leading.ackedNewLeader[self] = true;
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
