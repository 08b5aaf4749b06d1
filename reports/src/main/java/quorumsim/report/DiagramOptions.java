package quorumsim.report;

import java.util.List;

/**
 * Which part of a run {@code messages.svg} shows.
 *
 * @param selection the window: requests by number, or a range of virtual time
 * @param lanes     node ids to draw as lanes, in this order; empty means every server and the
 *                  clients that take part in the window
 */
public record DiagramOptions(Selection selection, List<Integer> lanes) {
    /**
     * How many requests the default diagram follows: one, as in the lecture figures. Other
     * clients' concurrent requests still show where they share the servers' work.
     */
    public static final int DEFAULT_REQUESTS = 1;

    public DiagramOptions {
        if (selection == null) {
            throw new IllegalArgumentException("a diagram needs a window");
        }
        lanes = List.copyOf(lanes);
    }

    /** The window of a diagram. */
    public sealed interface Selection permits Requests, TimeRange {
    }

    /**
     * Client requests number {@code first} to {@code first + count - 1} (1-based, in the order
     * clients send them; a client's sends of one message at one instant are one request), and every message
     * they trigger, transitively (not other clients' concurrent work). Clients are the lanes
     * named "client..." or "c" and a number.
     */
    public record Requests(int first, int count) implements Selection {
        public Requests {
            if (first < 1 || count < 1) {
                throw new IllegalArgumentException("requests are numbered from 1 and at least one is shown, got first="
                        + first + " count=" + count);
            }
        }
    }

    /** Every message sent between these virtual times (inclusive), nanoseconds. */
    public record TimeRange(long fromNanos, long toNanos) implements Selection {
        public TimeRange {
            if (toNanos < fromNanos) {
                throw new IllegalArgumentException("time range ends before it starts: " + fromNanos + " > " + toNanos);
            }
        }
    }

    /** The first {@value #DEFAULT_REQUESTS} requests, every server and the clients involved. */
    public static DiagramOptions defaults() {
        return firstRequests(DEFAULT_REQUESTS);
    }

    public static DiagramOptions firstRequests(int count) {
        return requests(1, count);
    }

    public static DiagramOptions requests(int first, int count) {
        return new DiagramOptions(new Requests(first, count), List.of());
    }

    public static DiagramOptions timeRange(long fromNanos, long toNanos) {
        return new DiagramOptions(new TimeRange(fromNanos, toNanos), List.of());
    }

    /** The same window, drawing only these nodes' lanes (messages between two shown lanes). */
    public DiagramOptions withLanes(List<Integer> nodeIds) {
        return new DiagramOptions(selection, nodeIds);
    }
}
