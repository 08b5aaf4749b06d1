package quorumsim.core;

import java.util.ArrayList;
import java.util.BitSet;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LinkSet;
import quorumsim.trace.TraceKind;

/**
 * The faults in force and their log: a fault starts (its target resolved once), and a fault
 * that ends undoes exactly what it did, except where another fault in force holds the same
 * node or link (see {@link ActiveFault}).
 */
final class FaultTimeline {
    private final Simulation sim;
    /** Faults in force, in the order they started (see {@link ActiveFault}). */
    private final ArrayList<ActiveFault> inForce = new ArrayList<>();
    final ArrayList<Simulation.FaultRecord> records = new ArrayList<>();

    FaultTimeline(Simulation sim) {
        this.sim = sim;
    }

    /**
     * Applies a fault now, with no end of its own: a crash, pause, cut or behaviour stays until
     * an explicit recover, resume, heal or switch-off.
     */
    void apply(Fault fault) {
        if (!sim.started) {
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
    void schedule(long atNanos, long untilNanos, Fault fault) {
        if (untilNanos < atNanos) {
            throw new IllegalArgumentException(fault.label() + " ends at " + untilNanos + " ns, before it starts at " + atNanos + " ns");
        }
        if (!canEnd(fault)) {
            throw new IllegalArgumentException(fault.label() + " has no end of its own; crash, pause, partition, cut, isolate,"
                    + " clock jump, clock drift and switching a behaviour on do");
        }
        ActiveFault[] started = new ActiveFault[1];
        sim.at(atNanos, () -> {
            started[0] = begin(fault);
            log(fault.label(), started[0].resolved);
        });
        sim.at(untilNanos, () -> end(started[0]));
    }

    private static boolean canEnd(Fault fault) {
        return ActiveFault.isDown(fault) || fault instanceof Fault.Pause || fault instanceof Fault.Partition
                || fault instanceof Fault.OneWayCut || fault instanceof Fault.Isolate || fault instanceof Fault.ClockJump
                || fault instanceof Fault.ClockDrift || fault instanceof Fault.Byzantine b && b.enabled();
    }

    private void log(String label, int[] nodes) {
        records.add(new Simulation.FaultRecord(sim.now, label, nodes));
        sim.tracer.node(TraceKind.FAULT, nodes.length > 0 ? nodes[0] : -1, label);
    }

    /** Starts a fault: resolves its target once, applies it, and returns what it holds. */
    private ActiveFault begin(Fault fault) {
        ActiveFault f = new ActiveFault(fault);
        if (fault instanceof Fault.Crash c) {
            holdAndApply(f, sim.targets.resolve(c.target(), false), sim.lifecycle::crash);
        } else if (fault instanceof Fault.PowerOff p) {
            holdAndApply(f, sim.targets.resolve(p.target(), false), sim.lifecycle::powerOff);
        } else if (fault instanceof Fault.Recover r) {
            f.hold(sim.targets.resolve(r.target(), true));
            for (int id : f.resolved) {
                releaseHolds(held -> ActiveFault.isDown(held.fault), id);
                releaseHolds(held -> held.fault instanceof Fault.Pause, id); // a restarted process runs
                sim.lifecycle.recover(sim.node(id));
            }
            return f;
        } else if (fault instanceof Fault.Pause p) {
            holdAndApply(f, sim.targets.resolve(p.target(), false), sim.lifecycle::pause);
        } else if (fault instanceof Fault.Resume r) {
            f.hold(sim.targets.resolve(r.target(), false));
            for (int id : f.resolved) {
                releaseHolds(held -> held.fault instanceof Fault.Pause, id);
                sim.lifecycle.resume(sim.node(id));
            }
            return f;
        } else if (fault instanceof Fault.Partition p) {
            for (int[] group : p.groups()) {
                for (int id : group) {
                    sim.targets.requireNode(id, fault);
                }
            }
            f.hold(java.util.Arrays.stream(p.groups()).flatMapToInt(java.util.Arrays::stream).toArray());
            cut(f, LinkSet.betweenGroups(sim.nodeCount(), p.groups()));
        } else if (fault instanceof Fault.OneWayCut c) {
            sim.targets.requireNode(c.from(), fault);
            sim.targets.requireNode(c.to(), fault);
            f.hold(new int[] {c.from(), c.to()});
            cut(f, LinkSet.oneWay(sim.nodeCount(), c.from(), c.to()));
        } else if (fault instanceof Fault.Isolate i) {
            f.hold(sim.targets.resolve(i.target(), false));
            LinkSet links = LinkSet.empty(sim.nodeCount());
            for (int id : f.resolved) {
                links = links.or(LinkSet.isolating(sim.nodeCount(), id));
            }
            cut(f, links);
        } else if (fault instanceof Fault.Heal) {
            for (ActiveFault cut : inForce) {
                if (cut.links != null) {
                    sim.network.partitions.restoreAll(cut.links);
                }
            }
            inForce.removeIf(cut -> cut.links != null);
            return f;
        } else if (fault instanceof Fault.ClockJump j) {
            f.hold(sim.targets.resolve(j.target(), false));
            for (int id : f.resolved) {
                sim.node(id).clock.jump(sim.now, j.jumpNanos());
            }
            return f; // an instant: only a scheduled end (which jumps back) keeps it
        } else if (fault instanceof Fault.ClockDrift d) {
            f.hold(sim.targets.resolve(d.target(), false));
            for (int id : f.resolved) {
                sim.timers.setDrift(sim.node(id), d.driftPpm());
            }
        } else if (fault instanceof Fault.DelaySpike s) {
            f.hold(s.target() instanceof Target.All ? new int[0] : sim.targets.resolve(s.target(), false));
            f.endNanos = sim.now + s.durationNanos();
            inForce.add(f);
            refreshSpikes(f);
            sim.at(f.endNanos, () -> end(f));
            return f;
        } else if (fault instanceof Fault.Byzantine b) {
            f.hold(sim.targets.resolve(b.target(), false));
            if (!b.enabled()) {
                for (int id : f.resolved) {
                    releaseHolds(held -> held.sameKindAs(b), id);
                    sim.lifecycle.setBehaviour(sim.node(id), b.behaviour(), false);
                }
                return f;
            }
            for (int id : f.resolved) {
                sim.lifecycle.setBehaviour(sim.node(id), b.behaviour(), true);
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
                sim.network.partitions.restoreAll(f.links); // a link another fault cuts stays cut: cuts are counted
                undone.or(f.held);
            }
        } else if (fault instanceof Fault.ClockJump j) {
            for (int id : f.resolved) {
                sim.node(id).clock.jump(sim.now, -j.jumpNanos());
                undone.set(id);
            }
        } else if (fault instanceof Fault.DelaySpike) {
            refreshSpikes(f);
            undone.or(f.held);
        } else if (fault instanceof Fault.ClockDrift) {
            for (int id = f.held.nextSetBit(0); id >= 0; id = f.held.nextSetBit(id + 1)) {
                sim.timers.setDrift(sim.node(id), driftInForce(id)); // the drift before it, or a later drift fault still in force
                undone.set(id);
            }
        } else {
            for (int id = f.held.nextSetBit(0); id >= 0; id = f.held.nextSetBit(id + 1)) {
                if (!heldElsewhere(f, id)) {
                    undo(fault, sim.node(id));
                    undone.set(id);
                } else if (fault instanceof Fault.PowerOff) {
                    sim.node(id).poweredOff = poweredOffInForce(id); // powered on, its process still crashed
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
            sim.lifecycle.recover(node);
        } else if (fault instanceof Fault.Pause) {
            sim.lifecycle.resume(node);
        } else if (fault instanceof Fault.Byzantine b) {
            sim.lifecycle.setBehaviour(node, b.behaviour(), false);
        } else {
            throw new IllegalStateException("no undo for " + fault.label());
        }
    }

    private void holdAndApply(ActiveFault f, int[] ids, java.util.function.Consumer<Node> action) {
        f.hold(ids);
        for (int id : ids) {
            action.accept(sim.node(id));
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
        double ppm = sim.node(id).spec.clockDriftPpm();
        for (ActiveFault f : inForce) {
            if (f.fault instanceof Fault.ClockDrift d && f.held.get(id)) {
                ppm = d.driftPpm();
            }
        }
        return ppm;
    }

    /**
     * Delay spikes add up: the extra latency on a node (or, for a network-wide spike, on every
     * link) is the sum of the spikes in force there, until the last of them ends.
     */
    private void refreshSpikes(ActiveFault changed) {
        if (isNetworkWide(changed)) {
            sim.network.globalSpikeNanos = 0;
            sim.network.globalSpikeUntilNanos = 0;
            for (ActiveFault f : inForce) {
                if (f.fault instanceof Fault.DelaySpike s && isNetworkWide(f)) {
                    sim.network.globalSpikeNanos += s.extraNanos();
                    sim.network.globalSpikeUntilNanos = Math.max(sim.network.globalSpikeUntilNanos, f.endNanos);
                }
            }
            return;
        }
        for (int id = changed.held.nextSetBit(0); id >= 0; id = changed.held.nextSetBit(id + 1)) {
            Node node = sim.node(id);
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

    private void cut(ActiveFault f, LinkSet links) {
        sim.network.partitions.cutAll(links);
        f.links = links;
    }
}
