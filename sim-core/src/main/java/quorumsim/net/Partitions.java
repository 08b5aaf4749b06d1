package quorumsim.net;

import java.util.BitSet;

/**
 * Which directed links are cut. Cuts are counted, so overlapping partitions heal
 * independently: a link carries traffic again only when every cut over it has healed.
 */
public final class Partitions {
    private final int nodes;
    private final short[] cuts;
    private int cutLinks;
    private LinkListener listener = (from, to) -> { };

    /** Told when a directed link that was cut carries traffic again (connections resend what they kept). */
    public interface LinkListener {
        void onHeal(int from, int to);
    }

    public Partitions(int nodes) {
        this.nodes = nodes;
        this.cuts = new short[nodes * nodes];
    }

    public void setListener(LinkListener listener) {
        this.listener = listener;
    }

    public boolean isCut(int from, int to) {
        return cutLinks != 0 && cuts[from * nodes + to] != 0;
    }

    public boolean anyCut() {
        return cutLinks != 0;
    }

    /** Cuts from -> to (one way). */
    public void cut(int from, int to) {
        if (cuts[from * nodes + to]++ == 0) {
            cutLinks++;
        }
    }

    public void restore(int from, int to) {
        int i = from * nodes + to;
        if (cuts[i] == 0) {
            throw new IllegalStateException("link " + from + "->" + to + " is not cut");
        }
        if (--cuts[i] == 0) {
            cutLinks--;
            listener.onHeal(from, to);
        }
    }

    /**
     * The links a partition into {@code groups} cuts: every link between two nodes of
     * different groups, both ways. Nodes in no group (clients, say) keep all their links.
     */
    public static BitSet linksBetweenGroups(int nodes, int[][] groups) {
        int[] groupOf = new int[nodes];
        java.util.Arrays.fill(groupOf, -1);
        for (int g = 0; g < groups.length; g++) {
            for (int node : groups[g]) {
                if (groupOf[node] >= 0 && groupOf[node] != g) {
                    throw new IllegalArgumentException("node " + node + " is in two groups of the partition");
                }
                groupOf[node] = g;
            }
        }
        BitSet links = new BitSet(nodes * nodes);
        for (int a = 0; a < nodes; a++) {
            for (int b = 0; b < nodes; b++) {
                if (groupOf[a] >= 0 && groupOf[b] >= 0 && groupOf[a] != groupOf[b]) {
                    links.set(a * nodes + b);
                }
            }
        }
        return links;
    }

    /** The links that isolate {@code node} from everyone, both ways. */
    public static BitSet linksIsolating(int nodes, int node) {
        BitSet links = new BitSet(nodes * nodes);
        for (int other = 0; other < nodes; other++) {
            if (other != node) {
                links.set(node * nodes + other);
                links.set(other * nodes + node);
            }
        }
        return links;
    }

    /** The one directed link from -> to. */
    public static BitSet oneWay(int nodes, int from, int to) {
        BitSet links = new BitSet(nodes * nodes);
        links.set(from * nodes + to);
        return links;
    }

    public void cutAll(BitSet links) {
        links.stream().forEach(i -> cut(i / nodes, i % nodes));
    }

    public void restoreAll(BitSet links) {
        links.stream().forEach(i -> restore(i / nodes, i % nodes));
    }
}
