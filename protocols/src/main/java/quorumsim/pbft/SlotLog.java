package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;

/**
 * A replica's log: its slots between the water marks, h < n <= H = h + L, in an array indexed
 * by sequence number modulo its length (a power of two that grows, up to L rounded up, as
 * sequence numbers further from h are used). Looking a slot up costs the same at any n and
 * any length of run; the memory is bounded by the window L, whatever the run's length.
 * Walks go in sequence-number order, as the sorted map that came before did.
 */
final class SlotLog {
    private final int replicas;
    private final int window;
    private Slot[] ring = new Slot[16];
    /** h: every slot held has {@code base < seq <= base + window}. */
    private long base;
    /** The highest sequence number held, or {@link #base} when the log is empty. */
    private long highest;
    private int size;

    SlotLog(int replicas, int window) {
        this.replicas = replicas;
        this.window = window;
    }

    /** The slot of {@code seq}, or null. */
    Slot get(long seq) {
        if (seq <= base || seq > highest) {
            return null;
        }
        Slot slot = ring[index(seq)];
        return slot != null && slot.seq == seq ? slot : null;
    }

    /** The slot of {@code seq}, made empty if there is none; {@code seq} must be inside the window. */
    Slot slot(long seq) {
        Slot slot = get(seq);
        if (slot != null) {
            return slot;
        }
        if (seq <= base || seq > base + window) {
            throw new IllegalStateException("slot " + seq + " is outside the log window (" + base + ", " + (base + window) + "]");
        }
        if (seq - base > ring.length) {
            grow(seq - base);
        }
        slot = new Slot(seq, replicas);
        ring[index(seq)] = slot;
        size++;
        highest = Math.max(highest, seq);
        return slot;
    }

    int size() {
        return size;
    }

    /** True if a slot above {@code seq} is held. */
    boolean hasAbove(long seq) {
        return highest > seq;
    }

    /** Every slot, lowest sequence number first. */
    List<Slot> values() {
        return between(base, highest);
    }

    /** The slots at or below {@code seq}, lowest first. */
    List<Slot> through(long seq) {
        return between(base, Math.min(seq, highest));
    }

    /** The slots above {@code seq}, lowest first. */
    List<Slot> above(long seq) {
        return between(Math.max(seq, base), highest);
    }

    /** A new stable checkpoint at {@code seq}: the slots at or below it go, and the window moves up. */
    void discardThrough(long seq) {
        if (seq <= base) {
            return;
        }
        for (long s = base + 1; s <= Math.min(seq, highest); s++) {
            remove(s);
        }
        base = seq;
        highest = Math.max(highest, base);
    }

    /** Drops the slots above {@code seq}. */
    void discardAbove(long seq) {
        for (long s = Math.max(seq, base) + 1; s <= highest; s++) {
            remove(s);
        }
        long top = Math.min(highest, seq);
        while (top > base && !holds(top)) {
            top--;
        }
        highest = Math.max(top, base);
    }

    private List<Slot> between(long afterSeq, long throughSeq) {
        List<Slot> slots = new ArrayList<>();
        for (long s = afterSeq + 1; s <= throughSeq; s++) {
            if (holds(s)) {
                slots.add(ring[index(s)]);
            }
        }
        return slots;
    }

    private boolean holds(long seq) {
        Slot slot = ring[index(seq)];
        return slot != null && slot.seq == seq;
    }

    private void remove(long seq) {
        if (holds(seq)) {
            int i = index(seq);
            ring[i] = null;
            size--;
        }
    }

    private void grow(long span) {
        int length = ring.length;
        while (length < span) {
            length *= 2;
        }
        Slot[] bigger = new Slot[length];
        for (Slot slot : ring) {
            if (slot != null) {
                bigger[(int) (slot.seq & (length - 1))] = slot;
            }
        }
        ring = bigger;
    }

    private int index(long seq) {
        return (int) (seq & (ring.length - 1));
    }
}
