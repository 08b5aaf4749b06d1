package quorumsim.core;

import java.util.SplittableRandom;
import quorumsim.net.NetworkConfig;
import quorumsim.net.Partitions;
import quorumsim.trace.TraceKind;

/**
 * Moves messages: partition and loss checks, sender NIC serialization (FIFO per sender),
 * latency drawn from the sender's own network stream, optional reordering and duplication,
 * receiver NIC serialization, FIFO links when asked. A message on a link that is cut when it
 * is sent or when it arrives is dropped.
 */
final class Network {
    private final Simulation sim;
    final NetworkConfig config;
    Partitions partitions;
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

    static long transmissionNanos(int bytes, long bitsPerSec) {
        return bitsPerSec == 0 ? 0 : (bytes * 8L * 1_000_000_000L + bitsPerSec - 1) / bitsPerSec;
    }

    /** A message leaves {@code from} at the current time. */
    void transmit(Node from, int to, Message message) {
        long now = sim.now;
        long id = nextMessageId++;
        int bytes = message.sizeBytes();
        String type = message.typeName();
        long typeHash = sim.typeHash(type);
        sim.metrics.messageSent(message.getClass(), type, bytes);
        sim.trace(TraceKind.SEND, from.id, to, message, type, typeHash, bytes, id, null);
        if (partitions.isCut(from.id, to)) {
            sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "partition");
            return;
        }
        SplittableRandom random = stream(from.id);
        if (config.lossProbability() > 0 && random.nextDouble() < config.lossProbability()) {
            sim.trace(TraceKind.DROP, to, from.id, message, type, typeHash, bytes, id, "loss");
            return;
        }
        long departs = Math.max(now, from.sendFreeAtNanos) + transmissionNanos(bytes, from.bandwidthBitsPerSec);
        from.sendFreeAtNanos = departs;
        int copies = config.duplicateProbability() > 0 && random.nextDouble() < config.duplicateProbability() ? 2 : 1;
        for (int copy = 0; copy < copies; copy++) {
            long arrives = departs + config.latency().sampleNanos(random) + spikeNanos(from, to, now);
            if (config.reorderProbability() > 0 && random.nextDouble() < config.reorderProbability()) {
                arrives += config.reorderDelayNanos();
            }
            if (config.fifoLinks()) {
                if (to >= from.lastDeliveryTo.length) {  // grown as needed: a client that only talks to servers keeps a short array
                    int length = Math.min(sim.nodeCount(), Math.max(to + 1, 2 * from.lastDeliveryTo.length));
                    from.lastDeliveryTo = java.util.Arrays.copyOf(from.lastDeliveryTo, length);
                }
                arrives = Math.max(arrives, from.lastDeliveryTo[to]);
                from.lastDeliveryTo[to] = arrives;
            }
            Jobs.Delivery delivery = new Jobs.Delivery(from.id, to, message, type, typeHash, bytes, id);
            Node receiver = sim.node(to);
            if (receiver.bandwidthBitsPerSec == 0) {
                delivery.time = arrives;
                sim.schedule(delivery);
            } else {
                Jobs.NicArrival arrival = new Jobs.NicArrival(delivery);
                arrival.time = arrives;
                sim.schedule(arrival);
            }
        }
    }

    /** The bits cross the receiver's NIC, one message at a time in arrival order. */
    void receiveThroughNic(Jobs.Delivery delivery) {
        Node receiver = sim.node(delivery.to);
        if (receiver.crashed || partitions.isCut(delivery.from, delivery.to)) {
            sim.arrive(delivery); // drops it, before it takes the NIC's time
            return;
        }
        long done = Math.max(sim.now, receiver.receiveFreeAtNanos)
                + transmissionNanos(delivery.sizeBytes, receiver.bandwidthBitsPerSec);
        receiver.receiveFreeAtNanos = done;
        delivery.time = done;
        sim.schedule(delivery);
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
