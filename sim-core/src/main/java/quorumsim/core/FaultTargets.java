package quorumsim.core;

import java.util.function.Function;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/** What a fault's target means: node ids, a role resolved when the fault fires, or every server. */
final class FaultTargets {
    private final Simulation sim;
    Function<String, int[]> roleResolver = role -> {
        throw new IllegalArgumentException("this protocol has no role '" + role + "'");
    };
    /** Nodes 0..serverCount-1 are the servers; -1: every node is. */
    int serverCount = -1;

    FaultTargets(Simulation sim) {
        this.sim = sim;
    }

    /** The node ids a target means now. */
    int[] resolve(Target target, boolean crashedOnly) {
        int servers = serverCount < 0 ? sim.nodeCount() : serverCount;
        int[] ids;
        if (target instanceof Target.Nodes n) {
            ids = n.ids();
        } else if (target instanceof Target.Role r) {
            ids = roleResolver.apply(r.name());
        } else {
            ids = java.util.stream.IntStream.range(0, servers).toArray();
        }
        for (int id : ids) {
            if (id < 0 || id >= sim.nodeCount()) {
                throw new IllegalArgumentException("fault target " + target + " names node " + id + ", but nodes are 0.." + (sim.nodeCount() - 1));
            }
        }
        if (crashedOnly && target instanceof Target.All) {
            return java.util.Arrays.stream(ids).filter(id -> sim.node(id).crashed).toArray();
        }
        return ids;
    }

    void requireNode(int id, Fault fault) {
        if (id < 0 || id >= sim.nodeCount()) {
            throw new IllegalArgumentException(fault.label() + " names node " + id + ", but nodes are 0.." + (sim.nodeCount() - 1));
        }
    }
}
