package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The log indexed by sequence number in its window answers as the sorted map it replaced. */
class SlotLogTest {
    private static List<Long> seqs(List<Slot> slots) {
        return slots.stream().map(s -> s.seq).toList();
    }

    @Test
    void walksGoInSequenceOrderAndStopAtTheirBounds() {
        SlotLog log = new SlotLog(4, 256);
        for (long seq : new long[] {40, 3, 17, 200, 1}) {
            log.slot(seq);
        }
        assertEquals(List.of(1L, 3L, 17L, 40L, 200L), seqs(log.values()));
        assertEquals(List.of(1L, 3L, 17L), seqs(log.through(39)));
        assertEquals(List.of(40L, 200L), seqs(log.above(17)));
        assertTrue(log.hasAbove(199));
        assertFalse(log.hasAbove(200));
        assertEquals(5, log.size());
    }

    @Test
    void aStableCheckpointDiscardsTheSlotsAtOrBelowItAndMovesTheWindow() {
        SlotLog log = new SlotLog(4, 256);
        Slot kept = log.slot(129);
        log.slot(128);
        log.slot(5);
        log.discardThrough(128);
        assertNull(log.get(128));
        assertNull(log.get(5));
        assertSame(kept, log.get(129));
        assertEquals(1, log.size());
        log.slot(128 + 256);                                              // H = h + L is inside
        assertThrows(IllegalStateException.class, () -> log.slot(128 + 257));
        assertThrows(IllegalStateException.class, () -> log.slot(128));
    }

    @Test
    void discardingAboveASequenceNumberLeavesTheHighestHeldExact() {
        SlotLog log = new SlotLog(4, 256);
        log.slot(2);
        log.slot(5);
        log.slot(9);
        log.discardAbove(3);
        assertEquals(List.of(2L), seqs(log.values()));
        assertFalse(log.hasAbove(2));
        assertTrue(log.hasAbove(1));
    }

    @Test
    void randomUseAgreesWithASortedMap() {
        Random random = new Random(7);
        SlotLog log = new SlotLog(4, 300);
        TreeMap<Long, Slot> reference = new TreeMap<>();
        long h = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            long seq = h + 1 + random.nextInt(300);
            if (op < 6) {
                Slot slot = log.slot(seq);
                Slot expected = reference.computeIfAbsent(seq, s -> slot);
                assertSame(expected, slot);
            } else if (op < 7) {
                h += random.nextInt(150);
                log.discardThrough(h);
                reference.headMap(h, true).clear();
            } else if (op < 8) {
                log.discardAbove(seq);
                reference.tailMap(seq, false).clear();
            } else {
                assertSame(reference.get(seq), log.get(seq));
                assertEquals(!reference.tailMap(seq, false).isEmpty(), log.hasAbove(seq));
                assertEquals(List.copyOf(reference.headMap(seq, true).values()), log.through(seq));
                assertEquals(List.copyOf(reference.tailMap(seq, false).values()), log.above(seq));
            }
            assertEquals(reference.size(), log.size());
            assertEquals(List.copyOf(reference.values()), log.values());
        }
    }
}
