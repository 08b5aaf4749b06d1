package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.kv.Operation;

/**
 * The replicated service's state (OSDI'99 4.3: the key-value store and the last reply to each
 * client) and the undo log that tentative execution (section 5.1) rolls back in a view change.
 */
class ServiceStateTest {
    @Test
    void rollingBackUndoesTentativeWritesRepliesAndStampsNewestFirst() {
        ServiceState s = new ServiceState();
        s.execute(4, 0, 1, Operation.put("a", "1"), false);
        long committed = s.digest();
        assertFalse(s.hasUndo());

        s.execute(4, 0, 2, Operation.put("a", "2"), true);      // a reply to restore
        s.execute(5, 0, 1, Operation.put("b", "1"), true);      // a first reply: none to restore
        s.execute(5, 0, 2, Operation.put("a", "3"), true);      // a second write to the same key
        s.stamp("a", 77, true);
        assertTrue(s.hasUndo());
        assertEquals("3", s.read(Operation.get("a")));

        s.rollBack();
        assertFalse(s.hasUndo());
        assertEquals(committed, s.digest());
        assertEquals("1", s.read(Operation.get("a")));
        assertEquals("", s.read(Operation.get("b")));
        assertEquals("", s.read(Operation.get("a#modified")));
        assertEquals(new ServiceState.CachedReply(1, "OK"), s.lastReply(4, 0));
        assertNull(s.lastReply(5, 0));
    }

    @Test
    void committedExecutionsAreNotRolledBack() {
        ServiceState s = new ServiceState();
        s.execute(4, 0, 1, Operation.put("a", "1"), true);
        s.forgetUndo();
        assertFalse(s.hasUndo());
        s.rollBack();
        assertEquals("1", s.read(Operation.get("a")));
    }

    @Test
    void aStampIsStateNoClientReads() {
        ServiceState stamped = new ServiceState();
        ServiceState other = new ServiceState();
        stamped.stamp("a", 77, false);
        other.stamp("a", 78, false);
        assertFalse(stamped.hasUndo());
        assertEquals("77", stamped.read(Operation.get("a#modified")));
        assertEquals("", stamped.read(Operation.get("a")));
        assertTrue(stamped.digest() != other.digest());
    }

    @Test
    void aCheckpointCopiesOnlyCommittedState() {
        ServiceState s = new ServiceState();
        s.execute(4, 0, 1, Operation.put("a", "1"), false);
        ServiceState copy = s.copy();
        s.execute(4, 0, 2, Operation.put("a", "2"), false);
        assertEquals("1", copy.read(Operation.get("a")));
        assertEquals(new ServiceState.CachedReply(1, "OK"), copy.lastReply(4, 0));

        s.execute(4, 0, 3, Operation.put("a", "3"), true);
        assertThrows(IllegalStateException.class, s::copy);
    }

    @Test
    void aReadOnlyExecutionRefusesAWrite() {
        ServiceState s = new ServiceState();
        assertThrows(IllegalStateException.class, () -> s.read(Operation.put("a", "1")));
        assertEquals(0, s.sizeBytes());
    }

    @Test
    void printsTheSameInEveryRun() {
        ServiceState s = new ServiceState();
        s.execute(4, 0, 1, Operation.put("a", "1"), false);
        assertEquals(String.format("ServiceState[keys=1, replies=1, digest=%016x]", s.digest()), s.toString());
        assertEquals(s.toString(), s.copy().toString());
    }
}
