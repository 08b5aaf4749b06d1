package quorumsim.zab;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;
import quorumsim.zab.tree.DataTree;

/** What a leader keeps while it leads one epoch: who follows, what is outstanding, whose sessions live. */
final class Leadership {
    enum Phase { DISCOVERY, SYNC, BROADCAST }

    /** A forwarded sync waiting for the commit of the last proposal outstanding when it came. */
    record PendingSync(int origin, long sessionId, long cxid) {
    }

    Phase phase = Phase.DISCOVERY;
    /** The new epoch is on disk as accepted: NEWEPOCH may go out. */
    boolean epochOnDisk;
    /** A quorum acknowledged NEWLEADER: the epoch is being written as current. */
    boolean savingCurrentEpoch;
    long epoch;
    final long startedLocalNanos;
    /** FOLLOWERINFO received, by server: the follower's accepted epoch, or -1. */
    final long[] followerAcceptedEpoch;
    final boolean[] ackedEpoch;
    final boolean[] ackedNewLeader;
    /** Followers that get proposals and commits (synced or being synced). */
    final boolean[] forwarding;
    final long[] lastHeardLocalNanos;
    /** Proposals not yet committed, in zxid order, with who has acked them. */
    final TreeMap<Long, BitSet> outstanding = new TreeMap<>();
    final TreeMap<Long, List<PendingSync>> pendingSyncs = new TreeMap<>();
    /** Session expiry on the leader's clock, by session id. */
    final TreeMap<Long, Long> sessionExpiryLocalNanos = new TreeMap<>();
    /** The tree with every proposal applied: where the leader decides what a call becomes. */
    DataTree prepared;
    long nextCounter = 1;
    long closeCxid = 1;

    /** Members 0..voters-1 vote; the rest are observers, which take no part in any quorum. */
    final int voters;

    Leadership(int voters, int servers, long startedLocalNanos) {
        this.voters = voters;
        this.startedLocalNanos = startedLocalNanos;
        followerAcceptedEpoch = new long[servers];
        java.util.Arrays.fill(followerAcceptedEpoch, -1);
        ackedEpoch = new boolean[servers];
        ackedNewLeader = new boolean[servers];
        forwarding = new boolean[servers];
        lastHeardLocalNanos = new long[servers];
    }

    /** How many voters have the flag set (observers are never counted). */
    int countVoters(boolean[] flags) {
        int c = 0;
        for (int i = 0; i < voters; i++) {
            if (flags[i]) {
                c++;
            }
        }
        return c;
    }

    private int[] targets = new int[0];
    private int[] observerTargets = new int[0];

    void setForwarding(int follower, boolean on) {
        forwarding[follower] = on;
        List<Integer> out = new ArrayList<>();
        List<Integer> observing = new ArrayList<>();
        for (int i = 0; i < forwarding.length; i++) {
            if (forwarding[i]) {
                (i < voters ? out : observing).add(i);
            }
        }
        targets = out.stream().mapToInt(Integer::intValue).toArray();
        observerTargets = observing.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Observers that get INFORMs (synced or being synced). */
    int[] informTargets() {
        return observerTargets;
    }

    /** Followers (voters only) that get proposals and commits, as an array for multicast. */
    int[] forwardingTargets() {
        return targets;
    }
}
