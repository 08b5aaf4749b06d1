package quorumsim.net;

/**
 * TCP-like connections, one between every pair of nodes: reliable, FIFO (where the network is),
 * and broken visibly. The rules, all deterministic:
 *
 * <ul>
 *   <li>A cut of either direction between two nodes breaks their connection at that instant:
 *       every message in flight on it is dropped, and each end learns of the break
 *       {@code detectionNanos} later (a keepalive or read that times out). Until then the pair
 *       is down: what either end sends is lost, and the coming notice covers it.</li>
 *   <li>Once both ends know, a message to a peer over a link that is still cut (either way)
 *       is dropped and its sender learns {@code connectTimeoutNanos} later that the connect
 *       failed; one such notice at a time per sender and peer, so a busy sender cannot spin.</li>
 *   <li>Once the link carries traffic again, the next message opens a new connection; nothing
 *       from the broken one is ever delivered.</li>
 *   <li>Nothing inside a live connection is lost or held for ever: a message the network
 *       loses is resent after the retransmission timeout (it arrives that much later than
 *       drawn), and a message whose drawn latency exceeds the timeout is resent then (it
 *       arrives after the timeout). On FIFO links what follows waits for it. The timeout is
 *       {@code retransmitNanos} or four mean latencies, whichever is longer, as TCP's RTO is
 *       a floor or a few round trips.</li>
 * </ul>
 *
 * Crashes are not modelled here: a crashed peer's messages are dropped as on any network.
 *
 * @param detectionNanos      from a break to both ends learning of it
 * @param connectTimeoutNanos from a send over a cut link to its sender learning the connect failed
 * @param retransmitNanos     the floor of the retransmission timeout (Linux's is 200 ms)
 */
public record Connections(long detectionNanos, long connectTimeoutNanos, long retransmitNanos) {
    public Connections {
        if (detectionNanos < 0 || connectTimeoutNanos <= 0 || retransmitNanos < 0) {
            throw new IllegalArgumentException("connection timings must not be negative (connect timeout positive): detection "
                    + detectionNanos + " ns, connect timeout " + connectTimeoutNanos + " ns, retransmit " + retransmitNanos + " ns");
        }
    }

    /** The retransmission timeout over links whose latency follows {@code latency}. */
    public long retransmissionTimeoutNanos(LatencyDistribution latency) {
        double fourMeans = 4 * latency.expectedNanos();
        return fourMeans >= Long.MAX_VALUE / 8 ? Long.MAX_VALUE / 8 : Math.max(retransmitNanos, Math.round(fourMeans));
    }

    /** The state of every pair's connection during a run. */
    public static final class State {
        private final int nodes;
        /** Per unordered pair: which connection is current (bumped by every break). */
        private final long[] generation;
        /** Per unordered pair: until when the last break is not yet known to both ends. */
        private final long[] downUntilNanos;
        /** Per directed pair (sender, peer): the sender's life (epoch) a notice on its way is for, or -1. */
        private final int[] noticePendingFor;

        public State(int nodes) {
            this.nodes = nodes;
            this.generation = new long[nodes * nodes];
            this.downUntilNanos = new long[nodes * nodes];
            this.noticePendingFor = new int[nodes * nodes];
            java.util.Arrays.fill(noticePendingFor, -1);
        }

        private int pair(int a, int b) {
            return Math.min(a, b) * nodes + Math.max(a, b);
        }

        /** The current connection between {@code a} and {@code b}. */
        public long generation(int a, int b) {
            return generation[pair(a, b)];
        }

        /** Breaks the connection between {@code a} and {@code b} now; both ends know at {@code knownAtNanos}. */
        public void breakAt(int a, int b, long knownAtNanos) {
            int p = pair(a, b);
            generation[p]++;
            downUntilNanos[p] = Math.max(downUntilNanos[p], knownAtNanos);
        }

        /** A break between them is not yet known to both ends. */
        public boolean isDown(int a, int b, long nowNanos) {
            return nowNanos < downUntilNanos[pair(a, b)];
        }

        /** When the last break between them is known to both ends. */
        public long downUntilNanos(int a, int b) {
            return downUntilNanos[pair(a, b)];
        }

        /**
         * Marks a notice to {@code sender} (in its life {@code epoch}) about {@code peer} as on its
         * way; false if one for that life already is.
         */
        public boolean claimNotice(int sender, int peer, int epoch) {
            int i = sender * nodes + peer;
            if (noticePendingFor[i] == epoch) {
                return false;
            }
            noticePendingFor[i] = epoch;
            return true;
        }

        /** The notice to {@code sender} (in its life {@code epoch}) about {@code peer} has arrived. */
        public void noticeDelivered(int sender, int peer, int epoch) {
            int i = sender * nodes + peer;
            if (noticePendingFor[i] == epoch) {
                noticePendingFor[i] = -1;
            }
        }
    }
}
