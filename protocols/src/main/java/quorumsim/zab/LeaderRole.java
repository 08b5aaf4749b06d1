package quorumsim.zab;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import quorumsim.core.Context;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Txn;

/**
 * What a {@link ZabServer} does while it leads (the epoch's state is in its {@link Leadership}):
 * discovery (FOLLOWERINFO, NEWEPOCH, ACKEPOCH), synchronization (DIFF/TRUNC/SNAP, the acks of
 * NEWLEADER, UPTODATE), broadcast (a PROPOSAL per forwarded write, COMMIT once a quorum has
 * logged it), heartbeats, and the sessions, which only the leader expires or revalidates.
 */
final class LeaderRole {
    private final ZabServer server;

    LeaderRole(ZabServer server) {
        this.server = server;
    }

    /** FOLLOWERINFO (CEPOCH): once a quorum has sent one, propose the epoch after every accepted one. */
    void onFollowerInfo(Context ctx, int from, Messages.FollowerInfo m) {
        if (server.leading == null) {
            ctx.send(from, new Messages.FollowerInfoRefused());       // not leading: nothing listens for learners
            return;
        }
        heard(ctx, from);
        forget(from);                                                // a follower that comes back starts over
        server.leading.followerAcceptedEpoch[from] = m.acceptedEpoch();
        if (server.leading.phase == Leadership.Phase.DISCOVERY) {
            startEpochIfQuorum(ctx);
        } else if (m.acceptedEpoch() > server.leading.epoch) {       // it has seen a later epoch than mine
            server.lookForLeader(ctx);
        } else if (server.leading.epochOnDisk) {                     // else it gets NEWEPOCH once the epoch is on disk
            ctx.send(from, new Messages.NewEpoch(server.leading.epoch));
        }
    }

    /** The connection to a learner broke: it is no longer a follower of this epoch until it resyncs. */
    void dropLearner(int follower) {
        forget(follower);
        server.leading.followerAcceptedEpoch[follower] = -1;
    }

    /**
     * Leader.shutdown: a leader that stops leading shuts every LearnerHandler down, which closes
     * its socket; the followers' reads then fail and they go back to election.
     */
    void closeLearners(Context ctx) {
        for (int peer = 0; peer < server.config.members(); peer++) {
            if (peer != server.self && server.leading.followerAcceptedEpoch[peer] >= 0) {
                ctx.closeConnection(peer);
            }
        }
    }

    void forget(int follower) {
        server.leading.ackedEpoch[follower] = false;
        server.leading.ackedNewLeader[follower] = false;
        server.leading.setForwarding(follower, false);
        for (BitSet acks : server.leading.outstanding.values()) {
            acks.clear(follower);
        }
    }

    void startEpochIfQuorum(Context ctx) {
        int infos = 0;
        long maxEpoch = 0;
        for (int peer = 0; peer < server.leading.followerAcceptedEpoch.length; peer++) {
            long e = server.leading.followerAcceptedEpoch[peer];
            if (e >= 0) {
                infos += peer < server.leading.voters ? 1 : 0;       // an observer's OBSERVERINFO counts for no quorum
                maxEpoch = Math.max(maxEpoch, e);
            }
        }
        if (!server.quorums.isQuorum(infos)) {
            return;
        }
        server.leading.epoch = maxEpoch + 1;                         // e' = max accepted epoch + 1
        PaperInvariants.acceptedEpochGrows(ctx, server.acceptedEpoch(), server.leading.epoch);
        server.acceptedEpoch = server.leading.epoch;
        server.leading.phase = Leadership.Phase.SYNC;
        ctx.persist(ZabServer.EPOCH_BYTES, new ZabServer.EpochAccepted(server.leading.epoch));
    }

    /** My accepted epoch is on disk: propose it to every follower that has sent FOLLOWERINFO. */
    void epochOnDisk(Context ctx) {
        server.leading.epochOnDisk = true;
        for (int peer = 0; peer < server.config.members(); peer++) {
            if (peer != server.self && server.leading.followerAcceptedEpoch[peer] >= 0) {
                ctx.send(peer, new Messages.NewEpoch(server.leading.epoch));
            }
        }
    }

    /** ACKEPOCH: a follower with a later history than mine means I should not lead. */
    void onAckEpoch(Context ctx, int from, Messages.AckEpoch m) {
        if (server.leading == null || server.leading.phase == Leadership.Phase.DISCOVERY) {
            return;
        }
        heard(ctx, from);
        if (m.currentEpoch() > server.currentEpoch() || (m.currentEpoch() == server.currentEpoch() && m.lastZxid() > server.lastZxid())) {
            server.lookForLeader(ctx);
            return;
        }
        server.leading.ackedEpoch[from] = true;
        synchronize(ctx, from, m.lastZxid());
    }

    /** DIFF, TRUNC or SNAP, then NEWLEADER; from now on the follower gets every proposal and commit. */
    void synchronize(Context ctx, int follower, long peerLastZxid) {
        long last = server.lastZxid();
        int committedIndex = server.appliedCount;
        Messages.Sync sync;
        int after = server.indexAfter(peerLastZxid);
        boolean inHistory = peerLastZxid == server.base.zxid() || (after > 0 && server.history.get(after - 1).zxid() == peerLastZxid);
        if (peerLastZxid == last) {
            sync = new Messages.Sync(server.leading.epoch, Messages.SyncKind.DIFF, peerLastZxid, null, List.of(), server.lastApplied);
        } else if (peerLastZxid >= server.base.zxid() && server.history.size() - after <= server.config.snapshotThreshold()) {
            long common = after == 0 ? server.base.zxid() : server.history.get(after - 1).zxid();
            Messages.SyncKind kind = inHistory ? Messages.SyncKind.DIFF : Messages.SyncKind.TRUNC;
            sync = new Messages.Sync(server.leading.epoch, kind, common, null,
                    List.copyOf(server.history.subList(after, server.history.size())), server.lastApplied);
        } else {
            Messages.Snapshot snap = new Messages.Snapshot(server.lastApplied, server.tree.copy(), server.chain);
            sync = new Messages.Sync(server.leading.epoch, Messages.SyncKind.SNAP, server.lastApplied, snap,
                    List.copyOf(server.history.subList(committedIndex, server.history.size())), server.lastApplied);
        }
        ctx.send(follower, sync);
        server.leading.setForwarding(follower, true);
    }

    /** NEWLEADER acked: once a quorum has my history, it is committed and I broadcast. */
    void onAckNewLeader(Context ctx, int from, Messages.AckNewLeader m) {
        if (server.leading == null || m.epoch() != server.leading.epoch || !server.leading.forwarding[from]) {
            return;
        }
        heard(ctx, from);
        server.leading.ackedNewLeader[from] = true;
        if (server.leading.phase == Leadership.Phase.BROADCAST) {
            ctx.send(from, new Messages.UpToDate(server.leading.epoch, server.lastApplied));
            if (from < server.leading.voters) {
                ackSynchronized(ctx, from, m.zxid());
            }
            return;
        }
        if (server.leading.savingCurrentEpoch || !server.quorums.isQuorum(server.leading.countVoters(server.leading.ackedNewLeader))) {
            return;
        }
        server.leading.savingCurrentEpoch = true;
        ctx.persist(ZabServer.EPOCH_BYTES, new ZabServer.EpochCurrent(server.leading.epoch));
    }

    /** A quorum has my history and my epoch is current on disk: the history is committed, I broadcast. */
    void establish(Context ctx) {
        server.leading.phase = Leadership.Phase.BROADCAST;
        server.applyUpTo(ctx, server.lastZxid());
        server.leading.prepared = server.tree.copy();
        long now = ctx.now();
        for (Map.Entry<Long, Long> s : server.tree.sessions().entrySet()) { // every session gets a fresh timeout
            server.leading.sessionExpiryLocalNanos.put(s.getKey(), now + s.getValue());
        }
        for (int peer = 0; peer < server.config.members(); peer++) {
            if (peer != server.self && server.leading.ackedNewLeader[peer]) {
                ctx.send(peer, new Messages.UpToDate(server.leading.epoch, server.lastApplied));
            }
        }
        ctx.observe(new Observations.Leading(server.self, server.leading.epoch));
        if (server.config.leaderServes()) {
            server.pipeline.open();
        }
        if (server.broadcastLoad != null) {
            server.broadcastLoad.restart();
            server.broadcastLoad.fill(ctx, server, this);
        }
    }

    /**
     * The ACK of NEWLEADER acknowledges every proposal the sync carried: a follower that rejoins
     * while proposals await their quorum counts for them, or they could wait for acks that never come.
     */
    private void ackSynchronized(Context ctx, int follower, long syncedZxid) {
        List<Long> carried = List.copyOf(server.leading.outstanding.headMap(syncedZxid, true).keySet());
        for (long zxid : carried) {
            countAck(ctx, follower, zxid);
        }
    }

    /** REVALIDATE: a follower's client reconnects with an existing session. */
    void onRevalidate(Context ctx, int from, Messages.Revalidate m) {
        if (server.leading == null || server.leading.phase != Leadership.Phase.BROADCAST || !isLearner(from)) {
            return;
        }
        heard(ctx, from);
        ctx.send(from, new Messages.Revalidated(m.client(), m.sessionId(), touchIfLive(ctx, m.sessionId())));
    }

    /**
     * Whether a request or revalidation comes over a learner's connection of this epoch. In
     * ZooKeeper 3.3 only a LearnerHandler reads REQUEST and REVALIDATE packets
     * (LearnerHandler.run), and a leader that stops leading closes every handler's socket
     * (Leader.shutdown); a server that still follows an earlier epoch of this leader has no
     * handler here, so it gets no answer and gives up on its leader after syncLimit ticks of
     * silence (Learner.syncWithLeader sets that read timeout), then finds the new epoch.
     */
    private boolean isLearner(int from) {
        return from == server.self || server.leading.forwarding[from];
    }

    /** ZooKeeper's touchSession: a session the leader has not expired gets a fresh timeout; an expired one stays expired. */
    boolean touchIfLive(Context ctx, long sessionId) {
        Long timeout = server.tree.sessions().get(sessionId);
        if (timeout == null || !server.leading.sessionExpiryLocalNanos.containsKey(sessionId)) {
            return false;
        }
        server.leading.sessionExpiryLocalNanos.put(sessionId, ctx.now() + timeout);
        return true;
    }

    /**
     * A write or sync from a server's pipeline, taken off the learner's connection and queued
     * for the PrepRequestProcessor's thread (Leader.submitLearnerRequest), which prepares it
     * and proposes it in the order they came: a sync passes through the same thread
     * (ProposalRequestProcessor: Leader.processSync), so it is never answered ahead of a write
     * queued before it.
     */
    void onForward(Context ctx, int from, Messages.Forward f) {
        if (server.leading == null || server.leading.phase != Leadership.Phase.BROADCAST || !isLearner(from)) {
            return;
        }
        if (from != server.self) {
            heard(ctx, from);
        }
        Long timeout = server.tree.sessions().get(f.sessionId());
        if (timeout != null && f.op().kind() != Op.Kind.SYNC) {
            server.leading.sessionExpiryLocalNanos.put(f.sessionId(), ctx.now() + timeout);
        }
        server.prep.submit(ctx, f.op().kind() == Op.Kind.SYNC ? 0 : server.costs.prepareNanos(), c -> prepared(c, f));
    }

    /**
     * The prep thread's turn for a forwarded request: PrepRequestProcessor.pRequest, then
     * ProposalRequestProcessor. Still leading the epoch that took it: a leader that steps down
     * drops the thread's queue (lookForLeader resets it).
     */
    private void prepared(Context ctx, Messages.Forward f) {
        if (f.op().kind() == Op.Kind.SYNC) {
            Leadership.PendingSync pending = new Leadership.PendingSync(f.origin(), f.sessionId(), f.cxid());
            if (server.leading.outstanding.isEmpty()) {
                answerSync(ctx, pending);
            } else {
                server.leading.pendingSyncs.computeIfAbsent(server.leading.outstanding.lastKey(), k -> new ArrayList<>()).add(pending);
            }
            return;
        }
        propose(ctx, server.leading.prepared.prepare(f.op(), f.sessionId(), f.cxid(), f.origin(), nextZxid()));
    }

    long nextZxid() {
        return Zxid.of(server.leading.epoch, server.leading.nextCounter++);
    }

    /**
     * ProposalRequestProcessor: the PROPOSAL goes to the followers (Leader.propose), and the
     * transaction to the SyncRequestProcessor's thread, which appends it to the log (its
     * serialization and checksum) and hands it to the disk's group commit.
     */
    void propose(Context ctx, Txn txn) {
        PaperInvariants.proposesInOrder(ctx, server.leading.epoch, server.lastZxid(), server.lastAppliedZxid(), txn.zxid());
        server.history.add(txn);
        server.leading.outstanding.put(txn.zxid(), new BitSet());
        ctx.multicast(server.leading.forwardingTargets(), new Messages.Proposal(server.leading.epoch, txn));
        long epoch = server.leading.epoch;
        server.logSync.submit(ctx, server.costs.logWriteNanos(), c -> {
            c.persist(txn.sizeBytes(), new ZabServer.ProposalLogged(epoch, txn));
            server.snapshots.logged(c, server);
        });
    }

    void onAck(Context ctx, int from, Messages.Ack m) {
        if (server.leading == null || m.epoch() != server.leading.epoch || !server.leading.forwarding[from]) {
            return;
        }
        heard(ctx, from);
        ctx.chargeCpu(server.costs.ackNanos());
        countAck(ctx, from, m.zxid());
    }

    /** Commit, in zxid order, every proposal a quorum (the leader included) has logged. */
    void countAck(Context ctx, int from, long zxid) {
        BitSet acks = server.leading.outstanding.get(zxid);
        if (acks == null) {
            return;
        }
        acks.set(from);
        while (!server.leading.outstanding.isEmpty()) {
            Map.Entry<Long, BitSet> first = server.leading.outstanding.firstEntry();
            BitSet votes = first.getValue();
            if (!votes.get(server.self) || !server.quorums.isQuorum(votes.cardinality())) {
                break;
            }
            server.leading.outstanding.pollFirstEntry();
            long committed = first.getKey();
            ctx.multicast(server.leading.forwardingTargets(), new Messages.Commit(server.leading.epoch, committed));
            inform(ctx, committed);
            server.applyUpTo(ctx, committed);
            if (server.broadcastLoad != null) {
                server.broadcastLoad.committed(ctx, committed);
            }
            List<Leadership.PendingSync> syncs = server.leading.pendingSyncs.remove(committed);
            if (syncs != null) {
                for (Leadership.PendingSync s : syncs) {
                    answerSync(ctx, s);
                }
            }
        }
        if (server.broadcastLoad != null && server.leading.phase == Leadership.Phase.BROADCAST) {
            server.broadcastLoad.fill(ctx, server, this);            // the next generated transactions
        }
    }

    /** Leader.commit's INFORM: each observer gets the committed transaction, proposal and commit in one. */
    private void inform(Context ctx, long committed) {
        int[] observers = server.leading.informTargets();
        if (observers.length == 0) {
            return;
        }
        Txn txn = server.history.get(server.indexAfter(committed) - 1);
        ctx.multicast(observers, new Messages.Inform(server.leading.epoch, txn));
    }

    void answerSync(Context ctx, Leadership.PendingSync s) {
        if (s.origin() == server.self) {
            server.pipeline.syncDone(ctx, s.sessionId(), s.cxid());
        } else {
            ctx.send(s.origin(), new Messages.SyncDone(s.sessionId(), s.cxid(), server.lastApplied));
        }
    }

    void heard(Context ctx, int follower) {
        server.leading.lastHeardLocalNanos[follower] = ctx.now();
    }

    /**
     * Leader.lead's loop, every half tick: heartbeats out (LearnerHandler.ping); a follower silent
     * for syncLimit ticks is dropped and its socket closed (LearnerHandler.run's read times out
     * after syncLimit x tickTime, set once NEWLEADER is acked, and its finally shuts the handler
     * down); without a quorum of followers heard within syncLimit ticks (LearnerHandler.synced),
     * give up (Leader.shutdown); expire sessions.
     */
    void leaderTick(Context ctx, long now) {
        Messages.LeaderPing ping = new Messages.LeaderPing(server.leading.epoch);
        int alive = 1;
        for (int peer = 0; peer < server.config.members(); peer++) {
            if (peer == server.self || server.leading.followerAcceptedEpoch[peer] < 0) {
                continue;
            }
            if (now - server.leading.lastHeardLocalNanos[peer] > server.limitNanos) {
                dropLearner(peer);
                ctx.closeConnection(peer);
                continue;
            }
            alive += peer < server.leading.voters ? 1 : 0;            // Leader.lead: only PARTICIPANT learners count
            if (server.leading.forwarding[peer]) {
                ctx.send(peer, ping);
            }
        }
        if (server.leading.phase != Leadership.Phase.BROADCAST) {
            if (now - server.leading.startedLocalNanos > server.initLimitNanos) {
                server.lookForLeader(ctx);                           // could not establish the epoch in time
            }
            return;
        }
        if (!server.quorums.isQuorum(alive)) {
            server.lookForLeader(ctx);                               // lost the quorum: give up leadership
            return;
        }
        // Copy the ids, not the entries: a TreeMap's remove may move another session's key and value into a removed entry.
        for (long session : List.copyOf(server.leading.sessionExpiryLocalNanos.keySet())) {
            if (now > server.leading.sessionExpiryLocalNanos.get(session)) {
                server.leading.sessionExpiryLocalNanos.remove(session);
                if (server.leading.prepared.hasSession(session)) {
                    // SessionTrackerImpl.run: a closeSession submitted to the prep thread
                    server.prep.submit(ctx, server.costs.prepareNanos(), c -> closeExpired(c, session));
                }
            }
        }
    }

    private void closeExpired(Context ctx, long session) {
        if (!server.leading.prepared.hasSession(session)) {
            return;                                                  // closed by a request queued ahead of it
        }
        propose(ctx, server.leading.prepared.prepare(Op.closeSession(), session, -(server.leading.closeCxid++), -1, nextZxid()));
    }

    void onFollowerPing(Context ctx, int from, Messages.FollowerPing m) {
        if (server.leading == null || m.epoch() != server.leading.epoch) {
            return;
        }
        heard(ctx, from);
        for (long session : m.touchedSessions()) {
            Long timeout = server.tree.sessions().get(session);
            if (timeout != null) {
                server.leading.sessionExpiryLocalNanos.put(session, ctx.now() + timeout);
            }
        }
    }
}
