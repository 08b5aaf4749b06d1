package quorumsim.zab.tree;

import java.util.TreeSet;

/** One node of the tree: data (size and value), version, children, owner if ephemeral. */
final class Znode {
    long value;
    int dataBytes;
    int version;
    long ephemeralOwner;
    int sequence;
    long modifiedZxid;
    /** The zxid that last added or removed a child (ZooKeeper's pzxid). */
    long childrenZxid;
    final TreeSet<String> children = new TreeSet<>();

    Znode copy() {
        Znode z = new Znode();
        z.value = value;
        z.dataBytes = dataBytes;
        z.version = version;
        z.ephemeralOwner = ephemeralOwner;
        z.sequence = sequence;
        z.modifiedZxid = modifiedZxid;
        z.childrenZxid = childrenZxid;
        z.children.addAll(children);
        return z;
    }
}
