package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.pbft.Messages.Vote;

/**
 * One slot's PREPAREs or COMMITs: the latest from each replica, by replica id, and how many of
 * them match the slot's pre-prepare (its view and digest, from any replica but an excluded
 * one). The count moves with each vote stored, so a quorum costs O(1) per message to check;
 * only a new pre-prepare for the slot ({@link #matchOnly}) counts again, once per slot and view.
 */
final class Votes<V extends Vote> {
    private final Vote[] bySender;
    private boolean targeted;
    private long view;
    private long digest;
    private int excluded = -1;
    private int matching;

    Votes(int replicas) {
        this.bySender = new Vote[replicas];
    }

    /** The latest vote from {@code replica}, or null. */
    @SuppressWarnings("unchecked")
    V get(int replica) {
        return (V) bySender[replica];
    }

    /** Stores {@code vote} as {@code replica}'s latest (replacing an earlier one). */
    void put(int replica, V vote) {
        Vote old = bySender[replica];
        if (old != null && matches(replica, old)) {
            matching--;
        }
        bySender[replica] = vote;
        if (matches(replica, vote)) {
            matching++;
        }
    }

    /** From now on, votes match when they are for {@code view} and {@code digest} and not from {@code excluded}. */
    void matchOnly(long matchView, long matchDigest, int excludedReplica) {
        targeted = true;
        view = matchView;
        digest = matchDigest;
        excluded = excludedReplica;
        matching = 0;
        for (int i = 0; i < bySender.length; i++) {
            if (bySender[i] != null && matches(i, bySender[i])) {
                matching++;
            }
        }
    }

    /** How many stored votes match. */
    int matching() {
        return matching;
    }

    /** The matching votes, by replica id. */
    @SuppressWarnings("unchecked")
    List<V> matchingVotes() {
        List<V> votes = new ArrayList<>(matching);
        for (int i = 0; i < bySender.length; i++) {
            if (bySender[i] != null && matches(i, bySender[i])) {
                votes.add((V) bySender[i]);
            }
        }
        return votes;
    }

    private boolean matches(int replica, Vote vote) {
        return targeted && vote.view() == view && vote.digest() == digest && replica != excluded;
    }
}
