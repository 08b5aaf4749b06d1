package quorumsim.core;

import quorumsim.trace.TraceKind;

/**
 * Each node's cores: jobs (deliveries, timers, notices, persisted writes) queue on the node and
 * start while a core is free; a job's CPU time is its base cost plus what its handler charged,
 * and what it sends leaves when it finishes, after every job that started before it (in-order
 * retirement), so k cores never reorder a node's output. A pause stops the cores.
 */
final class CpuScheduler {
    private final Simulation sim;

    CpuScheduler(Simulation sim) {
        this.sim = sim;
    }

    /** Queues a job on the node, running it at once when the node is idle. */
    void enqueue(Node node, Job job) {
        job.epoch = node.epoch;
        if (!node.draining && node.queued == 0 && canStart(node)) {
            node.draining = true; // what tryStart would do with a queue of one, without the queue
            runJob(node, job);
            node.draining = false;
            if (node.queued != 0) {
                tryStart(node);
            }
            return;
        }
        node.queue.add(job);
        node.queued++;
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
    void tryStart(Node node) {
        if (node.draining) {
            return;
        }
        node.draining = true;
        while (canStart(node) && node.queued != 0) {
            Job job = node.queue.poll();
            node.queued--;
            if (job.epoch != node.epoch) {
                continue;
            }
            runJob(node, job);
        }
        node.draining = false;
    }

    private void runJob(Node node, Job job) {
        NodeContext ctx = node.ctx;
        ctx.handlerTimeNanos = sim.now;
        ctx.chargedNanos = 0;
        ctx.outbox = null;
        if (job instanceof Jobs.Delivery d) {
            sim.tracer.trace(TraceKind.DELIVER, node.id, d.from, d, null);
        } else if (job instanceof Jobs.TimerFire t) {
            if (t.id.cancelled) {
                return;
            }
            sim.tracer.timer(node.id, t.id.timer);
        } else if (job instanceof Jobs.ConnectionLost c) {
            sim.tracer.connectionLost(node.id, c.peer);
        }
        long ticket = node.nextTicket++;
        long cost = job.baseCostNanos(sim, node);
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
        Jobs.CpuDone done = new Jobs.CpuDone(node, node.epoch, outbox, ticket, sim.now, cost, pausedNanos(node));
        done.time = sim.now + cost;
        sim.schedule(done);
    }

    /** How long the node has been paused in all, the pause in progress included. */
    private long pausedNanos(Node node) {
        return node.pausedTotalNanos + (node.paused ? sim.now - node.pausedSinceNanos : 0);
    }

    /** CPU work the job still needs: a pause stops the cores, so paused time does not count. */
    long remainingWork(Jobs.CpuDone done) {
        long pausedDuring = pausedNanos(done.node) - done.pausedBeforeNanos;
        return done.workNanos - (sim.now - done.startNanos - pausedDuring);
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
                done.time = sim.now + remaining;
                sim.schedule(done);
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
                sim.disk.write(node, quorumsim.disk.DiskDevice.LOG, outbox.writeBytes(i), outbox.item(i));
            } else if (to == Outbox.DATA_WRITE) {
                sim.disk.write(node, quorumsim.disk.DiskDevice.DATA, outbox.writeBytes(i), outbox.item(i));
            } else if (to == Outbox.MULTICAST) {
                Outbox.Multicast m = (Outbox.Multicast) outbox.item(i);
                sim.network.transmitMulticast(node, m.to(), m.message());
            } else if (to == Outbox.CLOSE) {
                sim.network.close(node, (Integer) outbox.item(i));
            } else {
                sim.network.transmit(node, to, (Message) outbox.item(i));
            }
        }
    }

    /** Runs a handler at once, outside the CPU queue; what it sends leaves now. */
    void runNow(Node node, Runnable handler) {
        NodeContext ctx = node.ctx;
        long savedTime = ctx.handlerTimeNanos;
        long savedCharge = ctx.chargedNanos;
        Outbox savedOutbox = ctx.outbox;
        ctx.handlerTimeNanos = sim.now;
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
