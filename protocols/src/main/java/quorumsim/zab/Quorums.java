package quorumsim.zab;

/**
 * Zab's quorum arithmetic: a majority of the servers, unless an experiment overrides it.
 * Every "enough servers agree" decision in the package asks this class.
 */
public final class Quorums {
    private final int servers;
    private final int quorum;

    public Quorums(int servers, int quorum) {
        this.servers = servers;
        this.quorum = quorum;
    }

    public static int majority(int servers) {
        return servers / 2 + 1;
    }

    public int servers() {
        return servers;
    }

    public int size() {
        return quorum;
    }

    /** Enough servers to elect a leader, establish an epoch, or commit a proposal. */
    public boolean isQuorum(int count) {
        return count >= quorum;
    }
}
