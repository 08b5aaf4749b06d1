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
 *       {@code 2^shift} ns; when the heap runs dry, the next non-empty bucket moves into it and
 *       {@code boundary} moves to that bucket's end;</li>
 *   <li>the <b>top</b>, everything later, unsorted; when the buckets run out it is cut into new
 *       buckets sized from its own span and count (a few events per bucket).</li>
 * </ul>
 *
 * <p>The top and the buckets keep each run's key beside it in primitive arrays (a cut sorts the
 * top into one array, bucket after bucket, by counting), so moving events between tiers reads
 * no event: with millions pending, an event is fetched from memory once, when it fires. Only an
 * event added into a bucket after its cut waits in that bucket's list through {@link Event#link}.
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

    /** The near future: a 4-ary heap of run heads, their keys beside them. */
    private Event[] events = new Event[1024];
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    /** Entries in the heap; chained events are not counted here. */
    private int heapSize;
    /** Past this size the heap is cut into buckets again (see {@link #recut}). */
    private int heapLimit = MIN_HEAP_LIMIT;
    private long boundary;

    /** The buckets: bucket b's heads at the cut are {@code sorted[bucketFrom[b] .. bucketFrom[b + 1])}. */
    private Event[] sorted = new Event[0];
    private long[] sortedTimes = new long[0];
    private long[] sortedSeqs = new long[0];
    private int[] bucketFrom = new int[1];
    /** Heads added into bucket b after the cut, a list through {@link Event#link}. */
    private Event[] late = new Event[0];
    private int bucketCount;
    /** Buckets before this one are empty (moved into the heap). */
    private int nextBucket;
    private long bucketsStart;
    private long bucketsEnd;
    private int shift;

    /** The top: heads from {@code bucketsEnd} on, unsorted. */
    private Event[] topEvents = new Event[1024];
    private long[] topTimes = new long[1024];
    private long[] topSeqs = new long[1024];
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
        if (time < boundary) {
            heapAdd(event, time, seq);
            if (heapSize > heapLimit) {
                recut();
            }
        } else if (time < bucketsEnd) {
            int b = (int) ((time - bucketsStart) >>> shift);
            event.link = late[b];
            late[b] = event;
        } else {
            topAdd(event, time, seq);
        }
    }

    private void topAdd(Event event, long time, long seq) {
        if (topCount == topEvents.length) {
            topEvents = Arrays.copyOf(topEvents, topCount * 2);
            topTimes = Arrays.copyOf(topTimes, topCount * 2);
            topSeqs = Arrays.copyOf(topSeqs, topCount * 2);
        }
        topEvents[topCount] = event;
        topTimes[topCount] = time;
        topSeqs[topCount] = seq;
        topCount++;
        topMin = Math.min(topMin, time);
        topMax = Math.max(topMax, time);
    }

    /** Visits every queued event, in no particular order. */
    void forEach(java.util.function.Consumer<Event> action) {
        for (int i = 0; i < heapSize; i++) {
            visitRun(events[i], action);
        }
        for (int b = nextBucket; b < bucketCount; b++) {
            for (int i = bucketFrom[b]; i < bucketFrom[b + 1]; i++) {
                visitRun(sorted[i], action);
            }
            for (Event e = late[b]; e != null; e = e.link) {
                visitRun(e, action);
            }
        }
        for (int i = 0; i < topCount; i++) {
            visitRun(topEvents[i], action);
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
                int from = bucketFrom[b];
                int to = bucketFrom[b + 1];
                Event list = late[b];
                if (from == to && list == null) {
                    continue;
                }
                for (int i = from; i < to; i++) {
                    heapAdd(sorted[i], sortedTimes[i], sortedSeqs[i]);
                    sorted[i] = null;
                }
                late[b] = null;
                for (Event e = list; e != null; ) {
                    Event following = e.link;
                    e.link = null;
                    heapAdd(e, e.time, e.seq);
                    e = following;
                }
                boundary = bucketsStart + ((long) (b + 1) << shift);
                return true;
            }
            cut();
        }
    }

    /**
     * The heap outgrew its limit: every queued run goes back to the top and is cut into new
     * buckets, sized from the whole queue. The limit then grows with what stays in the heap, so
     * a burst that no cut can spread (many events at one instant) costs one cut, not one per add.
     */
    private void recut() {
        for (int b = nextBucket; b < bucketCount; b++) {
            for (int i = bucketFrom[b]; i < bucketFrom[b + 1]; i++) {
                topAdd(sorted[i], sortedTimes[i], sortedSeqs[i]);
                sorted[i] = null;
            }
            for (Event e = late[b]; e != null; ) {
                Event following = e.link;
                e.link = null;
                topAdd(e, e.time, e.seq);
                e = following;
            }
            late[b] = null;
        }
        for (int i = 0; i < heapSize; i++) {
            topAdd(events[i], times[i], seqs[i]);
            events[i] = null;
        }
        heapSize = 0;
        nextBucket = bucketCount;
        cut();
        refill();
        heapLimit = Math.max(MIN_HEAP_LIMIT, heapSize * 4);
    }

    /**
     * Cuts the top (the buckets are empty) into buckets of a power-of-two width holding about
     * {@link #EVENTS_PER_BUCKET} heads each, sorted by bucket into one array by counting; heads
     * past the last bucket (more than {@link #MAX_BUCKETS} needed) stay in the top.
     */
    private void cut() {
        int count = topCount;
        long min = topMin;
        long perHead = (topMax - min) / count;               // times are never negative: no overflow
        shift = perHead >= 1L << 54 ? 56 : 64 - Long.numberOfLeadingZeros(Math.max(1, perHead * EVENTS_PER_BUCKET) - 1);
        long needed = ((topMax - min) >>> shift) + 1;
        int buckets = (int) Math.min(MAX_BUCKETS, needed);
        if (late.length < buckets) {
            late = new Event[Math.max(buckets, late.length * 2)];
            bucketFrom = new int[late.length + 1];
        }
        if (sorted.length < count) {
            int length = Math.max(count, sorted.length * 2);
            sorted = new Event[length];
            sortedTimes = new long[length];
            sortedSeqs = new long[length];
        }
        bucketCount = buckets;
        nextBucket = 0;
        bucketsStart = min;
        long end = min + ((long) buckets << shift);
        bucketsEnd = end < min ? Long.MAX_VALUE : end;  // past the largest time: no bucket beyond
        boundary = min;
        int[] from = bucketFrom;
        Arrays.fill(from, 0, buckets + 1, 0);
        Event[] te = topEvents;
        long[] tt = topTimes;
        long[] ts = topSeqs;
        for (int i = 0; i < count; i++) {
            long t = tt[i];
            if (t < bucketsEnd) {
                from[(int) ((t - min) >>> shift) + 1]++;
            }
        }
        for (int b = 0; b < buckets; b++) {
            from[b + 1] += from[b];
        }
        // from[b] is now where bucket b starts; fill forward, then shift the starts back
        int kept = 0;
        long keptMin = Long.MAX_VALUE;
        long keptMax = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long t = tt[i];
            if (t < bucketsEnd) {
                int at = from[(int) ((t - min) >>> shift)]++;
                sorted[at] = te[i];
                sortedTimes[at] = t;
                sortedSeqs[at] = ts[i];
            } else {
                te[kept] = te[i];
                tt[kept] = t;
                ts[kept] = ts[i];
                keptMin = Math.min(keptMin, t);
                keptMax = Math.max(keptMax, t);
                kept++;
            }
        }
        System.arraycopy(from, 0, from, 1, buckets);
        from[0] = 0;
        Arrays.fill(te, kept, count, null);
        topCount = kept;
        topMin = keptMin;
        topMax = keptMax;
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
