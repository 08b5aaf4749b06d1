package quorumsim.zab;

import java.util.Arrays;
import quorumsim.core.Context;
import quorumsim.zab.Messages.Notification;
import quorumsim.zab.Messages.PeerState;

/**
 * How an observer finds its leader. Observers take no part in elections (ZooKeeper 3.3.6: a
 * voter's FastLeaderElection.Messenger.WorkerReceiver answers a notification from a server
 * outside the voting view with its own vote and state and never counts it); an observer asks
 * the voters, and follows a server that says it leads, or the leader that a quorum of voters
 * out of the election name ({@code termPredicate} over {@code outofelection}).
 */
final class ObserverElection {
    private final Quorums quorums;
    /** Per voter: the leader it named while following or leading, or -1. */
    private final int[] named;

    ObserverElection(Quorums quorums) {
        this.quorums = quorums;
        this.named = new int[quorums.servers()];
        Arrays.fill(named, -1);
    }

    /** Starts looking: forget what the voters said, and ask them. */
    void start(Context ctx, long lastZxid, long epoch) {
        Arrays.fill(named, -1);
        ask(ctx, lastZxid, epoch);
    }

    /** Asks every voter for its vote (again, every half tick while looking). */
    void ask(Context ctx, long lastZxid, long epoch) {
        Notification n = new Notification(0, -1, lastZxid, epoch, PeerState.LOOKING);
        for (int voter = 0; voter < quorums.servers(); voter++) {
            ctx.send(voter, n);
        }
    }

    /** A voter's answer: the leader to follow now, or -1. */
    int onNotification(int from, Notification n) {
        if (from >= named.length) {
            return -1;
        }
        if (n.state() == PeerState.LEADING && n.leader() == from) {
            return from;
        }
        named[from] = n.state() == PeerState.FOLLOWING ? n.leader() : -1;
        int agree = 0;
        for (int leader : named) {
            agree += leader == n.leader() && leader >= 0 ? 1 : 0;
        }
        return quorums.isQuorum(agree) ? n.leader() : -1;
    }
}
