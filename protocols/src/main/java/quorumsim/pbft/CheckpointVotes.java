package quorumsim.pbft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import quorumsim.pbft.Messages.Checkpoint;

/**
 * The CHECKPOINTs for one sequence number: the latest from each replica, by replica id, and
 * how many name each state digest, counted as they arrive (the map is only looked up, never
 * iterated, so its order cannot reach a run).
 */
final class CheckpointVotes {
    private final Checkpoint[] bySender;
    private final HashMap<Long, Integer> perDigest = new HashMap<>();

    CheckpointVotes(int replicas) {
        this.bySender = new Checkpoint[replicas];
    }

    /** Stores {@code cp} as its replica's latest vote; returns how many votes now name its state digest. */
    int add(Checkpoint cp) {
        Checkpoint old = bySender[cp.replica()];
        if (old != null) {
            perDigest.merge(old.stateDigest(), -1, Integer::sum);
        }
        bySender[cp.replica()] = cp;
        return perDigest.merge(cp.stateDigest(), 1, Integer::sum);
    }

    /** The votes naming {@code stateDigest}, by replica id. */
    List<Checkpoint> naming(long stateDigest) {
        List<Checkpoint> votes = new ArrayList<>();
        for (Checkpoint vote : bySender) {
            if (vote != null && vote.stateDigest() == stateDigest) {
                votes.add(vote);
            }
        }
        return votes;
    }
}
