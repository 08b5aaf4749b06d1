package quorumsim.unreplicated;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import quorumsim.core.CpuCostModel;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.pbft.PbftClient;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.Quorums;
import quorumsim.pbft.check.AgreementChecker;
import quorumsim.pbft.check.LivenessChecker;
import quorumsim.pbft.check.ResultChecker;
import quorumsim.pbft.check.RunRecord;
import quorumsim.protocols.Deployment;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;

/**
 * The unreplicated baseline: server s0 (id 0) and the PBFT workload's clients c0.. (ids 1..),
 * with the PBFT configuration's workload and costs (f, n, quorum and the PBFT options are
 * ignored; read-only and tentative replies do not apply to one server).
 */
public final class UnreplicatedDeployment implements Deployment {
    private final Simulation sim;
    private final List<String> lanes;
    private final RunRecord record;

    private UnreplicatedDeployment(Simulation sim, List<String> lanes) {
        this.sim = sim;
        this.lanes = lanes;
        this.record = new RunRecord(1, lanes);
    }

    public static CpuCostModel costModel(PbftConfig config) {
        return config.costs().toCostModel();
    }

    public static UnreplicatedDeployment deploy(Simulation sim, PbftConfig config) {
        return deploy(sim, config, NodeSpec.simple(), NodeSpec.simple());
    }

    public static UnreplicatedDeployment deploy(Simulation sim, PbftConfig pbftConfig, NodeSpec serverSpec, NodeSpec clientSpec) {
        List<String> problems = pbftConfig.workload().validate();
        problems.addAll(pbftConfig.costs().validate());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("unreplicated configuration: " + String.join("; ", problems));
        }
        PbftConfig config = pbftConfig.toBuilder().tentativeExecution(false).readOnlyOptimization(false).build();
        List<String> lanes = new ArrayList<>();
        lanes.add("s0");
        for (int j = 0; j < config.workload().clients(); j++) {
            lanes.add("c" + j);
        }
        UnreplicatedDeployment d = new UnreplicatedDeployment(sim, Collections.unmodifiableList(lanes));
        sim.addNode("s0", serverSpec, (self, store) -> new UnreplicatedServer(config));
        Quorums one = new Quorums(1, 0, 1);
        for (int j = 0; j < config.workload().clients(); j++) {
            sim.addNode(lanes.get(1 + j), clientSpec, (self, store) -> new PbftClient(config, one));
        }
        sim.setServerCount(1);
        sim.setRoleResolver(role -> {
            if (role.equals("primary") || role.equals("leader")) {
                return new int[] {0};
            }
            throw new IllegalArgumentException("the unreplicated baseline has the role 'primary' (its server), not '" + role + "'");
        });
        sim.addObserver(d.record);
        return d;
    }

    @Override
    public int servers() {
        return 1;
    }

    @Override
    public List<String> lanes() {
        return lanes;
    }

    @Override
    public Set<String> behaviours() {
        return Set.of();
    }

    @Override
    public Verdict safety() {
        return AgreementChecker.check(record).and(ResultChecker.check(record));
    }

    @Override
    public Verdict liveness(long settledFromNanos, long boundNanos, long endNanos) {
        return LivenessChecker.check(record, settledFromNanos, boundNanos, endNanos);
    }

    @Override
    public RunSummary.Requests requests() {
        return record.requests(sim.metrics());
    }

    @Override
    public Map<String, Double> figures() {
        TreeMap<String, Double> figures = new TreeMap<>();
        long completed = record.completed();
        figures.put("messagesPerRequest", completed == 0 ? 0.0 : (double) sim.metrics().messagesTotal() / completed);
        return figures;
    }

    public RunRecord record() {
        return record;
    }
}
