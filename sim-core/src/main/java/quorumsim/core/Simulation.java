package quorumsim.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.metrics.Metrics;
import quorumsim.net.Connections;
import quorumsim.net.NetworkConfig;
import quorumsim.net.Partitions;
import quorumsim.trace.TraceDigest;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;

/**
 * The single-threaded discrete-event engine. Nodes are added, then {@link #start()} queues
 * their actors' start, then {@code runUntil} processes events in (time, insertion) order.
 * Every draw comes from streams split off one seed, so a run is a function of its seed and
 * set-up: the trace digest proves it.
 */
public final class Simulation {
    final RandomStreams streams;
    final CpuCostModel costs;
    final Metrics metrics;
    final Network network;
    private final EventQueue queue = new EventQueue();
    private final ArrayList<Node> nodes = new ArrayList<>();
    private final TraceDigest digest = new TraceDigest();
    private final ArrayList<TraceListener> traceListeners = new ArrayList<>();
    private final ArrayList<ObservationListener> observers = new ArrayList<>();
    /** Faults in force, in the order they started (see {@link ActiveFault}). */
    private final ArrayList<ActiveFault> inForce = new ArrayList<>();
    /** Each node's own clock drift, which a drift fault's end restores unless another is in force. */
    private double[] baseDriftPpm;
    private final ArrayList<FaultRecord> faultLog = new ArrayList<>();
    private Function<String, int[]> roleResolver = role -> {
        throw new IllegalArgumentException("this protocol has no role '" + role + "'");
    };
    private int serverCount = -1;
    private boolean started;
    long now;
    private long events;
    /** The class of the timer traced last, and its name: timers of one class often come in runs. */
    private Class<?> lastTimerClass;
    private String lastTimerType;
    private long lastTimerTypeHash;

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
     * Makes every link a TCP-like connection (reliable, broken visibly; see {@link Connections}).
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
        this.serverCount = count;
    }

    /** How "leader" or "primary" in a fault target is resolved when the fault fires. */
    public void setRoleResolver(Function<String, int[]> resolver) {
        this.roleResolver = resolver;
    }

    public void addTraceListener(TraceListener listener) {
        traceListeners.add(listener);
    }

    public void addObserver(ObservationListener listener) {
        observers.add(listener);
    }

    /** Creates every actor and queues its {@code onStart} at time zero. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the simulation has started already");
        }
        started = true;
        network.partitions = new Partitions(nodes.size());
        baseDriftPpm = new double[nodes.size()];
        if (network.connections != null) {
            network.connectionState = new Connections.State(nodes.size());
            network.partitions.setListener(network::linkHealed);
        }
        for (Node node : nodes) {
            node.actor = node.factory.create(node.id, node.store);
            baseDriftPpm[node.id] = node.spec.clockDriftPpm();
            enqueue(node, new Jobs.Start());
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
            e.fire(this);
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
        return digest.hex();
    }

    public long digest() {
        return digest.value();
    }

    public List<FaultRecord> faultLog() {
        return faultLog;
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
        Jobs.TimerFire fire = new Jobs.TimerFire(node.id, id, elapsedDeadlineNanos);
        fire.epoch = node.epoch;
        fire.time = node.clock.virtualTimeAtElapsed(elapsedDeadlineNanos, now);
        schedule(fire);
    }

    /** After a drift change, moves the node's pending timers to when its clock now reaches them. */
    private void retimeTimers(Node node) {
        ArrayList<Jobs.TimerFire> pending = new ArrayList<>();
        queue.forEach(e -> {
            if (e instanceof Jobs.TimerFire t && t.node == node.id && !t.superseded && !t.id.cancelled && t.epoch == node.epoch) {
                pending.add(t);
            }
        });
        pending.sort(java.util.Comparator.<Jobs.TimerFire>comparingLong(t -> t.time).thenComparingLong(t -> t.seq));
        for (Jobs.TimerFire old : pending) {
            old.superseded = true;
            scheduleTimer(node, old.elapsedDeadlineNanos, old.id);
        }
    }

    void timerFired(Jobs.TimerFire fire) {
        Node node = nodes.get(fire.node);
        if (fire.superseded || fire.id.cancelled || fire.epoch != node.epoch) {
            return;
        }
        enqueue(node, fire);
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
        enqueue(receiver, delivery);
    }

    /** A connection notice reaches its node's CPU queue like a message. */
    void queueNotice(Node node, Jobs.ConnectionLost notice) {
        enqueue(node, notice);
    }

    private void enqueue(Node node, Job job) {
        job.epoch = node.epoch;
        if (!node.draining && node.queue.isEmpty() && canStart(node)) {
            node.draining = true; // what tryStart would do with a queue of one, without the queue
            runJob(node, job);
            node.draining = false;
            if (!node.queue.isEmpty()) {
                tryStart(node);
            }
            return;
        }
        node.queue.add(job);
        tryStart(node);
    }

    private static boolean canStart(Node node) {
        return !node.paused && !node.crashed && node.busyCores < node.spec.cores();
    }

    /**
     * Starts queued jobs while a core is free. Not re-entered: work that a job's release queues
     * (a write on an instant disk, say) waits for the loop already running, so every handler's
     * outbox leaves whole before the next handler runs, and chains of such work stay flat.
     */
    private void tryStart(Node node) {
        if (node.draining) {
            return;
        }
        node.draining = true;
        while (canStart(node) && !node.queue.isEmpty()) {
            Job job = node.queue.poll();
            if (job.epoch != node.epoch) {
                continue;
            }
            runJob(node, job);
        }
        node.draining = false;
    }

    private void runJob(Node node, Job job) {
        NodeContext ctx = node.ctx;
        ctx.handlerTimeNanos = now;
        ctx.chargedNanos = 0;
        ctx.outbox = null;
        if (job instanceof Jobs.Delivery d) {
            trace(TraceKind.DELIVER, node.id, d.from, d, null);
        } else if (job instanceof Jobs.TimerFire t) {
            if (t.id.cancelled) {
                return;
            }
            traceTimer(node.id, t.id.timer);
        } else if (job instanceof Jobs.ConnectionLost c) {
            traceConnectionLost(node.id, c.peer);
        }
        long ticket = node.nextTicket++;
        long cost = job.baseCostNanos(this, node);
        int epoch = node.epoch;
        job.handle(node, ctx);
        if (node.epoch != epoch) {
            return; // an observer crashed the node inside its own handler: the work is lost
        }
        cost += ctx.chargedNanos;
        Outbox outbox = ctx.outbox;
        ctx.outbox = null;
        if (cost == 0) {
            if (retire(node, ticket, outbox) && outbox != null) {
                outbox.clear();
                ctx.spareOutbox = outbox;
            }
            return;
        }
        node.busyCores++;
        node.busyNanos += cost;
        Jobs.CpuDone done = new Jobs.CpuDone(node, node.epoch, outbox, ticket, now, cost, pausedNanos(node));
        done.time = now + cost;
        schedule(done);
    }

    /** How long the node has been paused in all, the pause in progress included. */
    private long pausedNanos(Node node) {
        return node.pausedTotalNanos + (node.paused ? now - node.pausedSinceNanos : 0);
    }

    /** CPU work the job still needs: a pause stops the cores, so paused time does not count. */
    private long remainingWork(Jobs.CpuDone done) {
        long pausedDuring = pausedNanos(done.node) - done.pausedBeforeNanos;
        return done.workNanos - (now - done.startNanos - pausedDuring);
    }

    void cpuDone(Jobs.CpuDone done) {
        Node node = done.node;
        if (done.epoch != node.epoch) {
            return;
        }
        long remaining = remainingWork(done);
        if (remaining > 0) {
            if (node.paused) {
                node.parked.add(done);
            } else {
                done.time = now + remaining;
                schedule(done);
            }
            return;
        }
        node.busyCores--;
        node.draining = true;
        retire(node, done.ticket, done.outbox);
        node.draining = false;
        tryStart(node);
    }

    /**
     * A job finished: its output leaves once every job that started before it has finished too.
     * Returns true when the output left at once (so its outbox may be reused).
     */
    private boolean retire(Node node, long ticket, Outbox outbox) {
        if (ticket == node.retireNext && node.retiring.isEmpty()) {
            node.retireNext++;
            release(node, outbox);
            return true;
        }
        node.retiring.put(ticket, outbox == null ? Outbox.NONE : outbox);
        while (!node.retiring.isEmpty() && node.retiring.firstKey() == node.retireNext) {
            Outbox ready = node.retiring.pollFirstEntry().getValue();
            node.retireNext++;
            release(node, ready == Outbox.NONE ? null : ready);
        }
        return false;
    }

    private void release(Node node, Outbox outbox) {
        if (outbox == null) {
            return;
        }
        for (int i = 0, n = outbox.size(); i < n; i++) {
            int to = outbox.destination(i);
            if (to == Outbox.WRITE) {
                write(node, outbox.writeBytes(i), outbox.item(i));
            } else if (to == Outbox.MULTICAST) {
                Outbox.Multicast m = (Outbox.Multicast) outbox.item(i);
                network.transmitMulticast(node, m.to(), m.message());
            } else if (to == Outbox.CLOSE) {
                network.close(node, (Integer) outbox.item(i));
            } else {
                network.transmit(node, to, (Message) outbox.item(i));
            }
        }
    }

    private void write(Node node, int bytes, Object token) {
        if (node.spec.disk().flushNanos(bytes) == 0) {
            enqueue(node, new Jobs.Persisted(token));
            return;
        }
        node.pendingWrites.add(new Node.PendingWrite(bytes, token));
        if (!node.flushing) {
            startFlush(node);
        }
    }

    /** Group commit: one fsync covers every write waiting, up to the disk's batch limit. */
    private void startFlush(Node node) {
        int batch = Math.min(node.pendingWrites.size(), node.spec.disk().maxBatchWrites());
        Object[] tokens = new Object[batch];
        long bytes = 0;
        for (int i = 0; i < batch; i++) {
            Node.PendingWrite w = node.pendingWrites.get(i);
            tokens[i] = w.token();
            bytes += w.bytes();
        }
        node.pendingWrites.subList(0, batch).clear();
        node.flushing = true;
        Jobs.FlushDone done = new Jobs.FlushDone(node, node.epoch, tokens);
        done.time = now + node.spec.disk().flushNanos(bytes);
        schedule(done);
    }

    void flushDone(Jobs.FlushDone done) {
        Node node = done.node;
        if (done.epoch != node.epoch) {
            return;
        }
        node.flushing = false;
        node.draining = true;
        for (Object token : done.tokens) {
            enqueue(node, new Jobs.Persisted(token));
        }
        if (!node.pendingWrites.isEmpty()) {
            startFlush(node);
        }
        node.draining = false;
        tryStart(node);
    }

    void observe(long timeNanos, int node, Object event) {
        for (ObservationListener listener : observers) {
            listener.onObservation(timeNanos, node, event);
        }
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(timeNanos, TraceKind.OBSERVE, node, -1, event.getClass().getSimpleName(), -1, 0, event.toString()));
        }
    }

    void trace(TraceKind kind, int node, int peer, Jobs.Delivery d, String detail) {
        trace(kind, node, peer, d.message, d.type, d.typeHash, d.sizeBytes, d.messageId, detail);
    }

    /** The digest's hash of a message type name. */
    long typeHash(String type) {
        return digest.typeHashCached(type);
    }

    /** A message's trace line; its type name, hash and size are the ones read once when it was sent. */
    void trace(TraceKind kind, int node, int peer, Message message, String type, long typeHash, int sizeBytes,
               long messageId, String detail) {
        digest.add(kind.code(), now, node, peer, typeHash, sizeBytes);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(now, kind, node, peer, type, messageId, sizeBytes,
                    detail != null ? detail : message.toString()));
        }
    }

    private void traceTimer(int node, Object timer) {
        Class<?> timerClass = timer.getClass();
        if (timerClass != lastTimerClass) {
            lastTimerClass = timerClass;
            lastTimerType = timerClass.getSimpleName();
            lastTimerTypeHash = digest.typeHashCached(lastTimerType);
        }
        String type = lastTimerType;
        digest.add(TraceKind.TIMER.code(), now, node, -1, lastTimerTypeHash, 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(now, TraceKind.TIMER, node, -1, type, -1, 0, timer.toString()));
        }
    }

    private void traceConnectionLost(int node, int peer) {
        String type = "ConnectionLost";
        digest.add(TraceKind.CONNECTION_LOST.code(), now, node, peer, digest.typeHashCached(type), 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(now, TraceKind.CONNECTION_LOST, node, peer, type, -1, 0, "connection to " + nodes.get(peer).name + " lost"));
        }
    }

    private void traceNode(TraceKind kind, int node, String detail) {
        digest.add(kind.code(), now, node, -1, digest.typeHashCached(detail), 0);
        if (!traceListeners.isEmpty()) {
            emit(new TraceEvent(now, kind, node, -1, kind.name().toLowerCase(java.util.Locale.ROOT), -1, 0, detail));
        }
    }

    private void emit(TraceEvent event) {
        boolean anyDone = false;
        for (TraceListener listener : traceListeners) {
            listener.onTrace(event);
            anyDone |= listener.isDone();
        }
        if (anyDone) {
            traceListeners.removeIf(TraceListener::isDone);
        }
    }

    // ---------------------------------------------------------------- faults

    /**
     * Applies a fault now, with no end of its own: a crash, pause, cut or behaviour stays until
     * an explicit recover, resume, heal or switch-off.
     */
    public void apply(Fault fault) {
        if (!started) {
            throw new IllegalStateException("a fault applies to a started simulation; before start, use scheduleFault");
        }
        ActiveFault started = begin(fault);
        log(fault.label(), started.resolved);
    }

    /**
     * Schedules a fault that ends: at {@code untilNanos} it undoes exactly what it did at
     * {@code atNanos}, on the nodes its target resolved to then (a role is not resolved again),
     * and leaves every other fault in force.
     */
    public void scheduleFault(long atNanos, long untilNanos, Fault fault) {
        if (untilNanos < atNanos) {
            throw new IllegalArgumentException(fault.label() + " ends at " + untilNanos + " ns, before it starts at " + atNanos + " ns");
        }
        if (!canEnd(fault)) {
            throw new IllegalArgumentException(fault.label() + " has no end of its own; crash, pause, partition, cut, isolate,"
                    + " clock jump, clock drift and switching a behaviour on do");
        }
        ActiveFault[] started = new ActiveFault[1];
        at(atNanos, () -> {
            started[0] = begin(fault);
            log(fault.label(), started[0].resolved);
        });
        at(untilNanos, () -> end(started[0]));
    }

    private static boolean canEnd(Fault fault) {
        return ActiveFault.isDown(fault) || fault instanceof Fault.Pause || fault instanceof Fault.Partition
                || fault instanceof Fault.OneWayCut || fault instanceof Fault.Isolate || fault instanceof Fault.ClockJump
                || fault instanceof Fault.ClockDrift || fault instanceof Fault.Byzantine b && b.enabled();
    }

    private void log(String label, int[] nodes) {
        faultLog.add(new FaultRecord(now, label, nodes));
        traceNode(TraceKind.FAULT, nodes.length > 0 ? nodes[0] : -1, label);
    }

    /** Starts a fault: resolves its target once, applies it, and returns what it holds. */
    private ActiveFault begin(Fault fault) {
        ActiveFault f = new ActiveFault(fault);
        if (fault instanceof Fault.Crash c) {
            holdAndApply(f, resolve(c.target(), false), this::crash);
        } else if (fault instanceof Fault.PowerOff p) {
            holdAndApply(f, resolve(p.target(), false), this::powerOff);
        } else if (fault instanceof Fault.Recover r) {
            f.hold(resolve(r.target(), true));
            for (int id : f.resolved) {
                releaseHolds(held -> ActiveFault.isDown(held.fault), id);
                releaseHolds(held -> held.fault instanceof Fault.Pause, id); // a restarted process runs
                recover(nodes.get(id));
            }
            return f;
        } else if (fault instanceof Fault.Pause p) {
            holdAndApply(f, resolve(p.target(), false), this::pause);
        } else if (fault instanceof Fault.Resume r) {
            f.hold(resolve(r.target(), false));
            for (int id : f.resolved) {
                releaseHolds(held -> held.fault instanceof Fault.Pause, id);
                resume(nodes.get(id));
            }
            return f;
        } else if (fault instanceof Fault.Partition p) {
            for (int[] group : p.groups()) {
                for (int id : group) {
                    requireNode(id, fault);
                }
            }
            f.hold(java.util.Arrays.stream(p.groups()).flatMapToInt(java.util.Arrays::stream).toArray());
            cut(f, Partitions.linksBetweenGroups(nodes.size(), p.groups()));
        } else if (fault instanceof Fault.OneWayCut c) {
            requireNode(c.from(), fault);
            requireNode(c.to(), fault);
            f.hold(new int[] {c.from(), c.to()});
            cut(f, Partitions.oneWay(nodes.size(), c.from(), c.to()));
        } else if (fault instanceof Fault.Isolate i) {
            f.hold(resolve(i.target(), false));
            BitSet links = new BitSet();
            for (int id : f.resolved) {
                links.or(Partitions.linksIsolating(nodes.size(), id));
            }
            cut(f, links);
        } else if (fault instanceof Fault.Heal) {
            for (ActiveFault cut : inForce) {
                if (cut.links != null) {
                    network.partitions.restoreAll(cut.links);
                }
            }
            inForce.removeIf(cut -> cut.links != null);
            return f;
        } else if (fault instanceof Fault.ClockJump j) {
            f.hold(resolve(j.target(), false));
            for (int id : f.resolved) {
                nodes.get(id).clock.jump(now, j.jumpNanos());
            }
            return f; // an instant: only a scheduled end (which jumps back) keeps it
        } else if (fault instanceof Fault.ClockDrift d) {
            f.hold(resolve(d.target(), false));
            for (int id : f.resolved) {
                setDrift(nodes.get(id), d.driftPpm());
            }
        } else if (fault instanceof Fault.DelaySpike s) {
            f.hold(s.target() instanceof Target.All ? new int[0] : resolve(s.target(), false));
            f.endNanos = now + s.durationNanos();
            inForce.add(f);
            refreshSpikes(f);
            at(f.endNanos, () -> end(f));
            return f;
        } else if (fault instanceof Fault.Byzantine b) {
            f.hold(resolve(b.target(), false));
            if (!b.enabled()) {
                for (int id : f.resolved) {
                    releaseHolds(held -> held.sameKindAs(b), id);
                    setBehaviour(nodes.get(id), b.behaviour(), false);
                }
                return f;
            }
            for (int id : f.resolved) {
                setBehaviour(nodes.get(id), b.behaviour(), true);
            }
        } else {
            throw new IllegalArgumentException("unknown fault " + fault);
        }
        inForce.add(f);
        return f;
    }

    /**
     * Ends a fault started by {@link #begin}: undoes what it did on the nodes and links it still
     * holds, except where another fault in force holds them too.
     */
    private void end(ActiveFault f) {
        boolean wasInForce = inForce.remove(f);
        Fault fault = f.fault;
        BitSet undone = new BitSet();
        if (fault instanceof Fault.Partition || fault instanceof Fault.OneWayCut || fault instanceof Fault.Isolate) {
            if (wasInForce) {
                network.partitions.restoreAll(f.links); // a link another fault cuts stays cut: cuts are counted
                undone.or(f.held);
            }
        } else if (fault instanceof Fault.ClockJump j) {
            for (int id : f.resolved) {
                nodes.get(id).clock.jump(now, -j.jumpNanos());
                undone.set(id);
            }
        } else if (fault instanceof Fault.DelaySpike) {
            refreshSpikes(f);
            undone.or(f.held);
        } else if (fault instanceof Fault.ClockDrift) {
            for (int id = f.held.nextSetBit(0); id >= 0; id = f.held.nextSetBit(id + 1)) {
                setDrift(nodes.get(id), driftInForce(id)); // the drift before it, or a later drift fault still in force
                undone.set(id);
            }
        } else {
            for (int id = f.held.nextSetBit(0); id >= 0; id = f.held.nextSetBit(id + 1)) {
                if (!heldElsewhere(f, id)) {
                    undo(fault, nodes.get(id));
                    undone.set(id);
                } else if (fault instanceof Fault.PowerOff) {
                    nodes.get(id).poweredOff = poweredOffInForce(id); // powered on, its process still crashed
                }
            }
        }
        log(fault.label() + " ends", undone.stream().toArray());
    }

    /** Whether a power-off in force holds node {@code id}. */
    private boolean poweredOffInForce(int id) {
        for (ActiveFault f : inForce) {
            if (f.fault instanceof Fault.PowerOff && f.held.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** Undoes a crash, power-off, pause or behaviour on one node that nothing else holds. */
    private void undo(Fault fault, Node node) {
        if (ActiveFault.isDown(fault)) {
            releaseHolds(held -> held.fault instanceof Fault.Pause, node.id); // a restarted process runs
            recover(node);
        } else if (fault instanceof Fault.Pause) {
            resume(node);
        } else if (fault instanceof Fault.Byzantine b) {
            setBehaviour(node, b.behaviour(), false);
        } else {
            throw new IllegalStateException("no undo for " + fault.label());
        }
    }

    private void holdAndApply(ActiveFault f, int[] ids, java.util.function.Consumer<Node> action) {
        f.hold(ids);
        for (int id : ids) {
            action.accept(nodes.get(id));
        }
    }

    /** Whether a fault in force other than {@code f}, of its kind, holds node {@code id}. */
    private boolean heldElsewhere(ActiveFault f, int id) {
        for (ActiveFault other : inForce) {
            if (other != f && other.sameKindAs(f.fault) && other.held.get(id)) {
                return true;
            }
        }
        return false;
    }

    /** An explicit recover, resume or switch-off: none of the {@code which} faults holds node {@code id} any longer. */
    private void releaseHolds(java.util.function.Predicate<ActiveFault> which, int id) {
        inForce.removeIf(f -> {
            if (f.links == null && which.test(f)) {
                f.held.clear(id);
                return f.held.isEmpty();
            }
            return false;
        });
    }

    /** The drift a node runs at: the latest drift fault in force on it, or its own. */
    private double driftInForce(int id) {
        double ppm = baseDriftPpm[id];
        for (ActiveFault f : inForce) {
            if (f.fault instanceof Fault.ClockDrift d && f.held.get(id)) {
                ppm = d.driftPpm();
            }
        }
        return ppm;
    }

    private void setDrift(Node node, double driftPpm) {
        node.clock.setDrift(now, driftPpm);
        retimeTimers(node);
    }

    /**
     * Delay spikes add up: the extra latency on a node (or, for a network-wide spike, on every
     * link) is the sum of the spikes in force there, until the last of them ends.
     */
    private void refreshSpikes(ActiveFault changed) {
        if (isNetworkWide(changed)) {
            network.globalSpikeNanos = 0;
            network.globalSpikeUntilNanos = 0;
            for (ActiveFault f : inForce) {
                if (f.fault instanceof Fault.DelaySpike s && isNetworkWide(f)) {
                    network.globalSpikeNanos += s.extraNanos();
                    network.globalSpikeUntilNanos = Math.max(network.globalSpikeUntilNanos, f.endNanos);
                }
            }
            return;
        }
        for (int id = changed.held.nextSetBit(0); id >= 0; id = changed.held.nextSetBit(id + 1)) {
            Node node = nodes.get(id);
            node.delaySpikeNanos = 0;
            node.delaySpikeUntilNanos = 0;
            for (ActiveFault f : inForce) {
                if (f.fault instanceof Fault.DelaySpike s && !isNetworkWide(f) && f.held.get(id)) {
                    node.delaySpikeNanos += s.extraNanos();
                    node.delaySpikeUntilNanos = Math.max(node.delaySpikeUntilNanos, f.endNanos);
                }
            }
        }
    }

    private static boolean isNetworkWide(ActiveFault spike) {
        return ((Fault.DelaySpike) spike.fault).target() instanceof Target.All;
    }

    private void requireNode(int id, Fault fault) {
        if (id < 0 || id >= nodes.size()) {
            throw new IllegalArgumentException(fault.label() + " names node " + id + ", but nodes are 0.." + (nodes.size() - 1));
        }
    }

    private void cut(ActiveFault f, BitSet links) {
        network.partitions.cutAll(links);
        f.links = links;
    }

    /** The node ids a target means now. */
    public int[] resolve(Target target, boolean crashedOnly) {
        int servers = serverCount < 0 ? nodes.size() : serverCount;
        int[] ids;
        if (target instanceof Target.Nodes n) {
            ids = n.ids();
        } else if (target instanceof Target.Role r) {
            ids = roleResolver.apply(r.name());
        } else {
            ids = java.util.stream.IntStream.range(0, servers).toArray();
        }
        for (int id : ids) {
            if (id < 0 || id >= nodes.size()) {
                throw new IllegalArgumentException("fault target " + target + " names node " + id + ", but nodes are 0.." + (nodes.size() - 1));
            }
        }
        if (crashedOnly && target instanceof Target.All) {
            return java.util.Arrays.stream(ids).filter(id -> nodes.get(id).crashed).toArray();
        }
        return ids;
    }

    private void crash(Node node) {
        if (node.crashed) {
            return;
        }
        traceNode(TraceKind.CRASH, node.id, "crash");
        int epoch = dropQueueAndCrash(node);
        if (network.connections != null) {
            network.processCrashed(node, epoch);
        }
    }

    /** The machine vanishes: the process is lost as in a crash, and nothing answers for it. */
    private void powerOff(Node node) {
        if (node.crashed) {
            node.poweredOff = true;                                  // a crashed process's machine goes too
            return;
        }
        traceNode(TraceKind.CRASH, node.id, "power-off");
        dropQueueAndCrash(node);
        node.poweredOff = true;
        if (network.connections != null) {
            network.machineVanished(node);
        }
    }

    /** Drops the node's queued messages and its volatile state; returns the life (epoch) that ended. */
    private int dropQueueAndCrash(Node node) {
        for (Job job : node.queue) {
            if (job instanceof Jobs.Delivery d && job.epoch == node.epoch) {
                trace(TraceKind.DROP, d.to, d.from, d, "crashed");
            }
        }
        int epoch = node.epoch;
        node.crash();
        return epoch;
    }

    private void pause(Node node) {
        if (node.paused) {
            return;
        }
        node.paused = true;
        node.pausedSinceNanos = now;
    }

    /** Ends a pause: the cut-short jobs finish their remaining work, then the queue moves again. */
    private void resume(Node node) {
        if (!node.paused) {
            return;
        }
        node.pausedTotalNanos += now - node.pausedSinceNanos;
        node.paused = false;
        for (Jobs.CpuDone done : node.parked) {
            done.time = now + Math.max(0, remainingWork(done));
            schedule(done);
        }
        node.parked.clear();
        tryStart(node);
    }

    private void recover(Node node) {
        if (!node.crashed) {
            return;
        }
        node.crashed = false;
        node.poweredOff = false;
        resume(node);
        node.sendFreeAtNanos = now;
        node.receiveFreeAtNanos = now;
        node.actor = node.factory.create(node.id, node.store);
        for (String behaviour : node.behaviours) {
            runNow(node, () -> node.actor.onBehaviour(node.ctx, behaviour, true));
        }
        traceNode(TraceKind.RECOVER, node.id, "recover");
        enqueue(node, new Jobs.Start());
    }

    private void setBehaviour(Node node, String behaviour, boolean enabled) {
        if (enabled) {
            node.behaviours.add(behaviour);
        } else {
            node.behaviours.remove(behaviour);
        }
        if (!node.crashed) {
            runNow(node, () -> node.actor.onBehaviour(node.ctx, behaviour, enabled));
        }
    }

    /** Runs a handler at once, outside the CPU queue; what it sends leaves now. */
    private void runNow(Node node, Runnable handler) {
        NodeContext ctx = node.ctx;
        long savedTime = ctx.handlerTimeNanos;
        long savedCharge = ctx.chargedNanos;
        Outbox savedOutbox = ctx.outbox;
        ctx.handlerTimeNanos = now;
        ctx.outbox = null;
        handler.run();
        Outbox outbox = ctx.outbox;
        ctx.handlerTimeNanos = savedTime;
        ctx.chargedNanos = savedCharge;
        ctx.outbox = savedOutbox;
        node.draining = true;
        release(node, outbox);
        node.draining = false;
        tryStart(node);
    }
}
