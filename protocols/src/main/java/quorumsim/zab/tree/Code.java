package quorumsim.zab.tree;

/** ZooKeeper's result codes, the ones this model can produce. */
public enum Code {
    OK, NO_NODE, NODE_EXISTS, BAD_VERSION, NOT_EMPTY, NO_CHILDREN_FOR_EPHEMERALS, SESSION_EXPIRED, CONNECTION_LOSS,
    /** A read-only server refused a write or a sync (ZooKeeper 3.4's NOTREADONLY): nothing was done. */
    NOT_READONLY
}
