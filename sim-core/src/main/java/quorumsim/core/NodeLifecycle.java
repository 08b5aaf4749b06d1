package quorumsim.core;

import quorumsim.trace.TraceKind;

/**
 * A node's life as faults change it: a crash loses the process (its queue, volatile state and
 * timers), a power-off the machine too; a pause stops its cores; a recovery starts a new actor
 * from the node's stable store; a Byzantine behaviour is switched on or off in its actor.
 */
final class NodeLifecycle {
    private final Simulation sim;

    NodeLifecycle(Simulation sim) {
        this.sim = sim;
    }

    void crash(Node node) {
        if (node.crashed) {
            return;
        }
        sim.tracer.node(TraceKind.CRASH, node.id, "crash");
        int epoch = dropQueueAndCrash(node);
        if (sim.network.connections != null) {
            sim.network.processCrashed(node, epoch);
        }
    }

    /** The machine vanishes: the process is lost as in a crash, and nothing answers for it. */
    void powerOff(Node node) {
        if (node.crashed) {
            node.poweredOff = true;                                  // a crashed process's machine goes too
            return;
        }
        sim.tracer.node(TraceKind.CRASH, node.id, "power-off");
        dropQueueAndCrash(node);
        node.poweredOff = true;
        if (sim.network.connections != null) {
            sim.network.machineVanished(node);
        }
    }

    /** Drops the node's queued messages and its volatile state; returns the life (epoch) that ended. */
    private int dropQueueAndCrash(Node node) {
        for (Job job : node.queue) {
            if (job instanceof Jobs.Delivery d && job.epoch == node.epoch) {
                sim.tracer.trace(TraceKind.DROP, d.to, d.from, d, "crashed");
            }
        }
        int epoch = node.epoch;
        node.crash();
        return epoch;
    }

    void pause(Node node) {
        if (node.paused) {
            return;
        }
        node.paused = true;
        node.pausedSinceNanos = sim.now;
    }

    /** Ends a pause: the cut-short jobs finish their remaining work, then the queue moves again. */
    void resume(Node node) {
        if (!node.paused) {
            return;
        }
        node.pausedTotalNanos += sim.now - node.pausedSinceNanos;
        node.paused = false;
        for (Jobs.CpuDone done : node.parked) {
            done.time = sim.now + Math.max(0, sim.cpu.remainingWork(done));
            sim.schedule(done);
        }
        node.parked.clear();
        sim.cpu.tryStart(node);
    }

    void recover(Node node) {
        if (!node.crashed) {
            return;
        }
        node.crashed = false;
        node.poweredOff = false;
        resume(node);
        node.sendFreeAtNanos = sim.now;
        node.receiveFreeAtNanos = sim.now;
        node.actor = node.factory.create(node.id, node.store);
        for (String behaviour : node.behaviours) {
            sim.cpu.runNow(node, () -> node.actor.onBehaviour(node.ctx, behaviour, true));
        }
        sim.tracer.node(TraceKind.RECOVER, node.id, "recover");
        sim.cpu.enqueue(node, new Jobs.Start());
    }

    void setBehaviour(Node node, String behaviour, boolean enabled) {
        if (enabled) {
            node.behaviours.add(behaviour);
        } else {
            node.behaviours.remove(behaviour);
        }
        if (!node.crashed) {
            sim.cpu.runNow(node, () -> node.actor.onBehaviour(node.ctx, behaviour, enabled));
        }
    }
}
