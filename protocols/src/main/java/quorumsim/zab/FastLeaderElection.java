package quorumsim.zab;

import quorumsim.core.Context;
import quorumsim.zab.Messages.Notification;
import quorumsim.zab.Messages.PeerState;

/**
 * Fast leader election, as ZooKeeper 3.3 ran it ({@code FastLeaderElection.lookForLeader}):
 * every LOOKING server votes for the best candidate it has heard of (latest epoch, then zxid,
 * then highest id) and tells everyone. It decides when every server agrees, or when a quorum
 * agrees and no better vote arrives within the finalize wait. Servers already out of the
 * election (FOLLOWING or LEADING) count too: in this server's round with its votes, from any
 * other round in a table of their own; either way a quorum naming one leader is followed only
 * once that leader has said it leads ({@code checkLeader}). Each server counts with its latest
 * notification.
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
    /** This round's votes, by server: a LOOKING server's vote, or the leader a FOLLOWING/LEADING one names. */
    private Vote[] received;
    /** Notifications from servers out of the election, of any round ({@code outofelection}). */
    private Notification[] outOfElection;
    private boolean finalizing;
    /** The finalize wait running, to restart it. */
    private quorumsim.core.TimerId finalizeTimer;

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

    /** Starts a new round voting for myself. */
    void start(Context ctx, long lastZxid, long currentEpoch) {
        round++;
        vote = new Vote(self, lastZxid, currentEpoch);
        received = new Vote[servers];
        outOfElection = new Notification[servers];
        received[self] = vote;
        finalizing = false;
        broadcast(ctx);
        checkAgreement(ctx, true);
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
            outOfElection(ctx, from, n);
            return;
        }
        outOfElection[from] = null;                               // it is looking again
        Vote theirs = new Vote(n.leader(), n.zxid(), n.epoch());
        boolean news = n.round() != round || !theirs.equals(received[from]);
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
        checkAgreement(ctx, news);
    }

    /**
     * A quorum agrees with my vote: wait for a better one. 3.3.6's lookForLeader polls for
     * finalizeWait again after every notification that names no better leader, so the wait
     * ends only after finalizeWait without a word. A peer's repeat of its last notification
     * does not start it over: 3.3.6 sends notifications again only after it heard nothing for
     * finalizeWait or more (notTimeout), which here is every half tick while looking.
     */
    private void checkAgreement(Context ctx, boolean news) {
        int agree = agreeing(vote);
        if (agree == servers) {                                   // everyone agrees: no need to wait
            decide(ctx, vote);
        } else if (quorums.isQuorum(agree) && (news || !finalizing)) {
            if (finalizing) {
                ctx.cancelTimer(finalizeTimer);
            }
            finalizing = true;
            finalizeTimer = ctx.setTimer(finalizeWaitNanos, new Timers.FinalizeElection(round));
        }
    }

    /** The finalize wait is over: decide if a quorum still agrees with my vote. */
    void onFinalize(Context ctx, Timers.FinalizeElection timer) {
        if (timer.round() != round) {
            return;
        }
        finalizing = false;
        if (quorums.isQuorum(agreeing(vote))) {
            decide(ctx, vote);
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

    /**
     * A FOLLOWING or LEADING server's notification (3.3's lookForLeader, case FOLLOWING/LEADING).
     * Of my round ({@code n.epoch == logicalclock}), it counts with my round's votes: "there is
     * at most one leader for each epoch", so a server LEADING in my round is the leader; so is
     * one that a quorum of my round names, if it said it leads. Of another round, it goes to
     * the out-of-election table: servers there naming one leader and epoch, confirmed by the
     * leader, are an ensemble to join, in its round, once they and I make a quorum. (3.3 wants
     * the quorum without me; but a leader still in discovery waits for exactly that quorum, and
     * without me it would wait out its initLimit while I vote for someone else.)
     */
    private void outOfElection(Context ctx, int from, Notification n) {
        outOfElection[from] = n;
        if (n.round() == round) {
            received[from] = new Vote(n.leader(), n.zxid(), n.epoch());
            if (n.state() == PeerState.LEADING || (quorums.isQuorum(naming(n.leader())) && checkLeader(n.leader()))) {
                decide(ctx, received[from]);
                return;
            }
        } else {
            received[from] = null;                                // no longer voting in my round
        }
        if (quorums.isQuorum(runningWith(n.leader(), n.epoch()) + 1) && checkLeader(n.leader())) {   // they and I
            round = n.round();
            decide(ctx, new Vote(n.leader(), n.zxid(), n.epoch()));
        }
    }

    /** This round's votes for {@code leader}, mine included. */
    private int naming(int leader) {
        int count = 0;
        for (Vote r : received) {
            if (r != null && r.leader() == leader) {
                count++;
            }
        }
        return count;
    }

    /** Servers out of the election (of any round) that follow or lead {@code leader} in {@code epoch}. */
    private int runningWith(int leader, long epoch) {
        int count = 0;
        for (Notification o : outOfElection) {
            if (o != null && o.leader() == leader && o.epoch() == epoch) {
                count++;
            }
        }
        return count;
    }

    /**
     * 3.3's checkLeader: "if everyone else thinks I'm the leader, I must be the leader"; any
     * other leader must have said that it leads.
     */
    private boolean checkLeader(int leader) {
        if (leader == self) {
            return true;
        }
        Notification word = outOfElection[leader];
        return word != null && word.state() == PeerState.LEADING;
    }

    private void decide(Context ctx, Vote decided) {
        vote = decided;
        finalizing = false;
        outcome.elected(ctx, decided.leader());
    }
}
