package quorumsim.zab.tree;

/**
 * An idempotent transaction: the leader has decided its whole effect (the sequential name, the
 * new version, or the error), so applying it needs no checks and gives the same tree everywhere.
 *
 * @param zxid      its place in the total order
 * @param kind      what it does
 * @param path      the znode (the final name for a sequential create)
 * @param sessionId the session that asked (the new session for CREATE_SESSION)
 * @param cxid      the client's call number
 * @param origin    the server the client talks to, which answers it
 * @param dataBytes data size
 * @param value     data value (the timeout in nanoseconds for CREATE_SESSION)
 * @param version   SET_DATA: the new version
 * @param ephemeral CREATE: owned by the session
 * @param error     ERROR: what the call gets back
 */
public record Txn(long zxid, Kind kind, String path, long sessionId, long cxid, int origin, int dataBytes, long value,
                  int version, boolean ephemeral, Code error) {
    public enum Kind {
        CREATE_SESSION, CLOSE_SESSION, CREATE, DELETE, SET_DATA, ERROR
    }

    public int sizeBytes() {
        return 40 + path.length() + dataBytes;
    }

    /** A digest of everything the transaction does, for the checkers' history chains. */
    public long digest() {
        long h = zxid * 0x9E3779B97F4A7C15L;
        h = mix(h, kind.ordinal());
        h = mix(h, path.hashCode());
        h = mix(h, sessionId);
        h = mix(h, cxid);
        h = mix(h, dataBytes);
        h = mix(h, value);
        h = mix(h, version);
        h = mix(h, ephemeral ? 1 : 0);
        return mix(h, error == null ? -1 : error.ordinal());
    }

    private static long mix(long h, long v) {
        h ^= v + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
        return h * 0xBF58476D1CE4E5B9L;
    }

    public Txn withZxid(long z) {
        return new Txn(z, kind, path, sessionId, cxid, origin, dataBytes, value, version, ephemeral, error);
    }

    public Txn withValue(long v) {
        return new Txn(zxid, kind, path, sessionId, cxid, origin, dataBytes, v, version, ephemeral, error);
    }
}
