package quorumsim.core;

import java.util.ArrayList;

/**
 * Timers run on a node's own clock: a timer fires when the node's elapsed clock time reaches
 * its deadline, so a drift change moves the timers still pending.
 */
final class NodeTimers {
    private final Simulation sim;

    NodeTimers(Simulation sim) {
        this.sim = sim;
    }

    /** Schedules a timer for when the node's elapsed clock time reaches {@code elapsedDeadlineNanos}. */
    void schedule(Node node, long elapsedDeadlineNanos, TimerId id) {
        Jobs.TimerFire fire = new Jobs.TimerFire(node.id, id, elapsedDeadlineNanos);
        fire.epoch = node.epoch;
        fire.time = node.clock.virtualTimeAtElapsed(elapsedDeadlineNanos, sim.now);
        sim.schedule(fire);
    }

    /** After a drift change, moves the node's pending timers to when its clock now reaches them. */
    private void retime(Node node) {
        ArrayList<Jobs.TimerFire> pending = new ArrayList<>();
        sim.queue.forEach(e -> {
            if (e instanceof Jobs.TimerFire t && t.node == node.id && !t.superseded && !t.id.cancelled && t.epoch == node.epoch) {
                pending.add(t);
            }
        });
        pending.sort(java.util.Comparator.<Jobs.TimerFire>comparingLong(t -> t.time).thenComparingLong(t -> t.seq));
        for (Jobs.TimerFire old : pending) {
            old.superseded = true;
            schedule(node, old.elapsedDeadlineNanos, old.id);
        }
    }

    void fired(Jobs.TimerFire fire) {
        Node node = sim.node(fire.node);
        if (fire.superseded || fire.id.cancelled || fire.epoch != node.epoch) {
            return;
        }
        sim.cpu.enqueue(node, fire);
    }

    /** The node's clock runs at a new drift from now on; its pending timers move with it. */
    void setDrift(Node node, double driftPpm) {
        node.clock.setDrift(sim.now, driftPpm);
        retime(node);
    }
}
