package quorumsim.pbft;

/**
 * PBFT's quorum arithmetic, in one place so an experiment on the quorum size changes it
 * everywhere. With the defaults (quorum = 2f+1): prepared needs 2f matching prepares from
 * backups, committed-local 2f+1 commits, a stable checkpoint 2f+1, a new view 2f+1
 * view changes; a weak certificate (client replies, joining a view change) is f+1.
 */
public record Quorums(int n, int f, int quorum) {
    public static Quorums of(PbftConfig config) {
        return new Quorums(config.n(), config.f(), config.quorum());
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
