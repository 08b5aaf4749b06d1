package quorumsim.scenario;

import java.util.List;
import java.util.Set;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Simulation;
import quorumsim.protocols.Deployment;
import quorumsim.unreplicated.UnreplicatedDeployment;

/**
 * The unreplicated baseline: one server, PBFT's clients, workload (request and reply sizes)
 * and cost profile, so every result can be shown beside what replication costs.
 */
final class UnreplicatedAdapter implements ProtocolAdapter<ProtocolConfig.Unreplicated> {
    private final PbftAdapter pbft = new PbftAdapter();

    @Override
    public String name() {
        return "unreplicated";
    }

    @Override
    public List<String> sectionKeys() {
        return List.of();
    }

    @Override
    public List<String> hardwareKeys() {
        return List.of("cores", "clockDriftPpm", "clientBandwidth", "profile", "costs");       // no disk: it logs nothing
    }

    @Override
    public List<String> workloadKeys() {
        return pbft.workloadKeys();
    }

    @Override
    public List<String> costProfiles() {
        return pbft.costProfiles();
    }

    @Override
    public List<String> costKeys() {
        return pbft.costKeys();
    }

    @Override
    public List<String> workloadKinds() {
        return List.of("kv");
    }

    /** Its one server is both; either name targets it. */
    @Override
    public List<String> roles() {
        return List.of("primary", "leader");
    }

    @Override
    public Set<String> behaviours() {
        return Set.of();
    }

    @Override
    public ProtocolConfig.Unreplicated bind(Fields section, ScenarioSpec.Cluster cluster, ScenarioSpec.Workload workload,
                                            ScenarioSpec.Hardware hardware, boolean unsafe, List<Problem> problems) {
        return new ProtocolConfig.Unreplicated(pbft.bind(section, new ScenarioSpec.Cluster(0, 1, 1), workload, hardware, true, problems).config());
    }

    @Override
    public int servers(ProtocolConfig.Unreplicated config) {
        return 1;
    }

    @Override
    public int quorum(ProtocolConfig.Unreplicated unreplicated) {
        return unreplicated.config().quorum();
    }

    @Override
    public long logWindow(ProtocolConfig.Unreplicated unreplicated) {
        return unreplicated.config().logWindow();
    }

    @Override
    public CpuCostModel costModel(ProtocolConfig.Unreplicated unreplicated) {
        return UnreplicatedDeployment.costModel(unreplicated.config());
    }

    @Override
    public Deployment deploy(Simulation sim, ProtocolConfig.Unreplicated unreplicated) {
        return UnreplicatedDeployment.deploy(sim, unreplicated.config());
    }
}
