package quorumsim.zab;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.core.StableStore;
import quorumsim.zab.Messages.PeerState;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/**
 * A ZooKeeper server running Zab (Junqueira, Reed, Serafini, DSN 2011): fast leader election,
 * then discovery (FOLLOWERINFO, NEWEPOCH, ACKEPOCH), synchronization (DIFF/TRUNC/SNAP and
 * NEWLEADER, ACK, UPTODATE) and broadcast (PROPOSAL, ACK after the log write, COMMIT on a
 * quorum, delivered in zxid order). Its {@link ClientPipeline} serves the clients.
 *
 * <p>Stable storage: the accepted and current epochs, the last snapshot and the log after it.
 * Everything else is rebuilt after a crash by synchronizing with a leader.
 */
public final class ZabServer implements Actor, ClientPipeline.Host {
    private static final String ACCEPTED_EPOCH = "acceptedEpoch";
    private static final String CURRENT_EPOCH = "currentEpoch";
    private static final String SNAPSHOT = "snapshot";
    private static final String LOG = "log";

    /** A proposal is in the log: ACK it (follower) or count my own ack (leader). */
    record ProposalLogged(long epoch, long zxid) {
    }

    /** The synchronized history is in the log: ACK NEWLEADER. */
    record HistoryLogged(long epoch, long zxid) {
    }

    enum FollowerPhase { DISCOVERY, SYNC, WAIT_UPTODATE, BROADCAST }

    private final int self;
    private final ZabConfig config;
    private final Quorums quorums;
    private final ZabCosts costs;
    private final StableStore store;
    private final FastLeaderElection election;
    private final ClientPipeline pipeline;
    private final long limitNanos;
    private final long initLimitNanos;

    // history: the snapshot it starts from, then the transactions after it (logged or being logged)
    private Messages.Snapshot base;
    private final ArrayList<Txn> history;
    private final ArrayList<Txn> stableLog;
    private DataTree tree;
    private int appliedCount;
    private long lastApplied;
    private long chain;

    private PeerState state = PeerState.LOOKING;
    private int leader = -1;
    private Leadership leading;
    private FollowerPhase phase;
    private long lastHeardLeaderLocalNanos;
    private final TreeSet<Long> touched = new TreeSet<>();

    public ZabServer(int self, ZabConfig config, StableStore store) {
        this.self = self;
        this.config = config;
        this.quorums = config.quorums();
        this.costs = config.costs();
        this.store = store;
        this.limitNanos = config.syncLimitTicks() * config.tickNanos();
        this.initLimitNanos = 2 * limitNanos;
        this.election = new FastLeaderElection(self, quorums, config.electionFinalizeWaitNanos(), this::elected);
        this.pipeline = new ClientPipeline(self, costs, Math.max(1, config.throttle() / config.servingServers()), config.cores(), this);
        if (store.get(LOG) == null) {
            store.put(ACCEPTED_EPOCH, 0L);
            store.put(CURRENT_EPOCH, 0L);
            store.put(SNAPSHOT, new Messages.Snapshot(0, new DataTree(), 0));
            store.put(LOG, new ArrayList<Txn>());
        }
        this.base = store.get(SNAPSHOT);
        this.stableLog = store.get(LOG);
        this.history = new ArrayList<>(stableLog);
        resetTreeToBase();
    }

    private void resetTreeToBase() {
        tree = base.tree().copy();
        appliedCount = 0;
        lastApplied = base.zxid();
        chain = base.chainDigest();
    }

    // ---------------------------------------------------------------- reading the state

    long lastZxid() {
        return history.isEmpty() ? base.zxid() : history.get(history.size() - 1).zxid();
    }

    private long acceptedEpoch() {
        return store.<Long>get(ACCEPTED_EPOCH);
    }

    private long currentEpoch() {
        return store.<Long>get(CURRENT_EPOCH);
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
            onProposal(ctx, from, m);
        } else if (message instanceof Messages.Ack m) {
            onAck(ctx, from, m);
        } else if (message instanceof Messages.Commit m) {
            onCommit(ctx, from, m);
        } else if (message instanceof Messages.Forward m) {
            onForward(ctx, from, m);
        } else if (message instanceof Messages.ClientPing m) {
            ctx.chargeCpu(costs.receivePerMessageNanos());
            pipeline.onPing(ctx, from, m);
        } else if (message instanceof Messages.LeaderPing m) {
            onLeaderPing(ctx, from, m);
        } else if (message instanceof Messages.FollowerPing m) {
            onFollowerPing(ctx, from, m);
        } else if (message instanceof Messages.SyncDone m) {
            onSyncDone(ctx, from, m);
        } else if (message instanceof Messages.Connect m) {
            ctx.chargeCpu(costs.receivePerMessageNanos());
            pipeline.onConnect(ctx, from, m);
        } else if (message instanceof Messages.SetWatches m) {
            pipeline.onSetWatches(ctx, from, m);
        } else if (message instanceof Messages.Close) {
            pipeline.onClose(from);
        } else if (message instanceof Messages.Revalidate m) {
            onRevalidate(ctx, from, m);
        } else if (message instanceof Messages.Revalidated m) {
            onRevalidated(ctx, from, m);
        } else if (message instanceof Messages.Notification m) {
            onNotification(ctx, from, m);
        } else if (message instanceof Messages.FollowerInfo m) {
            onFollowerInfo(ctx, from, m);
        } else if (message instanceof Messages.NewEpoch m) {
            onNewEpoch(ctx, from, m);
        } else if (message instanceof Messages.AckEpoch m) {
            onAckEpoch(ctx, from, m);
        } else if (message instanceof Messages.Sync m) {
            onSync(ctx, from, m);
        } else if (message instanceof Messages.AckNewLeader m) {
            onAckNewLeader(ctx, from, m);
        } else if (message instanceof Messages.UpToDate m) {
            onUpToDate(ctx, from, m);
        }
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        if (token instanceof ProposalLogged p) {
            makeStable(p.zxid());
            if (leading != null && p.epoch() == leading.epoch) {
                countAck(ctx, self, p.zxid());
            } else if (state == PeerState.FOLLOWING && p.epoch() == acceptedEpoch()) {
                ctx.send(leader, new Messages.Ack(p.epoch(), p.zxid()));
            }
        } else if (token instanceof HistoryLogged h) {
            makeStable(h.zxid());
            if (state == PeerState.FOLLOWING && phase == FollowerPhase.WAIT_UPTODATE && h.epoch() == acceptedEpoch()) {
                store.put(CURRENT_EPOCH, h.epoch());
                ctx.send(leader, new Messages.AckNewLeader(h.epoch()));
            }
        }
    }

    /** The log on disk now holds the history up to {@code zxid}. */
    private void makeStable(long zxid) {
        for (int i = stableLog.size(); i < history.size() && history.get(i).zxid() <= zxid; i++) {
            stableLog.add(history.get(i));
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
                ctx.send(leader, new Messages.FollowerInfo(acceptedEpoch(), lastZxid()));  // it may not have been leading yet
            }
        } else {
            leaderTick(ctx, now);
        }
    }

    // ---------------------------------------------------------------- election

    private void lookForLeader(Context ctx) {
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
            startEpochIfQuorum(ctx);
        } else {
            state = PeerState.FOLLOWING;
            leader = winner;
            phase = FollowerPhase.DISCOVERY;
            lastHeardLeaderLocalNanos = ctx.now();
            ctx.send(leader, new Messages.FollowerInfo(acceptedEpoch(), lastZxid()));
        }
    }

    // ---------------------------------------------------------------- discovery (leader side)

    /** FOLLOWERINFO (CEPOCH): once a quorum has sent one, propose the epoch after every accepted one. */
    private void onFollowerInfo(Context ctx, int from, Messages.FollowerInfo m) {
        if (leading == null) {
            return;
        }
        heard(ctx, from);
        forget(from);                                                // a follower that comes back starts over
        leading.followerAcceptedEpoch[from] = m.acceptedEpoch();
        if (leading.phase == Leadership.Phase.DISCOVERY) {
            startEpochIfQuorum(ctx);
        } else if (m.acceptedEpoch() > leading.epoch) {              // it has seen a later epoch than mine
            lookForLeader(ctx);
        } else {
            ctx.send(from, new Messages.NewEpoch(leading.epoch));
        }
    }

    private void forget(int follower) {
        leading.ackedEpoch[follower] = false;
        leading.ackedNewLeader[follower] = false;
        leading.setForwarding(follower, false);
        for (BitSet acks : leading.outstanding.values()) {
            acks.clear(follower);
        }
    }

    private void startEpochIfQuorum(Context ctx) {
        int infos = 0;
        long maxEpoch = 0;
        for (long e : leading.followerAcceptedEpoch) {
            if (e >= 0) {
                infos++;
                maxEpoch = Math.max(maxEpoch, e);
            }
        }
        if (!quorums.isQuorum(infos)) {
            return;
        }
        leading.epoch = maxEpoch + 1;                                // e' = max accepted epoch + 1
        store.put(ACCEPTED_EPOCH, leading.epoch);
        leading.phase = Leadership.Phase.SYNC;
        for (int peer = 0; peer < quorums.servers(); peer++) {
            if (peer != self && leading.followerAcceptedEpoch[peer] >= 0) {
                ctx.send(peer, new Messages.NewEpoch(leading.epoch));
            }
        }
    }

    /** ACKEPOCH: a follower with a later history than mine means I should not lead. */
    private void onAckEpoch(Context ctx, int from, Messages.AckEpoch m) {
        if (leading == null || leading.phase == Leadership.Phase.DISCOVERY) {
            return;
        }
        heard(ctx, from);
        if (m.currentEpoch() > currentEpoch() || (m.currentEpoch() == currentEpoch() && m.lastZxid() > lastZxid())) {
            lookForLeader(ctx);
            return;
        }
        leading.ackedEpoch[from] = true;
        synchronize(ctx, from, m.lastZxid());
    }

    /** DIFF, TRUNC or SNAP, then NEWLEADER; from now on the follower gets every proposal and commit. */
    private void synchronize(Context ctx, int follower, long peerLastZxid) {
        long last = lastZxid();
        int committedIndex = appliedCount;
        Messages.Sync sync;
        int after = indexAfter(peerLastZxid);
        boolean inHistory = peerLastZxid == base.zxid() || (after > 0 && history.get(after - 1).zxid() == peerLastZxid);
        if (peerLastZxid == last) {
            sync = new Messages.Sync(leading.epoch, Messages.SyncKind.DIFF, peerLastZxid, null, List.of(), lastApplied);
        } else if (peerLastZxid >= base.zxid() && history.size() - after <= config.snapshotThreshold()) {
            long common = after == 0 ? base.zxid() : history.get(after - 1).zxid();
            Messages.SyncKind kind = inHistory ? Messages.SyncKind.DIFF : Messages.SyncKind.TRUNC;
            sync = new Messages.Sync(leading.epoch, kind, common, null, List.copyOf(history.subList(after, history.size())), lastApplied);
        } else {
            Messages.Snapshot snap = new Messages.Snapshot(lastApplied, tree.copy(), chain);
            sync = new Messages.Sync(leading.epoch, Messages.SyncKind.SNAP, lastApplied, snap,
                    List.copyOf(history.subList(committedIndex, history.size())), lastApplied);
        }
        ctx.send(follower, sync);
        leading.setForwarding(follower, true);
    }

    /** Index of the first history entry with a zxid above {@code zxid}. */
    private int indexAfter(long zxid) {
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

    /** NEWLEADER acked: once a quorum has my history, it is committed and I broadcast. */
    private void onAckNewLeader(Context ctx, int from, Messages.AckNewLeader m) {
        if (leading == null || m.epoch() != leading.epoch || !leading.forwarding[from]) {
            return;
        }
        heard(ctx, from);
        leading.ackedNewLeader[from] = true;
        if (leading.phase == Leadership.Phase.BROADCAST) {
            ctx.send(from, new Messages.UpToDate(leading.epoch, lastApplied));
            return;
        }
        if (!quorums.isQuorum(Leadership.count(leading.ackedNewLeader))) {
            return;
        }
        store.put(CURRENT_EPOCH, leading.epoch);
        leading.phase = Leadership.Phase.BROADCAST;
        applyUpTo(ctx, lastZxid());
        leading.prepared = tree.copy();
        long now = ctx.now();
        for (Map.Entry<Long, Long> s : tree.sessions().entrySet()) {  // every session gets a fresh timeout
            leading.sessionExpiryLocalNanos.put(s.getKey(), now + s.getValue());
        }
        for (int peer = 0; peer < quorums.servers(); peer++) {
            if (peer != self && leading.ackedNewLeader[peer]) {
                ctx.send(peer, new Messages.UpToDate(leading.epoch, lastApplied));
            }
        }
        ctx.metrics().increment("leaderChanges");
        ctx.metrics().mark(ctx.trueTimeNanos(), "leader s" + self + " (epoch " + leading.epoch + ")");
        ctx.observe(new Observations.Leading(self, leading.epoch));
        if (config.leaderServes()) {
            pipeline.open();
        }
    }

    // ---------------------------------------------------------------- discovery and synchronization (follower side)

    /** NEWEPOCH: accept it if it is not older than what I accepted, and tell my history. */
    private void onNewEpoch(Context ctx, int from, Messages.NewEpoch m) {
        if (state != PeerState.FOLLOWING || from != leader || phase != FollowerPhase.DISCOVERY) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        if (m.epoch() < acceptedEpoch()) {
            lookForLeader(ctx);
            return;
        }
        store.put(ACCEPTED_EPOCH, m.epoch());
        phase = FollowerPhase.SYNC;
        ctx.send(leader, new Messages.AckEpoch(currentEpoch(), lastZxid()));
    }

    /** DIFF / TRUNC / SNAP + NEWLEADER: make my history the leader's, log it, then ACK. */
    private void onSync(Context ctx, int from, Messages.Sync m) {
        if (state != PeerState.FOLLOWING || from != leader || phase != FollowerPhase.SYNC || m.epoch() != acceptedEpoch()) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        ctx.observe(new Observations.Synced(self, leader, m.kind(), m.txns().size()));
        if (m.kind() == Messages.SyncKind.SNAP) {
            base = m.snapshot();
            store.put(SNAPSHOT, new Messages.Snapshot(base.zxid(), base.tree().copy(), base.chainDigest()));
            history.clear();
            stableLog.clear();
            resetTreeToBase();
            ctx.observe(new Observations.Installed(self, lastApplied, chain));
        } else if (m.kind() == Messages.SyncKind.TRUNC) {
            truncateAfter(ctx, m.truncateAfterZxid());
        }
        int bytes = 0;
        for (Txn txn : m.txns()) {
            if (txn.zxid() > lastZxid()) {
                history.add(txn);
                bytes += txn.sizeBytes();
            }
        }
        if (m.kind() == Messages.SyncKind.SNAP) {
            bytes += (int) Math.min(Integer.MAX_VALUE / 2, base.tree().sizeBytes());
        }
        phase = FollowerPhase.WAIT_UPTODATE;
        ctx.persist(Math.max(bytes, 1), new HistoryLogged(m.epoch(), lastZxid()));
        applyUpTo(ctx, m.committedZxid());
    }

    /** TRUNC: drop the uncommitted tail after {@code zxid}. */
    private void truncateAfter(Context ctx, long zxid) {
        int keep = indexAfter(zxid);
        if (keep < appliedCount) {                                    // only possible when safety is already broken
            history.subList(keep, history.size()).clear();
            resetTreeToBase();
            for (Txn txn : history) {
                tree.apply(txn);
                chain = Chain.extend(chain, txn);
                lastApplied = txn.zxid();
            }
            appliedCount = history.size();
            ctx.observe(new Observations.Installed(self, lastApplied, chain));
        } else {
            history.subList(keep, history.size()).clear();
        }
        if (stableLog.size() > keep) {
            stableLog.subList(keep, stableLog.size()).clear();
        }
    }

    /** UPTODATE: a quorum has the history; apply what is committed and serve clients. */
    private void onUpToDate(Context ctx, int from, Messages.UpToDate m) {
        if (state != PeerState.FOLLOWING || from != leader || phase != FollowerPhase.WAIT_UPTODATE || m.epoch() != acceptedEpoch()) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        phase = FollowerPhase.BROADCAST;
        applyUpTo(ctx, m.committedZxid());
        pipeline.open();
    }

    // ---------------------------------------------------------------- broadcast (leader side)

    @Override
    public void submit(Context ctx, Messages.Forward forward) {
        if (state == PeerState.LEADING) {
            onForward(ctx, self, forward);
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
            pipeline.revalidated(ctx, client, sessionId, touchIfLive(ctx, sessionId));
        } else {
            ctx.send(leader, new Messages.Revalidate(client, sessionId));
        }
    }

    /** REVALIDATE: a follower's client reconnects with an existing session. */
    private void onRevalidate(Context ctx, int from, Messages.Revalidate m) {
        if (leading == null || leading.phase != Leadership.Phase.BROADCAST) {
            return;
        }
        heard(ctx, from);
        ctx.send(from, new Messages.Revalidated(m.client(), m.sessionId(), touchIfLive(ctx, m.sessionId())));
    }

    /** ZooKeeper's touchSession: a session the leader has not expired gets a fresh timeout; an expired one stays expired. */
    private boolean touchIfLive(Context ctx, long sessionId) {
        Long timeout = tree.sessions().get(sessionId);
        if (timeout == null || !leading.sessionExpiryLocalNanos.containsKey(sessionId)) {
            return false;
        }
        leading.sessionExpiryLocalNanos.put(sessionId, ctx.now() + timeout);
        return true;
    }

    /** A write or sync from a server's pipeline: prepare the idempotent transaction and propose it. */
    private void onForward(Context ctx, int from, Messages.Forward f) {
        if (leading == null || leading.phase != Leadership.Phase.BROADCAST) {
            return;
        }
        if (from != self) {
            heard(ctx, from);
        }
        if (f.op().kind() == Op.Kind.SYNC) {
            Leadership.PendingSync pending = new Leadership.PendingSync(f.origin(), f.sessionId(), f.cxid());
            if (leading.outstanding.isEmpty()) {
                answerSync(ctx, pending);
            } else {
                leading.pendingSyncs.computeIfAbsent(leading.outstanding.lastKey(), k -> new ArrayList<>()).add(pending);
            }
            return;
        }
        Long timeout = tree.sessions().get(f.sessionId());
        if (timeout != null) {
            leading.sessionExpiryLocalNanos.put(f.sessionId(), ctx.now() + timeout);
        }
        ctx.chargeCpu(costs.prepareNanos());
        propose(ctx, leading.prepared.prepare(f.op(), f.sessionId(), f.cxid(), f.origin(), nextZxid()));
    }

    private long nextZxid() {
        return Zxid.of(leading.epoch, leading.nextCounter++);
    }

    private void propose(Context ctx, Txn txn) {
        history.add(txn);
        leading.outstanding.put(txn.zxid(), new BitSet());
        ctx.chargeCpu(costs.logWriteNanos());
        ctx.persist(txn.sizeBytes(), new ProposalLogged(leading.epoch, txn.zxid()));
        ctx.multicast(leading.forwardingTargets(), new Messages.Proposal(leading.epoch, txn));
    }

    private void onAck(Context ctx, int from, Messages.Ack m) {
        if (leading == null || m.epoch() != leading.epoch || !leading.forwarding[from]) {
            return;
        }
        heard(ctx, from);
        ctx.chargeCpu(costs.ackNanos());
        countAck(ctx, from, m.zxid());
    }

    /** Commit, in zxid order, every proposal a quorum (the leader included) has logged. */
    private void countAck(Context ctx, int from, long zxid) {
        BitSet acks = leading.outstanding.get(zxid);
        if (acks == null) {
            return;
        }
        acks.set(from);
        while (!leading.outstanding.isEmpty()) {
            Map.Entry<Long, BitSet> first = leading.outstanding.firstEntry();
            BitSet votes = first.getValue();
            if (!votes.get(self) || !quorums.isQuorum(votes.cardinality())) {
                break;
            }
            leading.outstanding.pollFirstEntry();
            long committed = first.getKey();
            ctx.multicast(leading.forwardingTargets(), new Messages.Commit(leading.epoch, committed));
            applyUpTo(ctx, committed);
            List<Leadership.PendingSync> syncs = leading.pendingSyncs.remove(committed);
            if (syncs != null) {
                for (Leadership.PendingSync s : syncs) {
                    answerSync(ctx, s);
                }
            }
        }
    }

    private void answerSync(Context ctx, Leadership.PendingSync s) {
        if (s.origin() == self) {
            pipeline.syncDone(ctx, s.sessionId(), s.cxid());
        } else {
            ctx.send(s.origin(), new Messages.SyncDone(s.sessionId(), s.cxid(), lastApplied));
        }
    }

    private void heard(Context ctx, int follower) {
        leading.lastHeardLocalNanos[follower] = ctx.now();
    }

    /** Heartbeats out; followers silent too long are dropped; without a quorum, give up; expire sessions. */
    private void leaderTick(Context ctx, long now) {
        Messages.LeaderPing ping = new Messages.LeaderPing(leading.epoch);
        int alive = 1;
        for (int peer = 0; peer < quorums.servers(); peer++) {
            if (peer == self || leading.followerAcceptedEpoch[peer] < 0) {
                continue;
            }
            if (now - leading.lastHeardLocalNanos[peer] > limitNanos) {
                forget(peer);
                leading.followerAcceptedEpoch[peer] = -1;
                continue;
            }
            alive++;
            if (leading.forwarding[peer]) {
                ctx.send(peer, ping);
            }
        }
        if (leading.phase != Leadership.Phase.BROADCAST) {
            if (now - leading.startedLocalNanos > initLimitNanos) {
                lookForLeader(ctx);                                  // could not establish the epoch in time
            }
            return;
        }
        if (!quorums.isQuorum(alive)) {
            lookForLeader(ctx);                                      // lost the quorum: give up leadership
            return;
        }
        // Copy the ids, not the entries: a TreeMap's remove may move another session's key and value into a removed entry.
        for (long session : List.copyOf(leading.sessionExpiryLocalNanos.keySet())) {
            if (now > leading.sessionExpiryLocalNanos.get(session)) {
                leading.sessionExpiryLocalNanos.remove(session);
                if (leading.prepared.hasSession(session)) {
                    ctx.chargeCpu(costs.prepareNanos());
                    propose(ctx, leading.prepared.prepare(Op.closeSession(), session, -(leading.closeCxid++), -1, nextZxid()));
                }
            }
        }
    }

    private void onFollowerPing(Context ctx, int from, Messages.FollowerPing m) {
        if (leading == null || m.epoch() != leading.epoch) {
            return;
        }
        heard(ctx, from);
        for (long session : m.touchedSessions()) {
            Long timeout = tree.sessions().get(session);
            if (timeout != null) {
                leading.sessionExpiryLocalNanos.put(session, ctx.now() + timeout);
            }
        }
    }

    // ---------------------------------------------------------------- broadcast (follower side)

    /** PROPOSAL: it must follow my history without a gap (else the connection lost messages); log it, then ACK. */
    private void onProposal(Context ctx, int from, Messages.Proposal m) {
        if (state != PeerState.FOLLOWING || from != leader || m.epoch() != acceptedEpoch()
                || (phase != FollowerPhase.WAIT_UPTODATE && phase != FollowerPhase.BROADCAST)) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        long zxid = m.txn().zxid();
        if (zxid <= lastZxid()) {
            return;                                                  // already in the synchronized history
        }
        if (!follows(lastZxid(), zxid)) {
            lookForLeader(ctx);
            return;
        }
        history.add(m.txn());
        ctx.chargeCpu(costs.proposalNanos() + costs.logWriteNanos());
        ctx.persist(m.txn().sizeBytes(), new ProposalLogged(m.epoch(), zxid));
    }

    private static boolean follows(long last, long next) {
        if (Zxid.epoch(next) == Zxid.epoch(last)) {
            return Zxid.counter(next) == Zxid.counter(last) + 1;
        }
        return Zxid.epoch(next) > Zxid.epoch(last) && Zxid.counter(next) == 1;
    }

    /** COMMIT: deliver everything up to it, in zxid order. */
    private void onCommit(Context ctx, int from, Messages.Commit m) {
        if (state != PeerState.FOLLOWING || from != leader || m.epoch() != acceptedEpoch()) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        if (m.zxid() > lastZxid()) {
            lookForLeader(ctx);                                      // committed something I never got
            return;
        }
        ctx.chargeCpu(costs.commitNanos());
        applyUpTo(ctx, m.zxid());
    }

    private void onSyncDone(Context ctx, int from, Messages.SyncDone m) {
        if (state != PeerState.FOLLOWING || from != leader) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        pipeline.syncDone(ctx, m.sessionId(), m.cxid());
    }

    private void onRevalidated(Context ctx, int from, Messages.Revalidated m) {
        if (state != PeerState.FOLLOWING || from != leader) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        pipeline.revalidated(ctx, m.client(), m.sessionId(), m.valid());
    }

    private void onLeaderPing(Context ctx, int from, Messages.LeaderPing m) {
        if (state != PeerState.FOLLOWING || from != leader || m.epoch() != acceptedEpoch()) {
            return;
        }
        lastHeardLeaderLocalNanos = ctx.now();
        List<Long> sessions = List.copyOf(touched);
        touched.clear();
        ctx.send(leader, new Messages.FollowerPing(m.epoch(), sessions));
    }

    // ---------------------------------------------------------------- delivery

    /** Applies the history in order up to {@code zxid}: the tree changes, watches fire, waiting writes are answered. */
    private void applyUpTo(Context ctx, long zxid) {
        while (appliedCount < history.size() && history.get(appliedCount).zxid() <= zxid) {
            Txn txn = history.get(appliedCount++);
            long previous = lastApplied;
            pipeline.beforeApply(ctx, txn);
            Result result = tree.apply(txn);
            chain = Chain.extend(chain, txn);
            lastApplied = txn.zxid();
            ctx.chargeCpu(costs.applyNanos());
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
