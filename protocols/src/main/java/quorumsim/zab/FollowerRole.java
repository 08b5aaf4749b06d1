package quorumsim.zab;

import java.util.ArrayList;
import java.util.List;
import quorumsim.core.Context;
import quorumsim.disk.DiskDevice;
import quorumsim.zab.Messages.PeerState;
import quorumsim.zab.tree.Txn;

/**
 * What a {@link ZabServer} does while it follows: accept the new epoch, take the leader's
 * history (DIFF, TRUNC or SNAP), log proposals and ACK them, deliver commits in zxid order,
 * answer the leader's pings with the sessions its clients touched, and pass on the leader's
 * answers to syncs and session revalidations.
 */
final class FollowerRole {
    /** Learner.connectToLeader's tries before it gives up on the leader it chose. */
    static final int CONNECT_TRIES = 5;

    private final ZabServer server;
    /** Connects to the chosen leader refused so far. */
    private int refusedConnects;
    /** Which connect a retry belongs to: a retry from an earlier leader's connect does nothing. */
    private long connectGeneration;
    /** The last sync was a SNAP: its write was the snapshot. */
    private boolean snapSynced;

    FollowerRole(ZabServer server) {
        this.server = server;
    }

    /** Just elected a leader to follow: connect and send FOLLOWERINFO (CEPOCH). */
    void connect(Context ctx) {
        refusedConnects = 0;
        connectGeneration++;
        ctx.send(server.leader, new Messages.FollowerInfo(server.acceptedEpoch(), server.lastZxid()));
    }

    /** The pause after a refusal is over: another try, if still connecting to the same leader. */
    void onConnectRetry(Context ctx, Timers.ConnectRetry timer) {
        if (timer.generation() != connectGeneration || server.state != PeerState.FOLLOWING
                || server.phase != ZabServer.FollowerPhase.DISCOVERY) {
            return;
        }
        ctx.send(server.leader, new Messages.FollowerInfo(server.acceptedEpoch(), server.lastZxid()));
    }

    /**
     * The server I chose does not lead. Learner.connectToLeader tries five times, then gives up:
     * back to election, where the leader I wanted may be LOOKING too, or following someone else.
     */
    void onFollowerInfoRefused(Context ctx, int from) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || server.phase != ZabServer.FollowerPhase.DISCOVERY) {
            return;
        }
        refusedConnects++;
        if (refusedConnects >= CONNECT_TRIES) {
            server.lookForLeader(ctx);
            return;
        }
        // Learner.connectToLeader: Thread.sleep(1000) after a refused try, then the next one
        ctx.setTimer(server.config.tickNanos() / 2, new Timers.ConnectRetry(connectGeneration));
    }

    /** NEWEPOCH: accept it if it is not older than what I accepted, and tell my history. */
    void onNewEpoch(Context ctx, int from, Messages.NewEpoch m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || server.phase != ZabServer.FollowerPhase.DISCOVERY) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        if (m.epoch() < server.acceptedEpoch()) {
            server.lookForLeader(ctx);
            return;
        }
        PaperInvariants.acceptedEpochGrows(ctx, server.acceptedEpoch(), m.epoch());
        server.acceptedEpoch = m.epoch();
        server.phase = ZabServer.FollowerPhase.SYNC;
        ctx.persist(ZabServer.EPOCH_BYTES, new ZabServer.EpochAccepted(m.epoch()));
    }

    /** The accepted epoch is on disk: acknowledge it, with my history's point. */
    void ackEpoch(Context ctx) {
        ctx.send(server.leader, new Messages.AckEpoch(server.currentEpoch(), server.lastZxid()));
    }

    /** DIFF / TRUNC / SNAP + NEWLEADER: make my history the leader's, log it, then ACK. */
    void onSync(Context ctx, int from, Messages.Sync m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || server.phase != ZabServer.FollowerPhase.SYNC
                || m.epoch() != server.acceptedEpoch()) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        ctx.observe(new Observations.Synced(server.self, server.leader, m.kind(), m.txns().size()));
        snapSynced = m.kind() == Messages.SyncKind.SNAP;
        Messages.Snapshot snapshot = null;
        int keep = -1;
        if (m.kind() == Messages.SyncKind.SNAP) {
            server.base = m.snapshot();
            snapshot = new Messages.Snapshot(server.base.zxid(), server.base.tree().copy(), server.base.chainDigest());
            server.history.clear();
            server.resetTreeToBase();
            ctx.observe(new Observations.Installed(server.self, server.lastApplied, server.chain));
        } else if (m.kind() == Messages.SyncKind.TRUNC) {
            keep = truncateAfter(ctx, m.truncateAfterZxid());
        }
        int bytes = 0;
        List<Txn> appended = new ArrayList<>();
        for (Txn txn : m.txns()) {
            if (txn.zxid() > server.lastZxid()) {
                server.history.add(txn);
                appended.add(txn);
                bytes += txn.sizeBytes();
            }
        }
        if (m.kind() == Messages.SyncKind.SNAP) {
            bytes += (int) Math.min(Integer.MAX_VALUE / 2, server.base.tree().sizeBytes());
        }
        server.phase = ZabServer.FollowerPhase.WAIT_UPTODATE;
        // a SNAP's tree is a snapshot: it goes to the data directory's device (Learner.syncWithLeader: takeSnapshot)
        DiskDevice device = snapshot != null ? DiskDevice.DATA : DiskDevice.LOG;
        ctx.persist(device, Math.max(bytes, 1) + ZabServer.EPOCH_BYTES,
                new ZabServer.HistoryLogged(m.epoch(), server.lastZxid(), snapshot, keep, List.copyOf(appended)));
        server.applyUpTo(ctx, m.committedZxid());
    }

    /** TRUNC: drop the uncommitted tail after {@code zxid}; returns how many entries stay (the log on disk follows when the sync's write is done). */
    int truncateAfter(Context ctx, long zxid) {
        int keep = server.indexAfter(zxid);
        if (keep < server.appliedCount) {                             // only possible when safety is already broken
            server.history.subList(keep, server.history.size()).clear();
            server.resetTreeToBase();
            for (Txn txn : server.history) {
                server.tree.apply(txn);
                server.chain = Chain.extend(server.chain, txn);
                server.lastApplied = txn.zxid();
            }
            server.appliedCount = server.history.size();
            ctx.observe(new Observations.Installed(server.self, server.lastApplied, server.chain));
        } else {
            server.history.subList(keep, server.history.size()).clear();
        }
        return keep;
    }

    /** UPTODATE: a quorum has the history; apply what is committed and serve clients. */
    void onUpToDate(Context ctx, int from, Messages.UpToDate m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || server.phase != ZabServer.FollowerPhase.WAIT_UPTODATE
                || m.epoch() != server.acceptedEpoch()) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        server.phase = ZabServer.FollowerPhase.BROADCAST;
        server.applyUpTo(ctx, m.committedZxid());
        if (!snapSynced) {
            server.snapshots.take(ctx, server);                      // Learner.syncWithLeader: UPTODATE, zk.takeSnapshot()
        }
        server.pipeline.open();
    }

    /** From the leader I follow, in its epoch, from its NEWLEADER on (Learner.syncWithLeader). */
    private boolean fromMyLeaderInSync(int from, long epoch) {
        return server.state == PeerState.FOLLOWING && from == server.leader && epoch == server.acceptedEpoch()
                && (server.phase == ZabServer.FollowerPhase.WAIT_UPTODATE || server.phase == ZabServer.FollowerPhase.BROADCAST);
    }

    /** PROPOSAL: it must follow my history without a gap (else the connection lost messages); log it, then ACK. */
    void onProposal(Context ctx, int from, Messages.Proposal m) {
        if (!fromMyLeaderInSync(from, m.epoch())) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        long zxid = m.txn().zxid();
        if (zxid <= server.lastZxid()) {
            return;                                                  // already in the synchronized history
        }
        if (!follows(server.lastZxid(), zxid)) {
            server.lookForLeader(ctx);
            return;
        }
        log(ctx, m.epoch(), m.txn());
    }

    /** Logs a transaction that follows my history: in memory now, on disk through the log device. */
    private void log(Context ctx, long epoch, Txn txn) {
        server.history.add(txn);
        ctx.chargeCpu(server.costs.proposalNanos() + server.costs.logWriteNanos());
        ctx.persist(txn.sizeBytes(), new ZabServer.ProposalLogged(epoch, txn));
        server.snapshots.logged(ctx, server);
    }

    static boolean follows(long last, long next) {
        if (Zxid.epoch(next) == Zxid.epoch(last)) {
            return Zxid.counter(next) == Zxid.counter(last) + 1;
        }
        return Zxid.epoch(next) > Zxid.epoch(last) && Zxid.counter(next) == 1;
    }

    /** COMMIT: deliver everything up to it, in zxid order. */
    void onCommit(Context ctx, int from, Messages.Commit m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || m.epoch() != server.acceptedEpoch()) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        if (m.zxid() > server.lastZxid()) {
            server.lookForLeader(ctx);                               // committed something I never got
            return;
        }
        ctx.chargeCpu(server.costs.commitNanos());
        server.applyUpTo(ctx, m.zxid());
    }

    /**
     * INFORM, at an observer (Observer.processPacket): the transaction is committed; log it if it
     * is new (it must follow my history without a gap) and deliver everything up to it. No ACK.
     */
    void onInform(Context ctx, int from, Messages.Inform m) {
        if (!fromMyLeaderInSync(from, m.epoch())) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        long zxid = m.txn().zxid();
        if (zxid > server.lastZxid()) {
            if (!follows(server.lastZxid(), zxid)) {
                server.lookForLeader(ctx);
                return;
            }
            log(ctx, m.epoch(), m.txn());
        }
        ctx.chargeCpu(server.costs.commitNanos());
        server.applyUpTo(ctx, zxid);
    }

    void onSyncDone(Context ctx, int from, Messages.SyncDone m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        server.pipeline.syncDone(ctx, m.sessionId(), m.cxid());
    }

    void onRevalidated(Context ctx, int from, Messages.Revalidated m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        server.pipeline.revalidated(ctx, m.client(), m.sessionId(), m.valid());
    }

    void onLeaderPing(Context ctx, int from, Messages.LeaderPing m) {
        if (server.state != PeerState.FOLLOWING || from != server.leader || m.epoch() != server.acceptedEpoch()) {
            return;
        }
        server.lastHeardLeaderLocalNanos = ctx.now();
        List<Long> sessions = List.copyOf(server.touched);
        server.touched.clear();
        ctx.send(server.leader, new Messages.FollowerPing(m.epoch(), sessions));
    }
}
