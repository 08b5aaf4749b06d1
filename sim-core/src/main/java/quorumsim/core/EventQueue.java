package quorumsim.core;

import java.util.Arrays;

/**
 * The pending events, ordered by (time, seq), in three tiers (a ladder queue with one rung):
 *
 * <ul>
 *   <li>the <b>near future</b>, every event before {@code boundary}: a 4-ary min-heap whose keys
 *       live in two primitive arrays beside the events, so sifting compares longs instead of
 *       chasing objects;</li>
 *   <li>the <b>buckets</b>, {@code [bucketsStart, bucketsEnd)} cut into equal spans of
 *       {@code 2^shift} ns, each an unsorted list; when the heap runs dry, the next non-empty
 *       bucket moves into it and {@code boundary} moves to that bucket's end;</li>
 *   <li>the <b>top</b>, everything later, an unsorted list; when the buckets run out it is cut
 *       into new buckets sized from its own span and count (a few events per bucket).</li>
 * </ul>
 *
 * <p>Every heap event is before {@code boundary}, every bucket event from it on and before
 * {@code bucketsEnd}, every top event from there on: the heap's top is the earliest event, and
 * the heap stays about one bucket big, however many events are pending (two million at
 * n = 1000). A heap grown past its limit (buckets sized from an unrepresentative top) is cut
 * into buckets again with everything else.
 *
 * <p>Events added one right after another for the same instant (a multicast, every message
 * of a round on a constant-latency network) form a run: the first sits in a tier, the rest
 * hang off it in a chain through {@link Event#next}. Their seqs are consecutive, so no other
 * event can fall between them, and when the head of a run is polled its successor takes its
 * place at the top without a sift. The order is exactly (time, seq) either way.
 */
final class EventQueue {
    /** Events per bucket a cut aims at: a heap of a few events sifts in a level or two. */
    static final int EVENTS_PER_BUCKET = 4;
    static final int MAX_BUCKETS = 1 << 22;
    static final int MIN_HEAP_LIMIT = 4096;

    private Event[] events = new Event[1024];
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    /** Entries in the heap; chained events are not counted here. */
    private int heapSize;
    /** Past this size the heap is cut into buckets again (see {@link #recut}). */
    private int heapLimit = MIN_HEAP_LIMIT;
    private long boundary;

    /** Bucket lists (through {@link Event#link}); buckets before {@code nextBucket} are empty. */
    private Event[] buckets = new Event[0];
    private int bucketCount;
    private int nextBucket;
    private long bucketsStart;
    private long bucketsEnd;
    private int shift;

    private Event top;
    private int topCount;
    private long topMin = Long.MAX_VALUE;
    private long topMax = Long.MIN_VALUE;

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
        place(event, time);
    }

    /** Puts the head of a run into the tier its time belongs to. */
    private void place(Event event, long time) {
        if (time < boundary) {
            heapAdd(event, time, event.seq);
            if (heapSize > heapLimit) {
                recut();
            }
        } else if (time < bucketsEnd) {
            int b = (int) ((time - bucketsStart) >>> shift);
            event.link = buckets[b];
            buckets[b] = event;
        } else {
            event.link = top;
            top = event;
            topCount++;
            topMin = Math.min(topMin, time);
            topMax = Math.max(topMax, time);
        }
    }

    /** Visits every queued event, in no particular order. */
    void forEach(java.util.function.Consumer<Event> action) {
        for (int i = 0; i < heapSize; i++) {
            visitRun(events[i], action);
        }
        for (int b = nextBucket; b < bucketCount; b++) {
            for (Event e = buckets[b]; e != null; e = e.link) {
                visitRun(e, action);
            }
        }
        for (Event e = top; e != null; e = e.link) {
            visitRun(e, action);
        }
    }

    private static void visitRun(Event head, java.util.function.Consumer<Event> action) {
        for (Event e = head; e != null; e = e.next) {
            action.accept(e);
        }
    }

    Event peek() {
        if (heapSize == 0 && !refill()) {
            return null;
        }
        return events[0];
    }

    Event poll() {
        if (heapSize == 0 && !refill()) {
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

    /**
     * Moves the next non-empty bucket into the (empty) heap, cutting the top into new buckets
     * when the buckets have run out. Returns false when nothing is queued.
     */
    private boolean refill() {
        if (size == 0) {
            return false;
        }
        while (true) {
            while (nextBucket < bucketCount) {
                int b = nextBucket++;
                Event list = buckets[b];
                if (list != null) {
                    buckets[b] = null;
                    boundary = bucketsStart + ((long) (b + 1) << shift);
                    for (Event e = list; e != null; ) {
                        Event following = e.link;
                        e.link = null;
                        heapAdd(e, e.time, e.seq);
                        e = following;
                    }
                    return true;
                }
            }
            Event all = top;
            top = null;
            cut(all, topCount, topMin, topMax);
        }
    }

    /**
     * The heap outgrew its limit: every queued run goes back into new buckets, sized from the
     * whole queue. The limit then grows with what stays in the heap, so a burst that no cut
     * can spread (many events at one instant) costs one cut, not one per add.
     */
    private void recut() {
        Event all = top;
        int count = topCount;
        long min = topMin;
        long max = topMax;
        for (int b = nextBucket; b < bucketCount; b++) {
            for (Event e = buckets[b]; e != null; ) {
                Event following = e.link;
                e.link = all;
                all = e;
                count++;
                min = Math.min(min, e.time);
                max = Math.max(max, e.time);
                e = following;
            }
            buckets[b] = null;
        }
        for (int i = 0; i < heapSize; i++) {
            Event e = events[i];
            events[i] = null;
            e.link = all;
            all = e;
            count++;
            min = Math.min(min, e.time);
            max = Math.max(max, e.time);
        }
        heapSize = 0;
        top = null;
        cut(all, count, min, max);
        refill();
        heapLimit = Math.max(MIN_HEAP_LIMIT, heapSize * 4);
    }

    /**
     * Cuts a list of runs ({@code count} heads, times from {@code min} to {@code max}) into
     * buckets of a power-of-two width holding about {@link #EVENTS_PER_BUCKET} each; heads past
     * the last bucket (more than {@link #MAX_BUCKETS} needed) form the new top.
     */
    private void cut(Event all, int count, long min, long max) {
        long perHead = (max - min) / count;                  // times are never negative: no overflow
        shift = perHead >= 1L << 54 ? 56 : 64 - Long.numberOfLeadingZeros(Math.max(1, perHead * EVENTS_PER_BUCKET) - 1);
        long needed = ((max - min) >>> shift) + 1;
        bucketCount = (int) Math.min(MAX_BUCKETS, needed);
        if (buckets.length < bucketCount) {
            buckets = new Event[Math.max(bucketCount, buckets.length * 2)];
        }
        nextBucket = 0;
        bucketsStart = min;
        long end = min + ((long) bucketCount << shift);
        bucketsEnd = end < min ? Long.MAX_VALUE : end;  // past the largest time: no bucket beyond
        boundary = min;
        topCount = 0;
        topMin = Long.MAX_VALUE;
        topMax = Long.MIN_VALUE;
        for (Event e = all; e != null; ) {
            Event following = e.link;
            place(e, e.time);
            e = following;
        }
    }

    private void heapAdd(Event event, long time, long seq) {
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
