package quorumsim.zab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.zab.Chain;
import quorumsim.zab.Quorums;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Txn;

/** Zab's identifiers and counts: a zxid orders by epoch then counter; a chain digests a history in order; a quorum is a majority. */
class ZxidAndChainTest {
    @Test
    void aZxidIsTheEpochInTheHighHalfAndTheCounterInTheLowHalf() {
        long z = Zxid.of(3, 7);
        assertEquals(0x0000_0003_0000_0007L, z);
        assertEquals(3, Zxid.epoch(z));
        assertEquals(7, Zxid.counter(z));
        assertEquals("0x3:7", Zxid.show(z));
        assertEquals(0xffffffffL, Zxid.counter(Zxid.of(1, 0xffffffffL)));
        assertEquals(1, Zxid.epoch(Zxid.of(1, 0x1_0000_0005L)), "a counter past 32 bits does not spill into the epoch");
        assertEquals(5, Zxid.counter(Zxid.of(1, 0x1_0000_0005L)));
        assertEquals(0x8000_0000L, Zxid.epoch(Zxid.of(0x8000_0000L, 1)), "the epoch's top bit stays an epoch, not a sign");
        assertTrue(Zxid.of(2, 1) > Zxid.of(1, 0xffffffffL), "a later epoch orders after every zxid of an earlier one");
    }

    @Test
    void aChainDependsOnEveryTransactionAndTheirOrder() {
        Txn a = txn(Zxid.of(1, 1), 10);
        Txn b = txn(Zxid.of(1, 2), 20);
        long ab = Chain.extend(Chain.extend(0, a), b);
        assertEquals(ab, Chain.extend(Chain.extend(0, a), b), "deterministic");
        assertNotEquals(ab, Chain.extend(Chain.extend(0, b), a), "order matters");
        assertNotEquals(Chain.extend(0, a), Chain.extend(0, a.withValue(11)), "content matters");
        assertNotEquals(Chain.extend(0, a), Chain.extend(1, a), "the history before matters");
        assertNotEquals(0, Chain.extend(0, a));
    }

    @Test
    void aQuorumIsAMajorityUnlessOverridden() {
        assertEquals(2, Quorums.majority(3));
        assertEquals(3, Quorums.majority(4));
        assertEquals(3, Quorums.majority(5));
        Quorums q = new Quorums(5, 3);
        assertEquals(5, q.servers());
        assertEquals(3, q.size());
        assertFalse(q.isQuorum(2));
        assertTrue(q.isQuorum(3));
        assertTrue(q.isQuorum(5));
    }

    private static Txn txn(long zxid, long value) {
        return new Txn(zxid, Txn.Kind.SET_DATA, "/a", 1, 1, 0, 8, value, 1, false, null);
    }
}
