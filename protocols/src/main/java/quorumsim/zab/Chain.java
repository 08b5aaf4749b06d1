package quorumsim.zab;

import quorumsim.zab.tree.Txn;

/** The digest of a whole applied history: two servers with equal chains applied the same transactions in the same order. */
public final class Chain {
    private Chain() {
    }

    public static long extend(long chain, Txn txn) {
        long h = chain ^ txn.digest();
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
