package quorumsim.core;

import java.util.random.RandomGenerator;
import quorumsim.metrics.Metrics;

/** The engine's side of {@link Context}, one per node, pointed at the job now running. */
final class NodeContext implements Context {
    private final Node node;
    private final Simulation sim;
    /** Virtual time at which the current handler runs. */
    long handlerTimeNanos;
    /** CPU charged by the current handler on top of its base cost. */
    long chargedNanos;
    /** Sends and writes of the current handler, released when its work completes. */
    Outbox outbox;
    /** An emptied outbox of a handler that cost no CPU, kept for the next handler. */
    Outbox spareOutbox;

    NodeContext(Node node, Simulation sim) {
        this.node = node;
        this.sim = sim;
    }

    private Outbox outbox() {
        if (outbox == null) {
            outbox = spareOutbox != null ? spareOutbox : new Outbox();
            spareOutbox = null;
        }
        return outbox;
    }

    @Override
    public int self() {
        return node.id;
    }

    @Override
    public long now() {
        return node.clock.localAt(handlerTimeNanos);
    }

    @Override
    public long trueTimeNanos() {
        return handlerTimeNanos;
    }

    @Override
    public void send(int to, Message message) {
        if (to < 0 || to >= sim.nodeCount()) {
            throw new IllegalArgumentException("node " + node.id + " sent " + message.typeName() + " to unknown node " + to);
        }
        chargedNanos += sim.costs.sendNanos(node.id, message);
        outbox().send(to, message);
    }

    /**
     * With the switch's multicast on (datagram networks), one transmission and one send's CPU
     * for every receiver; otherwise one unicast per receiver.
     */
    @Override
    public void multicast(int[] to, Message message) {
        if (!sim.network.multicastsOnce()) {
            Context.super.multicast(to, message);
            return;
        }
        int[] receivers = java.util.Arrays.stream(to).filter(r -> r != node.id).toArray();
        for (int r : receivers) {
            if (r < 0 || r >= sim.nodeCount()) {
                throw new IllegalArgumentException("node " + node.id + " multicast " + message.typeName() + " to unknown node " + r);
            }
        }
        if (receivers.length == 0) {
            return;
        }
        chargedNanos += sim.costs.sendNanos(node.id, message);
        outbox().multicast(receivers, message);
    }

    @Override
    public TimerId setTimer(long delayNanos, Object timer) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer delay must not be negative: " + timer);
        }
        TimerId id = new TimerId(timer);
        sim.scheduleTimer(node, node.clock.elapsedAt(handlerTimeNanos) + delayNanos, id);
        return id;
    }

    @Override
    public void cancelTimer(TimerId id) {
        if (id != null) {
            id.cancelled = true;
        }
    }

    @Override
    public RandomGenerator random() {
        return node.random;
    }

    @Override
    public void chargeCpu(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("CPU charge must not be negative");
        }
        chargedNanos += nanos;
    }

    @Override
    public void closeConnection(int peer) {
        if (peer < 0 || peer >= sim.nodeCount() || peer == node.id) {
            throw new IllegalArgumentException("node " + node.id + " closed a connection to " + peer + ": no such peer");
        }
        if (sim.network.connections != null) {
            outbox().close(peer);
        }
    }

    @Override
    public void persist(quorumsim.disk.DiskDevice device, int bytes, Object token) {
        outbox().write(device, bytes, token);
    }

    @Override
    public Signature sign(Object content, Signature.Kind kind) {
        chargedNanos += sim.costs.signNanos(kind);
        return new Signature(node.id, content, kind);
    }

    @Override
    public boolean verify(Signature signature, int signer, Object content) {
        if (signature == null) {
            return false;
        }
        chargedNanos += sim.costs.verifyNanos(signature.kind());
        return signature.matches(signer, content);
    }

    @Override
    public void observe(Object event) {
        sim.observe(handlerTimeNanos, node.id, event);
    }

    @Override
    public Metrics metrics() {
        return sim.metrics;
    }

    @Override
    public StableStore store() {
        return node.store;
    }
}
