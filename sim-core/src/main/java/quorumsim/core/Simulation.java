package quorumsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.metrics.Metrics;
import quorumsim.net.Connections;
import quorumsim.net.NetworkConfig;
import quorumsim.net.Partitions;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;

/**
 * The single-threaded discrete-event engine. Nodes are added, then {@link #start()} queues
 * their actors' start, then {@code runUntil} processes events in (time, insertion) order.
 * Every draw comes from streams split off one seed, so a run is a function of its seed and
 * set-up: the trace digest proves it.
 *
 * <p>This file holds the set-up, the event loop and what a run reads; the engine's parts live
 * beside it: {@link CpuScheduler} (each node's cores and in-order output), {@link DiskWrites}
 * (group commit), {@link NodeTimers}, {@link Tracer} (digest, trace and observations),
 * {@link FaultTimeline} (faults starting and ending), {@link FaultTargets} and
 * {@link NodeLifecycle} (crash, pause, recover, behaviours).
 */
public final class Simulation {
    final RandomStreams streams;
    final CpuCostModel costs;
    final Metrics metrics;
    final Network network;
    final EventQueue queue = new EventQueue();
    private final ArrayList<Node> nodes = new ArrayList<>();
    final Tracer tracer = new Tracer(this);
    final CpuScheduler cpu = new CpuScheduler(this);
    final DiskWrites disk = new DiskWrites(this);
    final NodeTimers timers = new NodeTimers(this);
    final FaultTargets targets = new FaultTargets(this);
    final NodeLifecycle lifecycle = new NodeLifecycle(this);
    final FaultTimeline faults = new FaultTimeline(this);
    boolean started;
    long now;
    private long events;

    /** A fault as it was applied: when, what, and to whom it resolved. */
    public record FaultRecord(long timeNanos, String label, int[] nodes) {
    }


    public Simulation(long seed, NetworkConfig network, CpuCostModel costs, long metricsBucketNanos) {
        this.streams = new RandomStreams(seed);
        this.costs = costs;
        this.metrics = new Metrics(metricsBucketNanos);
        this.network = new Network(this, network);
    }

    // ---------------------------------------------------------------- set-up

    /** Adds a node; its id is the order of addition, from 0. */
    public int addNode(String name, NodeSpec spec, ActorFactory factory) {
        if (started) {
            throw new IllegalStateException("nodes are added before the simulation starts");
        }
        int id = nodes.size();
        Node node = new Node(id, name, spec, factory, this);
        node.bandwidthBitsPerSec = spec.bandwidthBitsPerSec() < 0 ? network.config.bandwidthBitsPerSec() : spec.bandwidthBitsPerSec();
        nodes.add(node);
        return id;
    }

    /**
     * Changes node {@code id}'s hardware before the run starts: a scenario's {@code hardware:}
     * section over what a deployment chose. The node keeps its name, actor factory and streams.
     */
    public void reshapeNode(int id, java.util.function.UnaryOperator<NodeSpec> change) {
        if (started) {
            throw new IllegalStateException("nodes are reshaped before the simulation starts");
        }
        Node old = nodes.get(id);
        NodeSpec spec = change.apply(old.spec);
        Node node = new Node(id, old.name, spec, old.factory, this);
        node.bandwidthBitsPerSec = spec.bandwidthBitsPerSec() < 0 ? network.config.bandwidthBitsPerSec() : spec.bandwidthBitsPerSec();
        nodes.set(id, node);
    }

    /**
     * Makes every link a TCP-like connection (reliable; a cut is silence, a crash a reset; see {@link Connections}).
     * A deployment whose protocol assumes TCP calls this before the run starts; without it,
     * links carry datagrams, where a cut or loss drops messages silently.
     */
    public void useConnections(Connections connections) {
        if (started) {
            throw new IllegalStateException("connections are chosen before the simulation starts");
        }
        network.connections = connections;
        network.retransmissionTimeoutNanos = connections.retransmissionTimeoutNanos(network.config.latency());
    }

    /** Nodes 0..count-1 are the servers ("all" in fault targets); the rest are clients. */
    public void setServerCount(int count) {
        targets.serverCount = count;
    }

    /** How "leader" or "primary" in a fault target is resolved when the fault fires. */
    public void setRoleResolver(Function<String, int[]> resolver) {
        targets.roleResolver = resolver;
    }

    public void addTraceListener(TraceListener listener) {
        tracer.traceListeners.add(listener);
    }

    public void addObserver(ObservationListener listener) {
        tracer.observers.add(listener);
    }

    /** Creates every actor and queues its {@code onStart} at time zero. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the simulation has started already");
        }
        started = true;
        network.partitions = new Partitions(nodes.size());
        if (network.connections != null) {
            network.connectionState = new Connections.State(nodes.size());
            network.partitions.setListener(network::linkHealed);
        }
        for (Node node : nodes) {
            node.actor = node.factory.create(node.id, node.store);
            cpu.enqueue(node, new Jobs.Start());
        }
    }

    // ---------------------------------------------------------------- running

    /** Processes events up to and including {@code deadlineNanos}; the clock ends there. */
    public void runUntil(long deadlineNanos) {
        runUntil(() -> false, deadlineNanos);
    }

    /**
     * As {@link #runUntil(long)}, stopping early after the event that makes {@code stop} true
     * (at once, without processing anything, if it is true already): a sweep's Ctrl-C or a swarm's
     * wall-time limit calls a run off this way.
     */
    public void runUntil(BooleanSupplier stop, long deadlineNanos) {
        if (!started) {
            start();
        }
        if (stop.getAsBoolean()) {
            return;
        }
        EventQueue q = queue;
        while (true) {
            Event e = q.peek();
            if (e == null || e.time > deadlineNanos) {
                now = Math.max(now, deadlineNanos == Long.MAX_VALUE ? now : deadlineNanos);
                return;
            }
            q.poll();
            now = e.time;
            events++;
            try {
                e.fire(this);
            } catch (InvariantViolation broken) {
                throw broken.withSeed(streams.rootSeed());                 // a broken invariant names the run's seed
            }
            if (stop.getAsBoolean()) {
                return;
            }
        }
    }

    /** Runs until no event is left. */
    public void runToCompletion() {
        runUntil(Long.MAX_VALUE);
    }

    /** Runs {@code action} at {@code timeNanos} (workload hooks, probes, checks). */
    public void at(long timeNanos, Runnable action) {
        Jobs.Action event = new Jobs.Action(action);
        event.time = Math.max(timeNanos, now);
        schedule(event);
    }

    /** Schedules a fault on the timeline; it has no end of its own (see the overload with {@code untilNanos}). */
    public void scheduleFault(long timeNanos, Fault fault) {
        at(timeNanos, () -> apply(fault));
    }

    /**
     * Applies a fault now, with no end of its own: a crash, pause, cut or behaviour stays until
     * an explicit recover, resume, heal or switch-off.
     */
    public void apply(Fault fault) {
        faults.apply(fault);
    }

    /**
     * Schedules a fault that ends: at {@code untilNanos} it undoes exactly what it did at
     * {@code atNanos}, on the nodes its target resolved to then (a role is not resolved again),
     * and leaves every other fault in force.
     */
    public void scheduleFault(long atNanos, long untilNanos, Fault fault) {
        faults.schedule(atNanos, untilNanos, fault);
    }

    /** The node ids a target means now. */
    public int[] resolve(Target target, boolean crashedOnly) {
        return targets.resolve(target, crashedOnly);
    }

    // ---------------------------------------------------------------- reading

    public long now() {
        return now;
    }

    public long events() {
        return events;
    }

    public int nodeCount() {
        return nodes.size();
    }

    public String nodeName(int id) {
        return nodes.get(id).name;
    }

    public boolean isCrashed(int id) {
        return nodes.get(id).crashed;
    }

    public Metrics metrics() {
        return metrics;
    }

    public String digestHex() {
        return tracer.digest.hex();
    }

    public long digest() {
        return tracer.digest.value();
    }

    public List<FaultRecord> faultLog() {
        return faults.records;
    }

    /** Share of the node's core time spent busy so far, in [0, 1]. */
    public double cpuUtilisation(int id) {
        Node node = nodes.get(id);
        return now == 0 ? 0 : Math.min(1.0, node.busyNanos / ((double) now * node.spec.cores()));
    }

    public RandomStreams streams() {
        return streams;
    }

    // ---------------------------------------------------------------- engine internals

    Node node(int id) {
        return nodes.get(id);
    }

    void schedule(Event event) {
        if (event.time < now) {
            throw new IllegalStateException("time would go backwards: " + event.getClass().getSimpleName()
                    + " scheduled at " + event.time + " ns, now is " + now + " ns (seed " + streams.rootSeed() + ")");
        }
        queue.add(event);
    }

    /** Schedules a timer for when the node's elapsed clock time reaches {@code elapsedDeadlineNanos}. */
    void scheduleTimer(Node node, long elapsedDeadlineNanos, TimerId id) {
        timers.schedule(node, elapsedDeadlineNanos, id);
    }

    void arrive(Jobs.Delivery delivery) {
        Node receiver = nodes.get(delivery.to);
        if (receiver.crashed) {
            trace(TraceKind.DROP, delivery.to, delivery.from, delivery, "crashed");
            return;
        }
        if (network.lostOnTheWay(delivery)) {
            trace(TraceKind.DROP, delivery.to, delivery.from, delivery, network.connections == null ? "partition" : "connection broken");
            return;
        }
        cpu.enqueue(receiver, delivery);
    }

    /** A connection notice reaches its node's CPU queue like a message. */
    void queueNotice(Node node, Jobs.ConnectionLost notice) {
        cpu.enqueue(node, notice);
    }

    void observe(long timeNanos, int node, Object event) {
        tracer.observe(timeNanos, node, event);
    }

    void trace(TraceKind kind, int node, int peer, Jobs.Delivery d, String detail) {
        tracer.trace(kind, node, peer, d, detail);
    }

    /** The digest's hash of a message type name. */
    long typeHash(String type) {
        return tracer.digest.typeHashCached(type);
    }

    /** A message's trace line; its type name, hash and size are the ones read once when it was sent. */
    void trace(TraceKind kind, int node, int peer, Message message, String type, long typeHash, int sizeBytes,
               long messageId, String detail) {
        tracer.trace(kind, node, peer, message, type, typeHash, sizeBytes, messageId, detail);
    }
}
