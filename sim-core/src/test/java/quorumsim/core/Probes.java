package quorumsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import quorumsim.net.NetworkConfig;

/**
 * A simulation of probe nodes. Each node's actor is made by {@code setup}, again after a
 * recovery; {@link #probe} is the node's current actor and {@link #incarnations} all of them.
 */
final class Probes {
    static final long BUCKET_NANOS = 1_000_000;

    final Simulation sim;
    final List<List<Probe>> incarnations = new ArrayList<>();

    Probes(Simulation sim) {
        this.sim = sim;
    }

    static Probes of(NetworkConfig network, CpuCostModel costs) {
        return new Probes(new Simulation(1, network, costs, BUCKET_NANOS));
    }

    /** An ideal network with the given constant latency, free CPU. */
    static Probes ideal(long latencyNanos) {
        return of(NetworkConfig.ideal(latencyNanos), CpuCostModel.FREE);
    }

    /** Adds a node whose actors {@code setup} configures (with the node id). */
    int add(NodeSpec spec, BiConsumer<Integer, Probe> setup) {
        List<Probe> made = new ArrayList<>();
        incarnations.add(made);
        return sim.addNode("p" + incarnations.size(), spec, (id, store) -> {
            Probe probe = new Probe();
            setup.accept(id, probe);
            made.add(probe);
            return probe;
        });
    }

    int add(BiConsumer<Integer, Probe> setup) {
        return add(NodeSpec.simple(), setup);
    }

    int addIdle() {
        return add((id, p) -> { });
    }

    Probe probe(int id) {
        List<Probe> made = incarnations.get(id);
        return made.get(made.size() - 1);
    }
}
