package quorumsim.net;

/**
 * TCP-like connections, one between every pair of nodes: reliable, FIFO (where the network is),
 * and silent when the network is: a cut tells nobody anything, as a real partition does; a
 * process crash resets. The rules, all deterministic:
 *
 * <ul>
 *   <li>A cut of a link is silence. Both ends keep their connection and think it alive. What
 *       a sender sends into the cut link on a connection it holds is kept, in order, as TCP
 *       keeps unacknowledged bytes and retransmits them: once the link carries traffic again,
 *       it leaves at once, in order, ahead of anything sent after it. A message already on
 *       its way when the cut starts arrives (it was past the cut). Nobody learns of the cut:
 *       a protocol notices it by its own timeouts and then closes the connection
 *       ({@code Context.closeConnection}), which drops what it kept for the peer.</li>
 *   <li>Closing a connection ends it for both directions at once: nothing in flight on it is
 *       delivered any more. The peer learns one network delay later (the FIN), or, if the link
 *       towards it is cut, when the link carries traffic again or when it sends over a link
 *       that does (the closer's kernel answers with a reset, one round trip later).</li>
 *   <li>A message to a peer the sender holds no connection to, over a link cut either way,
 *       opens a connect attempt, as a SYN that is retried: it holds that message and whatever
 *       the sender sends the peer after it, in order. If the link carries traffic again before
 *       {@code connectTimeoutNanos} has passed, the connect goes through with the sender's next
 *       message to the peer or at the timeout, whichever comes first, and the held messages
 *       leave first. Otherwise, at the timeout, they are dropped and the sender learns then
 *       that the connect failed; one such notice at a time per sender and peer, so a busy
 *       sender cannot spin. A sender that crashes while its attempt runs loses what it held.</li>
 *   <li>Nothing inside a live connection is lost or held for ever: a message the network
 *       loses is resent after the retransmission timeout (it arrives that much later than
 *       drawn), and a message whose drawn latency exceeds the timeout is resent then (it
 *       arrives after the timeout). On FIFO links what follows waits for it. The timeout is
 *       {@code retransmitNanos} or four mean latencies, whichever is longer, as TCP's RTO is
 *       a floor or a few round trips.</li>
 *   <li>A process crash resets its connections (its kernel closes its sockets): what is in
 *       flight on them either way is dropped, and each peer with a live connection to it
 *       learns of the reset one network delay later, or, across a cut, as for a close. A
 *       connect to a crashed process is refused: the sender learns after one round trip.</li>
 *   <li>A recovered process starts with no connections: nothing sent to its previous life is
 *       delivered to the new one, and a peer that still holds a connection to the previous life
 *       has its next message refused with a reset, one round trip later.</li>
 *   <li>A machine that is powered off says nothing: what is sent to it is lost, and its peers
 *       learn only by their own timeouts.</li>
 * </ul>
 *
 * @param connectTimeoutNanos how long a connect over a cut link is retried before its sender learns it failed
 * @param retransmitNanos     the floor of the retransmission timeout (Linux's is 200 ms)
 */
public record Connections(long connectTimeoutNanos, long retransmitNanos) {
    public Connections {
        if (connectTimeoutNanos <= 0 || retransmitNanos < 0) {
            throw new IllegalArgumentException("connection timings must not be negative (connect timeout positive): connect timeout "
                    + connectTimeoutNanos + " ns, retransmit " + retransmitNanos + " ns");
        }
    }

    /** The retransmission timeout over links whose latency follows {@code latency}. */
    public long retransmissionTimeoutNanos(LatencyDistribution latency) {
        double fourMeans = 4 * latency.expectedNanos();
        return fourMeans >= Long.MAX_VALUE / 8 ? Long.MAX_VALUE / 8 : Math.max(retransmitNanos, Math.round(fourMeans));
    }

    /**
     * The state of every pair's connection during a run, for the pairs that have used one only
     * ({@link LinkMap}): any number of nodes, memory for the links in use.
     */
    public static final class State {
        /** Per unordered pair: which connection is current (bumped by every break). */
        private final LinkMap generation;
        /** Per unordered pair: until when the last break is not yet known to both ends. */
        private final LinkMap downUntilNanos;
        /** Per directed pair (sender, peer): the sender's life (epoch) a notice on its way is for, or -1. */
        private final LinkMap noticePendingFor;
        /** Per directed pair (a, b): b's life (epoch) when the current connection was opened, or -1 with none. */
        private final LinkMap peerEpoch;

        public State(int nodes) {
            this.generation = new LinkMap(nodes, 0);
            this.downUntilNanos = new LinkMap(nodes, 0);
            this.noticePendingFor = new LinkMap(nodes, -1);
            this.peerEpoch = new LinkMap(nodes, -1);
        }

        private long pair(int a, int b) {
            return generation.key(Math.min(a, b), Math.max(a, b));
        }

        private long link(int a, int b) {
            return peerEpoch.key(a, b);
        }

        /** The current connection between {@code a} and {@code b}. */
        public long generation(int a, int b) {
            return generation.get(pair(a, b));
        }

        /** Breaks the connection between {@code a} and {@code b} now; both ends know at {@code knownAtNanos}. */
        public void breakAt(int a, int b, long knownAtNanos) {
            long p = pair(a, b);
            generation.put(p, generation.get(p) + 1);
            downUntilNanos.put(p, Math.max(downUntilNanos.get(p), knownAtNanos));
            close(a, b);
        }

        /** A connection between {@code a} (in its life {@code epochA}) and {@code b} (in {@code epochB}) carries a message. */
        public void open(int a, int epochA, int b, int epochB) {
            peerEpoch.put(link(a, b), epochB);
            peerEpoch.put(link(b, a), epochA);
        }

        /** No connection between them any more. */
        public void close(int a, int b) {
            peerEpoch.put(link(a, b), -1);
            peerEpoch.put(link(b, a), -1);
        }

        /** {@code a} lets go of its end; {@code b} may still hold its own (half open). */
        public void closeEnd(int a, int b) {
            peerEpoch.put(link(a, b), -1);
        }

        /** {@code a}'s life ended: it holds no connection any more (its peers may still hold theirs). */
        public void forgetAll(int a) {
            peerEpoch.resetFrom(a);
        }

        /** Whether {@code a} (its current life) holds a connection to {@code b}, live or not. */
        public boolean holds(int a, int b) {
            return peerEpoch.get(link(a, b)) >= 0;
        }

        /** Nothing in flight between them is delivered any more (a close or a reset). */
        public void endInFlight(int a, int b) {
            long p = pair(a, b);
            generation.put(p, generation.get(p) + 1);
        }

        /** Whether {@code a} in its life {@code epochA} holds a connection to {@code b}'s life {@code epochB}. */
        public boolean isOpen(int a, int epochA, int b, int epochB) {
            return peerEpoch.get(link(a, b)) == epochB && peerEpoch.get(link(b, a)) == epochA;
        }

        /**
         * Whether {@code a} in its life {@code epochA} holds a connection that {@code b} in its
         * life {@code epochB} does not hold: b restarted or closed it, and a never heard.
         */
        public boolean isStale(int a, int epochA, int b, int epochB) {
            return holds(a, b) && !isOpen(a, epochA, b, epochB);
        }

        /** A break between them is not yet known to both ends. */
        public boolean isDown(int a, int b, long nowNanos) {
            return nowNanos < downUntilNanos.get(pair(a, b));
        }

        /** When the last break between them is known to both ends. */
        public long downUntilNanos(int a, int b) {
            return downUntilNanos.get(pair(a, b));
        }

        /**
         * Marks a notice to {@code sender} (in its life {@code epoch}) about {@code peer} as on its
         * way; false if one for that life already is.
         */
        public boolean claimNotice(int sender, int peer, int epoch) {
            long i = noticePendingFor.key(sender, peer);
            if (noticePendingFor.get(i) == epoch) {
                return false;
            }
            noticePendingFor.put(i, epoch);
            return true;
        }

        /** The notice to {@code sender} (in its life {@code epoch}) about {@code peer} has arrived. */
        public void noticeDelivered(int sender, int peer, int epoch) {
            long i = noticePendingFor.key(sender, peer);
            if (noticePendingFor.get(i) == epoch) {
                noticePendingFor.put(i, -1);
            }
        }
    }
}
