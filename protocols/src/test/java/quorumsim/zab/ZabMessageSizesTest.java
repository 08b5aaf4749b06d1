package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/**
 * The bytes each Zab and ZooKeeper message takes on the wire, which the network and the NICs
 * charge: a 32-byte header, 8 bytes per zxid, epoch, session or counter, and the operation,
 * transaction, result, paths or tree it carries.
 */
class ZabMessageSizesTest {
    private static final Op CREATE = Op.create("/a", 100, 0, false, false);                  // 16 + 2 + 100
    private static final Txn TXN = new Txn(Zxid.of(1, 1), Txn.Kind.CREATE, "/a", 7, 1, 0, 100, 0, 0, false, null);  // 40 + 2 + 100

    @Test
    void clientMessages() {
        assertEquals(118, CREATE.sizeBytes());
        assertEquals(32 + 24, new Messages.Connect(7, 0, 1_000_000_000L).sizeBytes());
        assertEquals(32 + 10, new Messages.Connected(7, true, false).sizeBytes());
        assertEquals(32, new Messages.IsReadOnly().sizeBytes());
        assertEquals(32 + 2, new Messages.IsReadOnlyAnswer(true).sizeBytes());
        assertEquals(32 + 118, new Messages.Request(7, 1, CREATE).sizeBytes());
        Result result = new Result(Code.OK, "/a", 0, 10, 0, List.of("x", "yz"));             // 16 + 2 + 10 + 5 + 6
        assertEquals(32 + 8 + 39, new Messages.Reply(1, Zxid.of(1, 1), result).sizeBytes());
        assertEquals(32 + 4 + 12, new Messages.WatchEvent("/abc", DataTree.Event.NODE_CREATED, 5).sizeBytes());
        assertEquals(32 + 8 + 6 + 7 + 8, new Messages.SetWatches(0, List.of("/a"), List.of("/bb"), List.of("/ccc")).sizeBytes());
        assertEquals(32 + 8, new Messages.ClientPing(7).sizeBytes());
        assertEquals(32 + 8, new Messages.ClientPong(5).sizeBytes());
        assertEquals(32 + 8, new Messages.Close(7).sizeBytes());
        assertEquals(32, new Messages.Disconnect("not serving").sizeBytes());
    }

    @Test
    void electionAndDiscovery() {
        assertEquals(32 + 32, new Messages.Notification(1, 2, 0, 1, Messages.PeerState.LOOKING).sizeBytes());
        assertEquals(32 + 16, new Messages.FollowerInfo(1, 0).sizeBytes());
        assertEquals(32, new Messages.FollowerInfoRefused().sizeBytes());
        assertEquals(32 + 8, new Messages.NewEpoch(2).sizeBytes());
        assertEquals(32 + 16, new Messages.AckEpoch(1, 0).sizeBytes());
    }

    @Test
    void synchronizationCarriesTheTransactionsOrTheSnapshot() {
        assertEquals(142, TXN.sizeBytes());
        assertEquals(32 + 32 + 2 * 142, new Messages.Sync(2, Messages.SyncKind.DIFF, 0, null, List.of(TXN, TXN), 0).sizeBytes());
        DataTree tree = new DataTree();
        Messages.Snapshot snapshot = new Messages.Snapshot(0, tree, 0);
        assertEquals(32 + 32 + tree.sizeBytes(), new Messages.Sync(2, Messages.SyncKind.SNAP, 0, snapshot, List.of(), 0).sizeBytes());
        assertEquals(32 + 16, new Messages.AckNewLeader(2, 0).sizeBytes());
        assertEquals(32 + 16, new Messages.UpToDate(2, 0).sizeBytes());
    }

    @Test
    void broadcast() {
        assertEquals(32 + 20 + 118, new Messages.Forward(1, 7, 1, CREATE).sizeBytes());
        assertEquals(32 + 142, new Messages.Proposal(1, TXN).sizeBytes());
        assertEquals(32 + 16, new Messages.Ack(1, Zxid.of(1, 1)).sizeBytes());
        assertEquals(32 + 16, new Messages.Commit(1, Zxid.of(1, 1)).sizeBytes());
        assertEquals(32 + 8 + 142, new Messages.Inform(1, TXN).sizeBytes());
        assertEquals(32 + 24, new Messages.SyncDone(7, 1, Zxid.of(1, 1)).sizeBytes());
        assertEquals(32 + 8, new Messages.LeaderPing(1).sizeBytes());
        assertEquals(32 + 8 + 3 * 8, new Messages.FollowerPing(1, List.of(7L, 8L, 9L)).sizeBytes());
        assertEquals(32 + 12, new Messages.Revalidate(5, 7).sizeBytes());
        assertEquals(32 + 13, new Messages.Revalidated(5, 7, true).sizeBytes());
    }
}
