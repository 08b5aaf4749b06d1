package quorumsim.zab;

import quorumsim.core.Context;
import quorumsim.zab.Messages.Notification;
import quorumsim.zab.Messages.PeerState;

/**
 * Fast leader election, as ZooKeeper 3.3 ran it: every LOOKING server votes for the best
 * candidate it has heard of (latest epoch, then zxid, then highest id) and tells everyone.
 * It decides when every server agrees, or when a quorum agrees and no better vote arrives
 * within the finalize wait. A server that comes back to a running ensemble follows the leader
 * that a quorum of FOLLOWING/LEADING servers names.
 */
final class FastLeaderElection {
    /** Where the election's decision goes. */
    interface Outcome {
        void elected(Context ctx, int leader);
    }

    private final int self;
    private final int servers;
    private final Quorums quorums;
    private final long finalizeWaitNanos;
    private final Outcome outcome;
    private long round;
    private Vote vote;
    private Vote[] received;
    private Notification[] outOfElection;
    private boolean finalizing;

    FastLeaderElection(int self, Quorums quorums, long finalizeWaitNanos, Outcome outcome) {
        this.self = self;
        this.servers = quorums.servers();
        this.quorums = quorums;
        this.finalizeWaitNanos = finalizeWaitNanos;
        this.outcome = outcome;
    }

    long round() {
        return round;
    }

    /** The vote this server stands by (while LOOKING) or decided on. */
    Vote vote() {
        return vote;
    }

    /** Starts a new round voting for myself. */
    void start(Context ctx, long lastZxid, long currentEpoch) {
        round++;
        vote = new Vote(self, lastZxid, currentEpoch);
        received = new Vote[servers];
        outOfElection = new Notification[servers];
        received[self] = vote;
        finalizing = false;
        broadcast(ctx);
        checkAgreement(ctx);
    }

    void broadcast(Context ctx) {
        Notification n = new Notification(round, vote.leader(), vote.zxid(), vote.epoch(), PeerState.LOOKING);
        for (int peer = 0; peer < servers; peer++) {
            if (peer != self) {
                ctx.send(peer, n);
            }
        }
    }

    /** A notification while this server is LOOKING. */
    void onNotification(Context ctx, int from, Notification n, long lastZxid, long currentEpoch) {
        if (n.state() != PeerState.LOOKING) {
            joinRunningEnsemble(ctx, from, n);
            return;
        }
        Vote theirs = new Vote(n.leader(), n.zxid(), n.epoch());
        if (n.round() > round) {                                  // a newer round: join it
            round = n.round();
            received = new Vote[servers];
            finalizing = false;
            Vote mine = new Vote(self, lastZxid, currentEpoch);
            vote = theirs.beats(mine) ? theirs : mine;
            broadcast(ctx);
        } else if (n.round() < round) {                           // an old round: tell them ours
            ctx.send(from, new Notification(round, vote.leader(), vote.zxid(), vote.epoch(), PeerState.LOOKING));
            return;
        } else if (theirs.beats(vote)) {                          // a better candidate
            vote = theirs;
            broadcast(ctx);
        }
        received[from] = theirs;
        received[self] = vote;
        checkAgreement(ctx);
    }

    private void checkAgreement(Context ctx) {
        int agree = agreeing(vote);
        if (agree == servers) {                                   // everyone agrees: no need to wait
            decide(ctx);
        } else if (quorums.isQuorum(agree) && !finalizing) {      // a quorum: wait for a better vote
            finalizing = true;
            ctx.setTimer(finalizeWaitNanos, new Timers.FinalizeElection(round));
        }
    }

    /** The finalize wait is over: decide if a quorum still agrees with my vote. */
    void onFinalize(Context ctx, Timers.FinalizeElection timer) {
        if (timer.round() != round) {
            return;
        }
        finalizing = false;
        if (quorums.isQuorum(agreeing(vote))) {
            decide(ctx);
        }
    }

    private int agreeing(Vote v) {
        int count = 0;
        for (Vote r : received) {
            if (v.equals(r)) {
                count++;
            }
        }
        return count;
    }

    /** A quorum of servers already following or leading name a leader, who says it leads: follow it. */
    private void joinRunningEnsemble(Context ctx, int from, Notification n) {
        outOfElection[from] = n;
        int agree = 0;
        boolean leaderConfirms = false;
        for (int peer = 0; peer < servers; peer++) {
            Notification o = outOfElection[peer];
            if (o != null && o.leader() == n.leader() && o.epoch() == n.epoch()) {
                agree++;
                leaderConfirms |= peer == n.leader() && o.state() == PeerState.LEADING;
            }
        }
        if (leaderConfirms && quorums.isQuorum(agree)) {
            vote = new Vote(n.leader(), n.zxid(), n.epoch());
            decide(ctx);
        }
    }

    private void decide(Context ctx) {
        finalizing = false;
        outcome.elected(ctx, vote.leader());
    }
}
