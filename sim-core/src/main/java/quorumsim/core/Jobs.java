package quorumsim.core;

import quorumsim.trace.TraceKind;

/** The kinds of {@link Job}. */
final class Jobs {
    private Jobs() {
    }

    /** A message reaches the receiver's NIC; as an event it queues itself on the CPU. */
    static final class Delivery extends Job {
        final int from;
        final int to;
        final Message message;
        /** The message's type name, its digest hash and its size, read once when it was sent. */
        final String type;
        final long typeHash;
        final int sizeBytes;
        final long messageId;
        /** The connection it travels on (networks with connections), or -1. */
        long connection = -1;
        /** The receiver's life (epoch) it was sent to (networks with connections), or -1. */
        int toEpoch = -1;
        /** From its first frame reaching the receiver's port, the soonest its last has crossed it ({@code Framing}). */
        long pipelineTailNanos;

        Delivery(int from, int to, Message message, String type, long typeHash, int sizeBytes, long messageId) {
            this.from = from;
            this.to = to;
            this.message = message;
            this.type = type;
            this.typeHash = typeHash;
            this.sizeBytes = sizeBytes;
            this.messageId = messageId;
        }

        @Override
        void fire(Simulation sim) {
            sim.arrive(this);
        }

        @Override
        int kindCode() {
            return TraceKind.DELIVER.code();
        }

        @Override
        long baseCostNanos(Simulation sim, Node node) {
            return sim.costs.receiveNanos(to, message);
        }

        @Override
        void handle(Node node, NodeContext ctx) {
            node.actor.onMessage(ctx, from, message);
        }
    }

    /** A message crossed the wire and waits for the receiver's NIC (finite bandwidth only). */
    static final class NicArrival extends Event {
        final Delivery delivery;

        NicArrival(Delivery delivery) {
            this.delivery = delivery;
        }

        @Override
        void fire(Simulation sim) {
            sim.network.receiveThroughNic(delivery);
        }

        @Override
        int kindCode() {
            return 0;
        }
    }

    /** A connect attempt over a cut link reaches its timeout. */
    static final class ConnectDue extends Event {
        final int from;
        final int to;
        final Network.Attempt attempt;

        ConnectDue(int from, int to, Network.Attempt attempt) {
            this.from = from;
            this.to = to;
            this.attempt = attempt;
        }

        @Override
        void fire(Simulation sim) {
            sim.network.connectDue(from, to, attempt);
        }

        @Override
        int kindCode() {
            return 0;
        }
    }

    /** A node learns that its connection to {@code peer} broke, or that a connect to it failed. */
    static final class ConnectionLost extends Job {
        final int node;
        final int peer;
        /** The node's epoch when the connection broke: a node that crashed since had no such connection. */
        final int nodeEpoch;

        ConnectionLost(int node, int peer, int nodeEpoch) {
            this.node = node;
            this.peer = peer;
            this.nodeEpoch = nodeEpoch;
        }

        @Override
        void fire(Simulation sim) {
            sim.network.noticeDue(this);
        }

        @Override
        int kindCode() {
            return TraceKind.CONNECTION_LOST.code();
        }

        @Override
        long baseCostNanos(Simulation sim, Node node) {
            return 0;
        }

        @Override
        void handle(Node node, NodeContext ctx) {
            node.actor.onConnectionLost(ctx, peer);
        }
    }

    /** A timer comes due: it fires when the node's elapsed clock time reaches the deadline. */
    static final class TimerFire extends Job {
        final int node;
        final TimerId id;
        final long elapsedDeadlineNanos;
        /** A drift change moved this timer: a new event replaces this one. */
        boolean superseded;

        TimerFire(int node, TimerId id, long elapsedDeadlineNanos) {
            this.node = node;
            this.id = id;
            this.elapsedDeadlineNanos = elapsedDeadlineNanos;
        }

        @Override
        void fire(Simulation sim) {
            sim.timers.fired(this);
        }

        @Override
        int kindCode() {
            return TraceKind.TIMER.code();
        }

        @Override
        long baseCostNanos(Simulation sim, Node node) {
            return 0;
        }

        @Override
        void handle(Node node, NodeContext ctx) {
            if (!id.cancelled) {
                node.actor.onTimer(ctx, id.timer);
            }
        }
    }

    static final class Persisted extends Job {
        final Object token;

        Persisted(Object token) {
            this.token = token;
        }

        @Override
        void fire(Simulation sim) {
            throw new IllegalStateException("persisted jobs are queued, not scheduled");
        }

        @Override
        int kindCode() {
            return 0;
        }

        @Override
        long baseCostNanos(Simulation sim, Node node) {
            return 0;
        }

        @Override
        void handle(Node node, NodeContext ctx) {
            node.actor.onPersisted(ctx, token);
        }
    }

    static final class Start extends Job {
        @Override
        void fire(Simulation sim) {
            throw new IllegalStateException("start jobs are queued, not scheduled");
        }

        @Override
        int kindCode() {
            return 0;
        }

        @Override
        long baseCostNanos(Simulation sim, Node node) {
            return 0;
        }

        @Override
        void handle(Node node, NodeContext ctx) {
            node.actor.onStart(ctx);
        }
    }

    /** A core finishes a job: its sends leave, its disk writes start, the next job runs. */
    static final class CpuDone extends Event {
        final Node node;
        final int epoch;
        final Outbox outbox;
        final long ticket;
        /** When the job started, how much CPU it needs, and how long the node had been paused then. */
        final long startNanos;
        final long workNanos;
        final long pausedBeforeNanos;

        CpuDone(Node node, int epoch, Outbox outbox, long ticket, long startNanos, long workNanos, long pausedBeforeNanos) {
            this.node = node;
            this.epoch = epoch;
            this.outbox = outbox;
            this.ticket = ticket;
            this.startNanos = startNanos;
            this.workNanos = workNanos;
            this.pausedBeforeNanos = pausedBeforeNanos;
        }

        @Override
        void fire(Simulation sim) {
            sim.cpu.cpuDone(this);
        }

        @Override
        int kindCode() {
            return 0;
        }
    }

    /** A disk flush ends: every write it covered is stable. */
    static final class FlushDone extends Event {
        final Node node;
        final DiskQueue disk;
        final int epoch;
        final Object[] tokens;
        final long startNanos;
        final long bytes;

        FlushDone(Node node, DiskQueue disk, int epoch, Object[] tokens, long startNanos, long bytes) {
            this.node = node;
            this.disk = disk;
            this.epoch = epoch;
            this.tokens = tokens;
            this.startNanos = startNanos;
            this.bytes = bytes;
        }

        @Override
        void fire(Simulation sim) {
            sim.disk.flushDone(this);
        }

        @Override
        int kindCode() {
            return 0;
        }
    }

    /** Anything scheduled from outside the actors: faults, workload hooks, probes. */
    static final class Action extends Event {
        final Runnable action;

        Action(Runnable action) {
            this.action = action;
        }

        @Override
        void fire(Simulation sim) {
            action.run();
        }

        @Override
        int kindCode() {
            return TraceKind.FAULT.code();
        }
    }
}
