package quorumsim.core;

import java.util.Arrays;

/**
 * A 4-ary min-heap of events ordered by (time, seq). Shallower than a binary heap and with
 * the comparison inlined, so it beats {@code java.util.PriorityQueue} with a comparator.
 */
final class EventQueue {
    private Event[] heap = new Event[1024];
    private int size;
    private long nextSeq;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void add(Event event) {
        event.seq = nextSeq++;
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            Event p = heap[parent];
            if (!event.before(p)) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = event;
    }

    Event peek() {
        return size == 0 ? null : heap[0];
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        Event top = heap[0];
        Event last = heap[--size];
        heap[size] = null;
        if (size > 0) {
            siftDown(last);
        }
        return top;
    }

    private void siftDown(Event event) {
        int i = 0;
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            Event bestEvent = heap[first];
            int end = Math.min(first + 4, n);
            for (int c = first + 1; c < end; c++) {
                if (heap[c].before(bestEvent)) {
                    best = c;
                    bestEvent = heap[c];
                }
            }
            if (!bestEvent.before(event)) {
                break;
            }
            heap[i] = bestEvent;
            i = best;
        }
        heap[i] = event;
    }
}
