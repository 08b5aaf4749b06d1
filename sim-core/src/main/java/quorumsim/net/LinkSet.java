package quorumsim.net;

import java.util.Arrays;

/**
 * A set of directed links ({@code from -> to}, kept in that order) that a fault cuts, as long
 * keys {@code from * nodes + to}: any number of nodes, and memory for the links in it only.
 */
public final class LinkSet {
    private final long nodes;
    /** Ascending, no repeats. */
    private final long[] keys;

    private LinkSet(long nodes, long[] keys) {
        this.nodes = nodes;
        this.keys = keys;
    }

    /** No links. */
    public static LinkSet empty(int nodes) {
        return new LinkSet(nodes, new long[0]);
    }

    /**
     * The links a partition into {@code groups} cuts: every link between two nodes of
     * different groups, both ways. Nodes in no group (clients, say) keep all their links.
     */
    public static LinkSet betweenGroups(int nodes, int[][] groups) {
        int[] members = Arrays.stream(groups).flatMapToInt(Arrays::stream).sorted().distinct().toArray();
        int[] groupOf = new int[members.length];
        Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            for (int node : groups[g]) {
                if (node < 0 || node >= nodes) {
                    throw new IllegalArgumentException("node " + node + " is not one of the " + nodes + " nodes");
                }
                int m = Arrays.binarySearch(members, node);
                if (groupOf[m] >= 0 && groupOf[m] != g) {
                    throw new IllegalArgumentException("node " + node + " is in two groups of the partition");
                }
                groupOf[m] = g;
            }
        }
        long[] keys = new long[countBetween(groupOf)];
        int k = 0;
        for (int a = 0; a < members.length; a++) {
            for (int b = 0; b < members.length; b++) {
                if (groupOf[a] != groupOf[b]) {
                    keys[k++] = (long) members[a] * nodes + members[b];
                }
            }
        }
        return new LinkSet(nodes, keys);
    }

    private static int countBetween(int[] groupOf) {
        long count = 0;
        for (int a : groupOf) {
            for (int b : groupOf) {
                if (a != b) {
                    count++;
                }
            }
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a partition of " + groupOf.length + " nodes cuts " + count
                    + " links, more than one fault can hold (2^31)");
        }
        return (int) count;
    }

    /** The links that isolate {@code node} from everyone, both ways. */
    public static LinkSet isolating(int nodes, int node) {
        long[] keys = new long[2 * (nodes - 1)];
        int k = 0;
        for (int other = 0; other < nodes; other++) {
            if (other < node) {
                keys[k++] = (long) other * nodes + node;
            }
        }
        for (int other = 0; other < nodes; other++) {
            if (other != node) {
                keys[k++] = (long) node * nodes + other;
            }
        }
        for (int other = node + 1; other < nodes; other++) {
            keys[k++] = (long) other * nodes + node;
        }
        return new LinkSet(nodes, keys);
    }

    /** The one directed link from -> to. */
    public static LinkSet oneWay(int nodes, int from, int to) {
        return new LinkSet(nodes, new long[] {(long) from * nodes + to});
    }

    /** The links in this set or in {@code other}. */
    public LinkSet or(LinkSet other) {
        long[] merged = new long[keys.length + other.keys.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < keys.length || j < other.keys.length) {
            long next;
            if (j == other.keys.length || (i < keys.length && keys[i] <= other.keys[j])) {
                next = keys[i++];
            } else {
                next = other.keys[j++];
            }
            if (k == 0 || merged[k - 1] != next) {
                merged[k++] = next;
            }
        }
        return new LinkSet(nodes, Arrays.copyOf(merged, k));
    }

    public int size() {
        return keys.length;
    }

    /** Something done to a directed link. */
    public interface LinkAction {
        void apply(int from, int to);
    }

    /** Calls {@code action} with each link, lowest {@code from} first, then lowest {@code to}. */
    public void forEach(LinkAction action) {
        for (long key : keys) {
            action.apply((int) (key / nodes), (int) (key % nodes));
        }
    }
}
