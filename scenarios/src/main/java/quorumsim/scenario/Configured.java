package quorumsim.scenario;

import quorumsim.core.CpuCostModel;
import quorumsim.core.Simulation;
import quorumsim.protocols.Deployment;

/** A protocol's adapter with a config of its type: what a caller holding either as a wildcard asks of them. */
public record Configured<C extends ProtocolConfig>(ProtocolAdapter<C> adapter, C config) {
    public int servers() {
        return adapter.servers(config);
    }

    public int quorum() {
        return adapter.quorum(config);
    }

    public long logWindow() {
        return adapter.logWindow(config);
    }

    public int byzantineTolerance() {
        return adapter.byzantineTolerance(config);
    }

    public int byzantineAtOnce(java.util.List<ScenarioSpec.TimedFault> timeline, long durationNanos, int counted) {
        return adapter.byzantineAtOnce(config, timeline, durationNanos, counted);
    }

    public long stateBytes() {
        return adapter.stateBytes(config);
    }

    public CpuCostModel costModel() {
        return adapter.costModel(config);
    }

    public Deployment deploy(Simulation sim) {
        return adapter.deploy(sim, config);
    }
}
