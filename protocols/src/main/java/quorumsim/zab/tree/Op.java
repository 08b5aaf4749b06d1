package quorumsim.zab.tree;

/**
 * One call of the ZooKeeper API, as a client sends it. Data is modelled by its size and a
 * 64-bit value that stands for its content (so checkers can tell writes apart).
 *
 * @param kind      which call
 * @param path      the znode
 * @param dataBytes size of the data a create or setData carries
 * @param value     what the data stands for
 * @param version   expected version for setData and delete; -1 skips the check
 * @param ephemeral create: the node dies with the session
 * @param sequential create: the parent appends a 10-digit counter to the name
 * @param watch     exists, getData, getChildren: leave a one-time watch
 */
public record Op(Kind kind, String path, int dataBytes, long value, int version, boolean ephemeral, boolean sequential, boolean watch) {
    public Op {
        if (kind == null || path == null) {
            throw new IllegalArgumentException("an operation needs a kind and a path, got " + kind + " on " + path);
        }
    }

    public enum Kind {
        CREATE, DELETE, SET_DATA, EXISTS, GET_DATA, GET_CHILDREN, SYNC, CREATE_SESSION, CLOSE_SESSION;

        /** Writes change the tree and go through the leader; the others are answered locally (sync: after the leader). */
        public boolean isWrite() {
            return this == CREATE || this == DELETE || this == SET_DATA || this == CREATE_SESSION || this == CLOSE_SESSION;
        }

        /** The metrics kind: "read", "write", "sync" or "session". */
        public String metricKind() {
            if (this == SYNC) {
                return "sync";
            }
            if (this == CREATE_SESSION || this == CLOSE_SESSION) {
                return "session";
            }
            return isWrite() ? "write" : "read";
        }
    }

    public static Op create(String path, int dataBytes, long value, boolean ephemeral, boolean sequential) {
        return new Op(Kind.CREATE, path, dataBytes, value, -1, ephemeral, sequential, false);
    }

    public static Op delete(String path, int version) {
        return new Op(Kind.DELETE, path, 0, 0, version, false, false, false);
    }

    public static Op setData(String path, int dataBytes, long value, int version) {
        return new Op(Kind.SET_DATA, path, dataBytes, value, version, false, false, false);
    }

    public static Op exists(String path, boolean watch) {
        return new Op(Kind.EXISTS, path, 0, 0, -1, false, false, watch);
    }

    public static Op getData(String path, boolean watch) {
        return new Op(Kind.GET_DATA, path, 0, 0, -1, false, false, watch);
    }

    public static Op getChildren(String path, boolean watch) {
        return new Op(Kind.GET_CHILDREN, path, 0, 0, -1, false, false, watch);
    }

    public static Op sync(String path) {
        return new Op(Kind.SYNC, path, 0, 0, -1, false, false, false);
    }

    public static Op createSession(long timeoutNanos) {
        return new Op(Kind.CREATE_SESSION, "", 0, timeoutNanos, -1, false, false, false);
    }

    public static Op closeSession() {
        return new Op(Kind.CLOSE_SESSION, "", 0, 0, -1, false, false, false);
    }

    public int sizeBytes() {
        return 16 + path.length() + dataBytes;
    }
}
