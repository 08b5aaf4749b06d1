package quorumsim.core;

import java.util.SplittableRandom;
import quorumsim.net.Connections;
import quorumsim.net.Framing;
import quorumsim.net.NetworkConfig;
import quorumsim.net.Partitions;
import quorumsim.trace.TraceKind;

/**
 * Moves messages: partition and loss checks, sender NIC serialization (FIFO per sender),
 * latency drawn from the sender's own network stream, optional reordering and duplication,
 * receiver NIC serialization, FIFO links when asked. A message crosses as frames with headers
 * ({@link Framing}), stored and forwarded per frame, so a large one is pipelined. On datagrams, a message on a link that is
 * cut when it is sent or when it arrives is dropped. With {@link Connections}, a cut is silence
 * inside connections that both ends still hold, and what is sent into it is resent when it heals
 * (see there for the rules).
 */
final class Network {
    private final Simulation sim;
    final NetworkConfig config;
    Partitions partitions;
    /** The connection rules, or null on datagrams; their state once the run starts. */
    Connections connections;
    Connections.State connectionState;
    /** With connections, when a message not yet delivered is sent again; unbounded on datagrams. */
    long retransmissionTimeoutNanos = Long.MAX_VALUE / 4;
    private SplittableRandom[] streams = new SplittableRandom[0];
    private long nextMessageId;
    /** Extra latency on every link until the given time (a network-wide delay spike). */
    long globalSpikeNanos;
    long globalSpikeUntilNanos;

    Network(Simulation sim, NetworkConfig config) {
        this.sim = sim;
        this.config = config;
    }

    private SplittableRandom stream(int node) {
        if (node >= streams.length) {
            streams = java.util.Arrays.copyOf(streams, Math.max(node + 1, streams.length * 2));
        }
        SplittableRandom s = streams[node];
        if (s == null) {
            s = sim.streams.stream("network/" + node);
            streams[node] = s;
        }
        return s;
    }

    /** A message leaves {@code from} at the current time. */
    void transmit(Node from, int to, Message message) {
        send(from, to, held(from, to, message), false, -1);
    }

    /** Counts and traces one copy of a message as sent. */
    private Held held(Node from, int to, Message message) {
        long id = nextMessageId++;
        int bytes = message.sizeBytes();
        String type = message.typeName();
        long typeHash = sim.typeHash(type);
        sim.metrics.messageSent(message.getClass(), type, bytes);
        sim.trace(TraceKind.SEND, from.id, to, message, type, typeHash, bytes, id, null);
        return new Held(message, type, typeHash, bytes, id);
    }

    /** Whether a multicast is one transmission copied by the switch: asked for, and on datagrams. */
    boolean multicastsOnce() {
        return config.switchMulticast() && connections == null;
    }

    /**
     * A multicast leaves {@code from}: its NIC sends it once, the switch copies it to each
     * receiver, and from there each copy goes its own way (partitions, loss, latency, the
     * receiver's NIC). Each copy counts as a message sent, as a unicast would.
     */
    void transmitMulticast(Node from, int[] to, Message message) {
        Framing framing = config.framing();
        int bytes = message.sizeBytes();
        long starts = Math.max(sim.now, from.sendFreeAtNanos);
        from.sendFreeAtNanos = starts + framing.sendNanos(bytes, from.bandwidthBitsPerSec);
        long departs = starts + framing.firstFrameSentNanos(bytes, from.bandwidthBitsPerSec);
        for (int receiver : to) {
            send(from, receiver, held(from, receiver, message), false, departs);
        }
    }

    /** A message sent but not yet on the wire: its connect is still being tried. */
    private record Held(Message message, String type, long typeHash, int bytes, long id) {
    }

    /** Messages held by a connect attempt over a cut link, from one sender in one life to one peer. */
    static final class Attempt {
        final int from;
        final int to;
        final int fromEpoch;
        final java.util.ArrayList<Held> held = new java.util.ArrayList<>();

        Attempt(int from, int to, int fromEpoch) {
            this.from = from;
            this.to = to;
            this.fromEpoch = fromEpoch;
        }
    }

    /** Per directed pair (sender, peer): the connect attempt under way; looked up, never iterated. */
    private final java.util.Map<Long, Attempt> attempts = new java.util.HashMap<>();

    private static long directed(int from, int to) {
        return ((long) from << 32) | to;
    }

    private Attempt attempt(int from, int to) {
        return attempts.get(directed(from, to));
    }

    private void setAttempt(int from, int to, Attempt attempt) {
        if (attempt == null) {
            attempts.remove(directed(from, to));
        } else {
            attempts.put(directed(from, to), attempt);
        }
    }

    /**
     * Puts a message on the wire, or holds or drops it by the connection rules. {@code lastTry}:
     * its connect attempt timed out, so a link still cut now fails it instead of holding it.
     * {@code multicastDepartsNanos}: when a multicast's first frame left the sender, or -1 for a
     * unicast, which takes the sender's NIC now.
     */
    private void send(Node from, int to, Held m, boolean lastTry, long multicastDepartsNanos) {
        long now = sim.now;
        Message message = m.message();
        String type = m.type();
        long typeHash = m.typeHash();
        int bytes = m.bytes();
        long id = m.id();
        if (connections != null) {
            boolean cutThisWay = partitions.isCut(from.id, to);
            boolean cut = cutThisWay || partitions.isCut(to, from.id);
            boolean holds = connectionState.holds(from.id, to);
            Attempt attempt = lastTry ? null : attempt(from.id, to);
            if (attempt != null) {
                if (cut) {
                    attempt.held.add(m);                              // behind what the attempt already holds
                    return;
                }
                setAttempt(from.id, to, null);                       // the link heals: the connect goes through
                for (Held earlier : attempt.held) {
                    if (from.epoch != attempt.fromEpoch) {
                        dropSenderCrashed(to, from.id, earlier);
                    } else {
                        send(from, to, earlier, true, -1);
                    }
                }
                holds = connectionState.holds(from.id, to);
            }
            if (connectionState.isDown(from.id, to, now)) {
                sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "connection broken");
                notice(from.id, to, connectionState.downUntilNanos(from.id, to));
                return;
            }
            if (holds && cutThisWay) {                               // silence: kept, and resent when the link heals
                unacknowledged(from.id, to).add(m);
                return;
            }
            if (!holds && cut && lastTry) {
                sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "connect failed");
                notice(from.id, to, now);
                return;
            }
            if (!holds && cut) {                                      // SYNs retried until the connect timeout
                Attempt fresh = new Attempt(from.id, to, from.epoch);
                fresh.held.add(m);
                setAttempt(from.id, to, fresh);
                Jobs.ConnectDue due = new Jobs.ConnectDue(from.id, to, fresh);
                due.time = now + connections.connectTimeoutNanos();
                sim.schedule(due);
                return;
            }
            Node receiver = sim.node(to);
            if (receiver.crashed && !receiver.poweredOff) {
                sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "connection refused");
                refused(from, to);
                return;
            }
            if (!receiver.crashed && connectionState.isStale(from.id, from.epoch, to, receiver.epoch)) {
                sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "connection reset");
                refused(from, to);
                return;
            }
            if (!receiver.crashed) {
                connectionState.open(from.id, from.epoch, to, receiver.epoch);
            }
        } else if (partitions.isCut(from.id, to)) {
            sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "partition");
            return;
        }
        SplittableRandom random = stream(from.id);
        long retransmitNanos = 0;
        if (config.lossProbability() > 0 && random.nextDouble() < config.lossProbability()) {
            if (connections == null) {
                sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "loss");
                return;
            }
            retransmitNanos = retransmissionTimeoutNanos;            // a connection sends it again
        }
        Framing framing = config.framing();
        long departs = multicastDepartsNanos;                         // a multicast's copy: the sender's NIC sent it once
        if (departs < 0) {
            long starts = Math.max(now, from.sendFreeAtNanos);
            from.sendFreeAtNanos = starts + framing.sendNanos(bytes, from.bandwidthBitsPerSec);
            departs = starts + framing.firstFrameSentNanos(bytes, from.bandwidthBitsPerSec); // its first frame is on its way
        }
        int copies = config.duplicateProbability() > 0 && random.nextDouble() < config.duplicateProbability() ? 2 : 1;
        for (int copy = 0; copy < copies; copy++) {
            long latency = Math.min(config.latency().sampleNanos(random), retransmissionTimeoutNanos); // datagrams: no cap
            long arrives = departs + latency + spikeNanos(from, to, now) + retransmitNanos;
            if (config.reorderProbability() > 0 && random.nextDouble() < config.reorderProbability()) {
                arrives += config.reorderDelayNanos();
            }
            if (config.fifoLinks()) {
                if (to >= from.lastDeliveryTo.length) {  // grown as needed: a client that only talks to servers keeps a short array
                    int length = Math.min(sim.nodeCount(), Math.max(to + 1, 2 * from.lastDeliveryTo.length));
                    from.lastDeliveryTo = java.util.Arrays.copyOf(from.lastDeliveryTo, length);
                }
                arrives = Math.max(arrives, from.lastDeliveryTo[to]);   // its first frame behind the last one's last frame
                from.lastDeliveryTo[to] = arrives + framing.sendNanos(bytes, from.bandwidthBitsPerSec)
                        - framing.firstFrameSentNanos(bytes, from.bandwidthBitsPerSec);
            }
            Jobs.Delivery delivery = new Jobs.Delivery(from.id, to, message, type, typeHash, bytes, id);
            Node receiver = sim.node(to);
            delivery.pipelineTailNanos = framing.pipelineTailNanos(bytes, from.bandwidthBitsPerSec, receiver.bandwidthBitsPerSec);
            if (connections != null) {
                delivery.connection = connectionState.generation(from.id, to);
                delivery.toEpoch = receiver.crashed ? -2 : receiver.epoch;   // to a dead life: never delivered
            }
            if (receiver.bandwidthBitsPerSec == 0) {
                delivery.time = arrives + delivery.pipelineTailNanos;   // its last frame has left the sender
                sim.schedule(delivery);
            } else {
                Jobs.NicArrival arrival = new Jobs.NicArrival(delivery);
                arrival.time = arrives;
                sim.schedule(arrival);
            }
        }
    }

    /**
     * The message's first frame reaches the receiver's port: its bits cross the receiver's NIC,
     * one message at a time in arrival order, and no sooner than its frames arrive.
     */
    void receiveThroughNic(Jobs.Delivery delivery) {
        Node receiver = sim.node(delivery.to);
        if (receiver.crashed || lostOnTheWay(delivery)) {
            sim.arrive(delivery); // drops it, before it takes the NIC's time
            return;
        }
        long done = Math.max(Math.max(sim.now, receiver.receiveFreeAtNanos)
                + Framing.transmissionNanos(config.framing().wireBytes(delivery.sizeBytes), receiver.bandwidthBitsPerSec),
                sim.now + delivery.pipelineTailNanos);
        receiver.receiveFreeAtNanos = done;
        delivery.time = done;
        sim.schedule(delivery);
    }

    /**
     * The link was cut under the message (datagrams), or its connection broke, the receiver
     * restarted or the receiver closed it since it was sent (connections).
     */
    boolean lostOnTheWay(Jobs.Delivery delivery) {
        if (connections != null) {
            return delivery.connection != connectionState.generation(delivery.from, delivery.to)
                    || delivery.toEpoch != sim.node(delivery.to).epoch
                    || !connectionState.holds(delivery.to, delivery.from);   // the receiver closed it
        }
        return partitions.isCut(delivery.from, delivery.to);
    }

    /**
     * A connect attempt timed out: what it holds goes out now if the link carries traffic again,
     * else it is dropped and the sender learns the connect failed. A sender that crashed since
     * held nothing any more.
     */
    void connectDue(int from, int to, Attempt which) {
        Attempt attempt = attempt(from, to);
        if (attempt != which) {
            return;                                                   // it went through when the link healed
        }
        setAttempt(from, to, null);
        Node sender = sim.node(from);
        for (Held m : attempt.held) {
            if (sender.crashed || sender.epoch != attempt.fromEpoch) {
                dropSenderCrashed(to, from, m);
            } else {
                send(sender, to, m, true, -1);
            }
        }
    }

    /** What a connect attempt held dies with the process that made it. */
    private void dropSenderCrashed(int to, int from, Held m) {
        sim.trace(TraceKind.DROP, to, from, m.message(), m.type(), m.typeHash(), m.bytes(), m.id(), "sender crashed");
    }

    /**
     * Per directed pair (sender, peer): what the sender sent into a cut link on a connection it
     * holds, oldest first, as TCP keeps unacknowledged bytes; looked up, never iterated.
     */
    private final java.util.Map<Long, java.util.ArrayList<Held>> unacknowledged = new java.util.HashMap<>();

    private java.util.ArrayList<Held> unacknowledged(int from, int to) {
        return unacknowledged.computeIfAbsent(directed(from, to), k -> new java.util.ArrayList<>());
    }

    /** Drops what {@code from} kept for {@code to}, saying why. */
    private void dropUnacknowledged(int from, int to, String why) {
        java.util.ArrayList<Held> kept = unacknowledged.remove(directed(from, to));
        if (kept != null) {
            for (Held m : kept) {
                sim.trace(TraceKind.DROP, to, from, m.message(), m.type(), m.typeHash(), m.bytes(), m.id(), why);
            }
        }
    }

    /**
     * A directed link carries traffic again: what its sender kept on the connection leaves now,
     * in order (TCP's retransmission); and a peer that holds a connection its sender has closed,
     * or lost in a crash, hears of it now (the FIN or reset goes through at last).
     */
    void linkHealed(int from, int to) {
        Node sender = sim.node(from);
        java.util.ArrayList<Held> kept = unacknowledged.remove(directed(from, to));
        if (kept != null) {
            for (Held m : kept) {
                send(sender, to, m, false, -1);
            }
            return;
        }
        Node peer = sim.node(to);
        if (!peer.crashed && !sender.poweredOff && connectionState.isStale(to, peer.epoch, from, sender.epoch)) {
            notice(to, from, sim.now + oneWayNanos(stream(from)));
        }
    }

    /**
     * {@code node} closes its connection to {@code peer} (its protocol gave up on it): what it kept
     * for the peer across a cut is dropped, and nothing the peer sent on it arrives any more.
     * What the node sent before the close still arrives, and then the FIN: the peer learns one
     * network delay later, or, across a cut, once the link heals or it sends over a link that
     * carries traffic (a reset).
     */
    void close(Node node, int peer) {
        if (node.crashed) {
            return;
        }
        dropUnacknowledged(node.id, peer, "connection closed");
        if (!connectionState.holds(node.id, peer)) {
            return;
        }
        Node other = sim.node(peer);
        boolean peerHolds = !other.crashed && connectionState.isOpen(node.id, node.epoch, peer, other.epoch);
        connectionState.closeEnd(node.id, peer);
        if (peerHolds && !partitions.isCut(node.id, peer)) {
            long fin = sim.now + oneWayNanos(stream(node.id));
            if (config.fifoLinks() && peer < node.lastDeliveryTo.length) {
                fin = Math.max(fin, node.lastDeliveryTo[peer]);      // behind the data it sent
            }
            notice(peer, node.id, fin);
        }
    }

    /**
     * A connect to a crashed process, or a message to a previous life of a restarted one, is
     * answered by a reset: the sender learns after one round trip, and holds no connection to it.
     */
    private void refused(Node from, int to) {
        SplittableRandom random = stream(from.id);
        long knownAt = sim.now + oneWayNanos(random) + oneWayNanos(random);
        connectionState.breakAt(from.id, to, knownAt);               // what it sends until it knows is lost too
        notice(from.id, to, knownAt);
    }

    /**
     * A process crashed (its machine still answers): every live connection to it is reset. What
     * is in flight on them is dropped, and each peer learns one network delay later; a peer
     * across a cut learns when the link heals or when it sends over a link that carries traffic.
     */
    void processCrashed(Node crashed, int previousEpoch) {
        SplittableRandom random = stream(crashed.id);
        for (int peer = 0; peer < sim.nodeCount(); peer++) {
            if (peer == crashed.id) {
                continue;
            }
            dropUnacknowledged(crashed.id, peer, "sender crashed");
            Node other = sim.node(peer);
            if (connectionState.isOpen(peer, other.epoch, crashed.id, previousEpoch)) {
                if (partitions.isCut(crashed.id, peer)) {
                    connectionState.endInFlight(crashed.id, peer);   // silence: the peer still holds its end
                    continue;
                }
                long knownAt = sim.now + oneWayNanos(random);
                connectionState.breakAt(crashed.id, peer, knownAt);
                notice(peer, crashed.id, knownAt);
            }
        }
        connectionState.forgetAll(crashed.id);
    }

    /** A machine was powered off: its process's connections end with it, and nobody hears a thing. */
    void machineVanished(Node node) {
        for (int peer = 0; peer < sim.nodeCount(); peer++) {
            if (peer != node.id) {
                dropUnacknowledged(node.id, peer, "sender crashed");
            }
        }
        connectionState.forgetAll(node.id);
    }

    /** One network delay as a connection sees it (a slow draw is capped by the retransmission timeout). */
    private long oneWayNanos(SplittableRandom random) {
        return Math.min(config.latency().sampleNanos(random), retransmissionTimeoutNanos);
    }

    /** Tells {@code node} at {@code atNanos} that its connection to {@code peer} is lost, unless a notice is on its way. */
    private void notice(int node, int peer, long atNanos) {
        int epoch = sim.node(node).epoch;
        if (!connectionState.claimNotice(node, peer, epoch)) {
            return;
        }
        Jobs.ConnectionLost notice = new Jobs.ConnectionLost(node, peer, epoch);
        notice.time = atNanos;
        sim.schedule(notice);
    }

    /**
     * A notice is due: it reaches the node unless the node crashed since (its new life had no such
     * connection), and it ends the node's end of the connection it tells of (unless a new one
     * replaced it).
     */
    void noticeDue(Jobs.ConnectionLost notice) {
        connectionState.noticeDelivered(notice.node, notice.peer, notice.nodeEpoch);
        Node node = sim.node(notice.node);
        if (node.crashed || node.epoch != notice.nodeEpoch) {
            return;
        }
        Node peer = sim.node(notice.peer);
        if (connectionState.isStale(node.id, node.epoch, peer.id, peer.crashed ? -1 : peer.epoch)) {
            connectionState.closeEnd(node.id, peer.id);
        }
        sim.queueNotice(node, notice);
    }

    private long spikeNanos(Node from, int to, long now) {
        long extra = now < globalSpikeUntilNanos ? globalSpikeNanos : 0;
        if (now < from.delaySpikeUntilNanos) {
            extra += from.delaySpikeNanos;
        }
        Node receiver = sim.node(to);
        if (now < receiver.delaySpikeUntilNanos) {
            extra += receiver.delaySpikeNanos;
        }
        return extra;
    }
}
