package quorumsim.pbft;

/**
 * PBFT's quorum arithmetic, in one place so an experiment on the quorum size changes it
 * everywhere. Every strong certificate is a quorum q: prepared needs q-1 matching prepares
 * from backups (with the pre-prepare, q replicas), committed-local q commits, a stable
 * checkpoint q, a new view q view changes, a client's tentative or read-only result q
 * replies. A weak certificate (f+1: client replies, joining a view change) only needs one
 * correct member, whatever n is. With n = 3f+1 and the default q = 2f+1 these are the paper's
 * 2f, 2f+1 and f+1.
 */
public record Quorums(int n, int f, int quorum) {
    public static Quorums of(PbftConfig config) {
        return new Quorums(config.n(), config.f(), config.quorum());
    }

    /**
     * The smallest quorum any two of which share a correct replica: two quorums of q among n
     * share at least 2q-n replicas, and at least one of them is correct when 2q-n >= f+1, so
     * q = ceil((n+f+1)/2). It is 2f+1 when n = 3f+1, and larger for every larger n: keeping
     * 2f+1 with n = 10, f = 1 lets two quorums of 3 share nobody. It is live too: the n-f
     * correct replicas are a quorum exactly when n >= 3f+1.
     */
    public static int intersecting(int n, int f) {
        return (n + f + 2) / 2;
    }

    /** Matching PREPAREs from different backups (own included) that, with the pre-prepare, make prepared. */
    public int prepares() {
        return quorum - 1;
    }

    /** Matching COMMITs (own included) for committed-local. */
    public int commits() {
        return quorum;
    }

    /** Matching CHECKPOINTs for a stable checkpoint. */
    public int checkpoint() {
        return quorum;
    }

    /** VIEW-CHANGEs (the new primary's own included) for a NEW-VIEW, and to start the new-view timer. */
    public int viewChanges() {
        return quorum;
    }

    /** f+1: enough that one of them is correct. */
    public int weak() {
        return f + 1;
    }

    /** Matching replies a client needs for a tentative or read-only result. */
    public int strongReplies() {
        return quorum;
    }

    public int primary(long view) {
        return (int) Math.floorMod(view, (long) n);
    }
}
