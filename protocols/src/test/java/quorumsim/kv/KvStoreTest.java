package quorumsim.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class KvStoreTest {
    @Test
    void operationsReturnWhatTheDocumentationSays() {
        KvStore kv = new KvStore();
        assertEquals("", kv.apply(Operation.get("a")));
        assertEquals("OK", kv.apply(Operation.put("a", "x")));
        assertEquals("x", kv.apply(Operation.get("a")));
        assertEquals("3", kv.apply(Operation.append("a", "yz")));
        assertEquals("5", kv.apply(Operation.increment("n", 5)));
        assertEquals("7", kv.apply(Operation.increment("n", 2)));
        assertEquals("4", kv.apply(Operation.increment("a", 4)), "a non-number counts as zero");
    }

    @Test
    void equalHistoriesGiveEqualDigests() {
        KvStore a = new KvStore();
        KvStore b = new KvStore();
        a.apply(Operation.put("k1", "v"));
        a.apply(Operation.put("k2", "w"));
        b.apply(Operation.put("k2", "w"));
        b.apply(Operation.put("k1", "v"));
        assertEquals(a.digest(), b.digest());
        KvStore c = a.copy();
        c.apply(Operation.append("k1", "!"));
        assertNotEquals(a.digest(), c.digest());
        assertEquals(b.digest(), a.digest(), "a copy is independent");
    }
}
