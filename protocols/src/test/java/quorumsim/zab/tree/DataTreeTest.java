package quorumsim.zab.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The znode tree: the leader's prepare decides, every server's apply obeys. */
class DataTreeTest {
    private final DataTree tree = new DataTree();
    private long zxid = 1;

    private Txn run(Op op, long session) {
        return tree.prepare(op, session, zxid, 0, zxid++);
    }

    private long session() {
        return run(Op.createSession(1_000), 0).sessionId();
    }

    @Test
    void versionsGuardConditionalUpdates() {
        long s = session();
        run(Op.create("/a", 3, 1, false, false), s);
        assertEquals(Txn.Kind.SET_DATA, run(Op.setData("/a", 3, 2, 0), s).kind());
        assertEquals(Code.BAD_VERSION, run(Op.setData("/a", 3, 3, 0), s).error());
        assertEquals(Txn.Kind.SET_DATA, run(Op.setData("/a", 3, 4, -1), s).kind());
        Result r = tree.read(Op.getData("/a", false));
        assertEquals(4, r.value());
        assertEquals(2, r.version());
        assertEquals(Code.BAD_VERSION, run(Op.delete("/a", 0), s).error());
        assertEquals(Txn.Kind.DELETE, run(Op.delete("/a", 2), s).kind());
        assertFalse(tree.exists("/a"));
    }

    @Test
    void sequentialNodesGetATenDigitCounterFromTheirParent() {
        long s = session();
        run(Op.create("/q", 0, 0, false, false), s);
        assertEquals("/q/n-0000000000", run(Op.create("/q/n-", 0, 0, false, true), s).path());
        assertEquals("/q/n-0000000001", run(Op.create("/q/n-", 0, 0, false, true), s).path());
        assertEquals(List.of("n-0000000000", "n-0000000001"), tree.read(Op.getChildren("/q", false)).children());
    }

    @Test
    void ephemeralNodesDieWithTheirSessionAndHaveNoChildren() {
        long s = session();
        run(Op.create("/e", 0, 0, true, false), s);
        assertEquals(Code.NO_CHILDREN_FOR_EPHEMERALS, run(Op.create("/e/c", 0, 0, false, false), s).error());
        assertEquals(List.of("/e"), tree.ephemerals(s));
        run(Op.closeSession(), s);
        assertFalse(tree.exists("/e"));
        assertEquals(Code.SESSION_EXPIRED, run(Op.create("/f", 0, 0, false, false), s).error());
    }

    @Test
    void errorsAreTransactionsToo() {
        long s = session();
        assertEquals(Code.NO_NODE, run(Op.create("/missing/child", 0, 0, false, false), s).error());
        run(Op.create("/p", 0, 0, false, false), s);
        assertEquals(Code.NODE_EXISTS, run(Op.create("/p", 0, 0, false, false), s).error());
        run(Op.create("/p/c", 0, 0, false, false), s);
        assertEquals(Code.NOT_EMPTY, run(Op.delete("/p", -1), s).error());
        assertTrue(tree.exists("/p/c"));
    }
}
