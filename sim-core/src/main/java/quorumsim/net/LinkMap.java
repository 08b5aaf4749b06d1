package quorumsim.net;

import java.util.Arrays;

/**
 * A value per link (a directed or unordered pair of nodes, as one {@code long} key), for the
 * links a run uses only: open addressing over primitive arrays, so a run of 100,000 clients
 * that each talk to a few servers holds a few hundred thousand entries, not 10^10. A link
 * never stored reads as the default value. Looked up and written only; the one walk
 * ({@link #resetFrom}) writes the same value everywhere, so the table's order never reaches a
 * run.
 */
final class LinkMap {
    private static final long FREE = -1;

    private final long nodes;
    private final long absent;
    private long[] keys = new long[16];
    private long[] values = new long[16];
    private int size;

    /** A map over links between {@code nodes} nodes in which a link not stored reads {@code absent}. */
    LinkMap(int nodes, long absent) {
        this.nodes = nodes;
        this.absent = absent;
        Arrays.fill(keys, FREE);
    }

    /** The key of the directed link {@code from -> to}. */
    long key(int from, int to) {
        return from * nodes + to;
    }

    long get(long key) {
        int i = find(key);
        return keys[i] == key ? values[i] : absent;
    }

    void put(long key, long value) {
        int i = find(key);
        if (keys[i] != key) {
            if (value == absent) {
                return;                                                   // reads so already
            }
            keys[i] = key;
            if (++size * 2 > keys.length) {
                values[i] = value;
                grow();
                return;
            }
        }
        values[i] = value;
    }

    /** Sets every link from {@code from} back to the default value. */
    void resetFrom(int from) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE && keys[i] / nodes == from) {
                values[i] = absent;
            }
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int j = find(oldKeys[i]);
                keys[j] = oldKeys[i];
                values[j] = oldValues[i];
            }
        }
    }
}
