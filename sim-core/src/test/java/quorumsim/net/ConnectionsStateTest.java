package quorumsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Connection state for any number of nodes, for the pairs in use only. */
class ConnectionsStateTest {
    @Test
    void pairsPastFortySixThousandNodesKeepTheirOwnState() {
        Connections.State state = new Connections.State(100_000);
        state.open(99_999, 3, 50_000, 7);
        assertTrue(state.isOpen(99_999, 3, 50_000, 7) && state.isOpen(50_000, 7, 99_999, 3));
        assertFalse(state.holds(42_949, 67_296), "a pair never used holds nothing");
        state.breakAt(50_000, 99_999, 1_000);
        assertEquals(1, state.generation(99_999, 50_000));
        assertTrue(state.isDown(99_999, 50_000, 999) && !state.isDown(99_999, 50_000, 1_000));
        assertFalse(state.holds(99_999, 50_000));
        assertTrue(state.claimNotice(99_999, 50_000, 3) && !state.claimNotice(99_999, 50_000, 3));
        state.noticeDelivered(99_999, 50_000, 3);
        assertTrue(state.claimNotice(99_999, 50_000, 3));
    }

    @Test
    void aCrashForgetsEveryConnectionOfItsNodeAndNoOther() {
        Connections.State state = new Connections.State(70_000);
        for (int peer = 0; peer < 100; peer++) {
            state.open(65_000, 0, peer, 0);
        }
        state.open(1, 0, 2, 0);
        state.forgetAll(65_000);
        for (int peer = 0; peer < 100; peer++) {
            assertFalse(state.holds(65_000, peer));
            assertTrue(state.holds(peer, 65_000), "its peers still hold theirs");
        }
        assertTrue(state.isOpen(1, 0, 2, 0));
    }
}
