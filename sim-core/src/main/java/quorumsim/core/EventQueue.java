package quorumsim.core;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, seq): a 4-ary min-heap whose keys live in two
 * primitive arrays beside the events, so sifting compares longs instead of chasing objects.
 *
 * <p>Events added one right after another for the same instant (a multicast, every message
 * of a round on a constant-latency network) form a run: the first sits in the heap, the rest
 * hang off it in a chain through {@link Event#next}. Their seqs are consecutive, so no other
 * event can fall between them, and when the head of a run is polled its successor takes its
 * place at the top without a sift. The order is exactly (time, seq) either way.
 */
final class EventQueue {
    private Event[] events = new Event[1024];
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    /** Entries in the heap; chained events are not counted here. */
    private int heapSize;
    private int size;
    private long nextSeq;
    /** The event added last, while it is still queued: a new event at its time joins its run. */
    private Event lastAdded;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Event event) {
        long seq = nextSeq++;
        long time = event.time;
        event.seq = seq;
        event.next = null;
        size++;
        Event last = lastAdded;
        lastAdded = event;
        if (last != null && last.time == time) {
            last.next = event;
            return;
        }
        if (heapSize == events.length) {
            events = Arrays.copyOf(events, heapSize * 2);
            times = Arrays.copyOf(times, heapSize * 2);
            seqs = Arrays.copyOf(seqs, heapSize * 2);
        }
        Event[] es = events;
        long[] ts = times;
        long[] ss = seqs;
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = ts[parent];
            if (pt < time || (pt == time && ss[parent] < seq)) {
                break;
            }
            es[i] = es[parent];
            ts[i] = pt;
            ss[i] = ss[parent];
            i = parent;
        }
        es[i] = event;
        ts[i] = time;
        ss[i] = seq;
    }

    /** Visits every queued event, in no particular order. */
    void forEach(java.util.function.Consumer<Event> action) {
        for (int i = 0; i < heapSize; i++) {
            for (Event e = events[i]; e != null; e = e.next) {
                action.accept(e);
            }
        }
    }

    Event peek() {
        return size == 0 ? null : events[0];
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        size--;
        Event top = events[0];
        if (top == lastAdded) {
            lastAdded = null;
        }
        Event next = top.next;
        if (next != null) {
            top.next = null;
            events[0] = next;
            seqs[0] = next.seq;
            return top;
        }
        int last = --heapSize;
        Event lastEvent = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(lastEvent, times[last], seqs[last]);
        }
        return top;
    }

    private void siftDown(Event event, long time, long seq) {
        Event[] es = events;
        long[] ts = times;
        long[] ss = seqs;
        int n = heapSize;
        int i = 0;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bestTime = ts[first];
            long bestSeq = ss[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                long ct = ts[c];
                if (ct < bestTime || (ct == bestTime && ss[c] < bestSeq)) {
                    best = c;
                    bestTime = ct;
                    bestSeq = ss[c];
                }
            }
            if (time < bestTime || (time == bestTime && seq < bestSeq)) {
                break;
            }
            es[i] = es[best];
            ts[i] = bestTime;
            ss[i] = bestSeq;
            i = best;
        }
        es[i] = event;
        ts[i] = time;
        ss[i] = seq;
    }
}
