package quorumsim.zab.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ZooKeeper's replicated state: the znode tree and the open sessions. The leader turns calls
 * into transactions with {@link #prepare} (on its speculative copy); every server applies them
 * with {@link #apply} in zxid order; reads are answered by {@link #read}.
 */
public final class DataTree {
    /** A watch trigger: what changed at which path. */
    public record Change(String path, Event event) {
    }

    public enum Event {
        NODE_CREATED, NODE_DELETED, NODE_DATA_CHANGED, NODE_CHILDREN_CHANGED
    }

    private final TreeMap<String, Znode> nodes = new TreeMap<>();
    private final TreeMap<Long, Long> sessions = new TreeMap<>();
    private final List<Change> changes = new ArrayList<>();

    public DataTree() {
        nodes.put("/", new Znode());
    }

    public DataTree copy() {
        DataTree t = new DataTree();
        t.nodes.clear();
        for (Map.Entry<String, Znode> e : nodes.entrySet()) {
            t.nodes.put(e.getKey(), e.getValue().copy());
        }
        t.sessions.putAll(sessions);
        return t;
    }

    /** A stable text for traces (a SNAP sync carries the tree): the same tree prints the same in every run and JVM. */
    @Override
    public String toString() {
        return "DataTree[znodes=" + nodes.size() + ", sessions=" + sessions.size() + ", bytes=" + sizeBytes() + "]";
    }

    /** Bytes a snapshot of the tree takes on the wire. */
    public long sizeBytes() {
        long bytes = 64;
        for (Map.Entry<String, Znode> e : nodes.entrySet()) {
            bytes += 48 + e.getKey().length() + e.getValue().dataBytes;
        }
        return bytes + 16L * sessions.size();
    }

    public boolean hasSession(long sessionId) {
        return sessions.containsKey(sessionId);
    }

    /** Open sessions with their timeouts, by id. */
    public Map<Long, Long> sessions() {
        return java.util.Collections.unmodifiableMap(sessions);
    }

    /** Ephemeral nodes owned by the session, sorted. */
    public List<String> ephemerals(long sessionId) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Znode> e : nodes.entrySet()) {
            if (e.getValue().ephemeralOwner == sessionId) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the leader's prepare step

    /** The transaction the call becomes if it runs now, at {@code zxid}. Also applies it here. */
    public Txn prepare(Op op, long sessionId, long cxid, int origin, long zxid) {
        Txn txn = decide(op, sessionId, cxid, origin, zxid);
        apply(txn);
        return txn;
    }

    /**
     * A transaction the leader makes up itself, with no client and no session behind it (the
     * paper's benchmark of the atomic broadcast alone): an unconditional setData of an existing node.
     */
    public Txn prepareGenerated(String path, int dataBytes, long value, int origin, long zxid) {
        Znode node = nodes.get(path);
        if (node == null) {
            throw new IllegalStateException("a generated transaction sets " + path + ", which does not exist");
        }
        Txn txn = new Txn(zxid, Txn.Kind.SET_DATA, path, 0, value, origin, dataBytes, value, node.version + 1, false, null);
        apply(txn);
        return txn;
    }

    private Txn decide(Op op, long sessionId, long cxid, int origin, long zxid) {
        if (op.kind() == Op.Kind.CREATE_SESSION) {
            return new Txn(zxid, Txn.Kind.CREATE_SESSION, "", zxid, cxid, origin, 0, op.value(), 0, false, null);
        }
        if (!sessions.containsKey(sessionId)) {
            return error(zxid, sessionId, cxid, origin, Code.SESSION_EXPIRED);
        }
        switch (op.kind()) {
            case CLOSE_SESSION:
                return new Txn(zxid, Txn.Kind.CLOSE_SESSION, "", sessionId, cxid, origin, 0, 0, 0, false, null);
            case CREATE: {
                String parentPath = parent(op.path());
                Znode parent = nodes.get(parentPath);
                if (parent == null) {
                    return error(zxid, sessionId, cxid, origin, Code.NO_NODE);
                }
                if (parent.ephemeralOwner != 0) {
                    return error(zxid, sessionId, cxid, origin, Code.NO_CHILDREN_FOR_EPHEMERALS);
                }
                String path = op.sequential() ? op.path() + String.format("%010d", parent.sequence) : op.path();
                if (nodes.containsKey(path)) {
                    return error(zxid, sessionId, cxid, origin, Code.NODE_EXISTS);
                }
                return new Txn(zxid, Txn.Kind.CREATE, path, sessionId, cxid, origin, op.dataBytes(), op.value(), 0, op.ephemeral(), null);
            }
            case DELETE: {
                Znode node = nodes.get(op.path());
                if (node == null || op.path().equals("/")) {
                    return error(zxid, sessionId, cxid, origin, Code.NO_NODE);
                }
                if (op.version() != -1 && op.version() != node.version) {
                    return error(zxid, sessionId, cxid, origin, Code.BAD_VERSION);
                }
                if (!node.children.isEmpty()) {
                    return error(zxid, sessionId, cxid, origin, Code.NOT_EMPTY);
                }
                return new Txn(zxid, Txn.Kind.DELETE, op.path(), sessionId, cxid, origin, 0, 0, 0, false, null);
            }
            case SET_DATA: {
                Znode node = nodes.get(op.path());
                if (node == null) {
                    return error(zxid, sessionId, cxid, origin, Code.NO_NODE);
                }
                if (op.version() != -1 && op.version() != node.version) {
                    return error(zxid, sessionId, cxid, origin, Code.BAD_VERSION);
                }
                return new Txn(zxid, Txn.Kind.SET_DATA, op.path(), sessionId, cxid, origin, op.dataBytes(), op.value(), node.version + 1, false, null);
            }
            default:
                throw new IllegalStateException("prepare got a read: " + op);
        }
    }

    private static Txn error(long zxid, long sessionId, long cxid, int origin, Code code) {
        return new Txn(zxid, Txn.Kind.ERROR, "", sessionId, cxid, origin, 0, 0, 0, false, code);
    }

    // ---------------------------------------------------------------- every server's apply step

    /** Applies a committed transaction; returns what its caller gets. {@link #changes()} then lists the watch triggers. */
    public Result apply(Txn txn) {
        changes.clear();
        switch (txn.kind()) {
            case CREATE_SESSION:
                sessions.put(txn.sessionId(), txn.value());
                return new Result(Code.OK, "", txn.sessionId(), 0, 0, List.of());
            case CLOSE_SESSION:
                for (String path : ephemerals(txn.sessionId())) {
                    remove(path, txn.zxid());
                }
                sessions.remove(txn.sessionId());
                return Result.ok();
            case CREATE: {
                Znode node = new Znode();
                node.value = txn.value();
                node.dataBytes = txn.dataBytes();
                node.ephemeralOwner = txn.ephemeral() ? txn.sessionId() : 0;
                node.modifiedZxid = txn.zxid();
                Znode parent = nodes.get(parent(txn.path()));
                if (parent == null) {
                    throw new IllegalStateException("transaction " + txn + " creates a node whose parent does not exist: replicas diverged");
                }
                parent.children.add(name(txn.path()));
                parent.sequence++;
                parent.childrenZxid = txn.zxid();
                nodes.put(txn.path(), node);
                changes.add(new Change(txn.path(), Event.NODE_CREATED));
                changes.add(new Change(parent(txn.path()), Event.NODE_CHILDREN_CHANGED));
                return new Result(Code.OK, txn.path(), 0, 0, 0, List.of());
            }
            case DELETE:
                remove(txn.path(), txn.zxid());
                return Result.ok();
            case SET_DATA: {
                Znode node = nodes.get(txn.path());
                if (node == null) {
                    throw new IllegalStateException("transaction " + txn + " sets data of a missing node: replicas diverged");
                }
                node.value = txn.value();
                node.dataBytes = txn.dataBytes();
                node.version = txn.version();
                node.modifiedZxid = txn.zxid();
                changes.add(new Change(txn.path(), Event.NODE_DATA_CHANGED));
                return new Result(Code.OK, txn.path(), 0, 0, node.version, List.of());
            }
            case ERROR:
                return Result.error(txn.error());
            default:
                throw new IllegalStateException("unknown transaction " + txn);
        }
    }

    private void remove(String path, long zxid) {
        Znode node = nodes.remove(path);
        if (node == null) {
            throw new IllegalStateException("deleting missing node " + path + ": replicas diverged");
        }
        Znode parent = nodes.get(parent(path));
        if (parent != null) {
            parent.children.remove(name(path));
            parent.childrenZxid = zxid;
        }
        changes.add(new Change(path, Event.NODE_DELETED));
        changes.add(new Change(parent(path), Event.NODE_CHILDREN_CHANGED));
    }

    /** Watch triggers of the last {@link #apply}. */
    public List<Change> changes() {
        return changes;
    }

    // ---------------------------------------------------------------- reads

    public Result read(Op op) {
        Znode node = nodes.get(op.path());
        switch (op.kind()) {
            case EXISTS:
                return node == null ? Result.error(Code.NO_NODE) : new Result(Code.OK, op.path(), 0, 0, node.version, List.of());
            case GET_DATA:
                return node == null ? Result.error(Code.NO_NODE) : new Result(Code.OK, op.path(), node.value, node.dataBytes, node.version, List.of());
            case GET_CHILDREN:
                return node == null ? Result.error(Code.NO_NODE) : new Result(Code.OK, op.path(), 0, 0, node.version, List.copyOf(node.children));
            default:
                throw new IllegalStateException("read got a write: " + op);
        }
    }

    public boolean exists(String path) {
        return nodes.containsKey(path);
    }

    /** The zxid that last created the node or set its data (ZooKeeper's mzxid); the node must exist. */
    public long modifiedZxid(String path) {
        return nodes.get(path).modifiedZxid;
    }

    /** The zxid that last added or removed one of the node's children (ZooKeeper's pzxid); the node must exist. */
    public long childrenZxid(String path) {
        return nodes.get(path).childrenZxid;
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
