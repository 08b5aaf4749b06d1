package quorumsim.trace;

/**
 * A running 64-bit digest of the event sequence: kind, time, nodes, message type and size of
 * every send, delivery, drop, timer and fault. Cheap enough to leave on; equal digests mean
 * the same run. Type names enter through their string hash, which is stable across JVMs.
 */
public final class TraceDigest {
    private static final int CACHE_SLOTS = 64;

    private long state = 0x9E3779B97F4A7C15L;
    /** Recent type names and their hashes, by the name's own hash: names repeat, hashing them need not. */
    private final String[] cachedNames = new String[CACHE_SLOTS];
    private final long[] cachedHashes = new long[CACHE_SLOTS];
    private String lastName;
    private long lastHash;

    public void add(int kindCode, long timeNanos, int node, int peer, long typeHash, int sizeBytes) {
        long h = state;
        h = step(h, timeNanos);
        h = step(h, ((long) kindCode << 48) ^ ((long) node << 24) ^ (peer & 0xFFFFFFL));
        h = step(h, typeHash ^ ((long) sizeBytes << 32));
        state = h;
    }

    private static long step(long h, long value) {
        h ^= value;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    public long value() {
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    public String hex() {
        return String.format("%016x", value());
    }

    /** {@link #typeHash} of {@code name}, remembered for the names seen most recently. */
    public long typeHashCached(String name) {
        if (name == lastName) {
            return lastHash;
        }
        long hash = slotCached(name);
        lastName = name;
        lastHash = hash;
        return hash;
    }

    private long slotCached(String name) {
        int slot = name.hashCode() & (CACHE_SLOTS - 1);
        String cached = cachedNames[slot];
        if (cached == name || name.equals(cached)) {
            return cachedHashes[slot];
        }
        long hash = typeHash(name);
        cachedNames[slot] = name;
        cachedHashes[slot] = hash;
        return hash;
    }

    /** A stable hash of a type name. */
    public static long typeHash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
