package quorumsim.pbft.byzantine;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The faulty replicas acting as one: when a colluding primary equivocates, it records here
 * which correct backups got which digest, and the other colluders vote for each digest
 * towards the backups that got it.
 */
public final class Collusion {
    /** Who got what at one (view, seq). */
    public record Split(long view, long seq, long digestA, int[] groupA, long digestB, int[] groupB) {
    }

    private final TreeSet<Integer> members = new TreeSet<>();
    private final TreeMap<Long, TreeMap<Long, Split>> splits = new TreeMap<>();

    void join(int replica) {
        members.add(replica);
    }

    void leave(int replica) {
        members.remove(replica);
    }

    boolean isMember(int replica) {
        return members.contains(replica);
    }

    /** The correct backups of {@code primary} in id order, split in two halves. */
    int[][] groups(int n, int primary) {
        List<Integer> correct = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i != primary && !members.contains(i)) {
                correct.add(i);
            }
        }
        int half = correct.size() / 2;
        int[] a = correct.subList(0, half).stream().mapToInt(Integer::intValue).toArray();
        int[] b = correct.subList(half, correct.size()).stream().mapToInt(Integer::intValue).toArray();
        return new int[][] {a, b};
    }

    void record(Split split) {
        splits.computeIfAbsent(split.view(), v -> new TreeMap<>()).put(split.seq(), split);
        while (splits.size() > 4) {
            splits.pollFirstEntry();
        }
    }

    Split split(long view, long seq) {
        TreeMap<Long, Split> forView = splits.get(view);
        return forView == null ? null : forView.get(seq);
    }
}
