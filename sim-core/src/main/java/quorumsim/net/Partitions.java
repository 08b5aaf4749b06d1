package quorumsim.net;

/**
 * Which directed links are cut. Cuts are counted, so overlapping partitions heal
 * independently: a link carries traffic again only when every cut over it has healed.
 * Only cut links take memory ({@link LinkMap}): any number of nodes.
 */
public final class Partitions {
    private final LinkMap cuts;
    private int cutLinks;
    private LinkListener listener = (from, to) -> { };

    /** Told when a directed link that was cut carries traffic again (connections resend what they kept). */
    public interface LinkListener {
        void onHeal(int from, int to);
    }

    public Partitions(int nodes) {
        this.cuts = new LinkMap(nodes, 0);
    }

    public void setListener(LinkListener listener) {
        this.listener = listener;
    }

    public boolean isCut(int from, int to) {
        return cutLinks != 0 && cuts.get(cuts.key(from, to)) != 0;
    }

    public boolean anyCut() {
        return cutLinks != 0;
    }

    /** Cuts from -> to (one way). */
    public void cut(int from, int to) {
        long link = cuts.key(from, to);
        long count = cuts.get(link);
        cuts.put(link, count + 1);
        if (count == 0) {
            cutLinks++;
        }
    }

    public void restore(int from, int to) {
        long link = cuts.key(from, to);
        long count = cuts.get(link);
        if (count == 0) {
            throw new IllegalStateException("link " + from + "->" + to + " is not cut");
        }
        cuts.put(link, count - 1);
        if (count == 1) {
            cutLinks--;
            listener.onHeal(from, to);
        }
    }

    public void cutAll(LinkSet links) {
        links.forEach(this::cut);
    }

    public void restoreAll(LinkSet links) {
        links.forEach(this::restore);
    }
}
