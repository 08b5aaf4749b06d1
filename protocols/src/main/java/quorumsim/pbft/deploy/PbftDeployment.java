package quorumsim.pbft.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.CpuCostModel;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftClient;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftReplica;
import quorumsim.pbft.Quorums;
import quorumsim.pbft.byzantine.ByzantineReplica;
import quorumsim.pbft.byzantine.Collusion;
import quorumsim.pbft.check.AgreementChecker;
import quorumsim.pbft.check.CheckpointChecker;
import quorumsim.pbft.check.LivenessChecker;
import quorumsim.pbft.check.ResultChecker;
import quorumsim.pbft.check.RunRecord;
import quorumsim.protocols.Deployment;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;

/**
 * PBFT on a simulation: replicas r0..r{n-1} (ids 0..n-1), each an honest replica inside a
 * Byzantine wrapper that does nothing until the fault timeline switches a behaviour on,
 * then clients c0.. (ids n..). The role "primary" resolves to the primary of the highest
 * view a correct replica is in.
 */
public final class PbftDeployment implements Deployment {
    private final Simulation sim;
    private final PbftConfig config;
    private final ByzantineReplica[] replicas;
    private final List<String> lanes;
    private final RunRecord record;
    private final Quorums quorums;

    private PbftDeployment(Simulation sim, PbftConfig config, List<String> lanes) {
        this.sim = sim;
        this.config = config;
        this.replicas = new ByzantineReplica[config.n()];
        this.lanes = lanes;
        this.record = new RunRecord(config.n(), lanes, config.readOnlyOptimization());
        this.quorums = Quorums.of(config);
    }

    /** The CPU cost model to build the Simulation with. */
    public static CpuCostModel costModel(PbftConfig config) {
        return config.costs().toCostModel();
    }

    /** Adds replicas and clients with one core each and the network's bandwidth. */
    public static PbftDeployment deploy(Simulation sim, PbftConfig config) {
        return deploy(sim, config, config.logToDisk() ? NodeSpec.simple().toBuilder().disk(LOG_DISK).build() : NodeSpec.simple(), NodeSpec.simple());
    }

    /** The replicas' log disk with {@code logToDisk} unless {@code hardware:} sets one: the Zab servers' default, 2 ms fsync at 60 MB/s. */
    public static final quorumsim.disk.DiskConfig LOG_DISK = new quorumsim.disk.DiskConfig(2_000_000L, 60L * 1024 * 1024, 1000);

    /** The run's lanes: replicas r0.. then clients c0.., in node-id order. */
    public static List<String> lanes(PbftConfig config) {
        List<String> lanes = new ArrayList<>();
        for (int i = 0; i < config.n(); i++) {
            lanes.add("r" + i);
        }
        for (int j = 0; j < config.workload().clients(); j++) {
            lanes.add("c" + j);
        }
        return Collections.unmodifiableList(lanes);
    }

    /** Adds replicas and clients on the given hardware; refuses a configuration {@link PbftConfig#validate} rejects. */
    public static PbftDeployment deploy(Simulation sim, PbftConfig config, NodeSpec replicaSpec, NodeSpec clientSpec) {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("PBFT configuration: " + String.join("; ", problems));
        }
        int n = config.n();
        PbftDeployment d = new PbftDeployment(sim, config, lanes(config));
        Collusion collusion = new Collusion();
        for (int i = 0; i < n; i++) {
            sim.addNode(d.lanes.get(i), replicaSpec, (self, store) -> {
                boolean recovering = d.replicas[self] != null;            // made before: this is a recovery
                ByzantineReplica replica = new ByzantineReplica(new PbftReplica(config, self, store, recovering), collusion,
                        d::clientId);
                d.replicas[self] = replica;
                return replica;
            });
        }
        Quorums quorums = Quorums.of(config);
        for (int j = 0; j < config.workload().clients(); j++) {
            sim.addNode(d.lanes.get(n + j), clientSpec, (self, store) -> new PbftClient(config, quorums));
        }
        sim.setServerCount(n);
        sim.setRoleResolver(d::resolveRole);
        sim.addObserver(d.record);
        sim.addObserver(d::chart);
        if (config.proactiveRecovery() != null) {
            ProactiveRecoveries.schedule(sim, config, id -> d.replicas[id] == null ? java.util.Set.of() : d.replicas[id].behaviours());
        }
        return d;
    }

    /** A view change is done when the new view's primary installs it: counted, and marked on the charts. */
    private void chart(long timeNanos, int node, Object event) {
        if (event instanceof Observations.ViewInstalled v && v.replica() == quorums.primary(v.view())) {
            sim.metrics().increment("viewChanges");
            sim.metrics().mark(timeNanos, "view change to " + v.view());
        }
    }

    private int clientId(String name) {
        int id = lanes.indexOf(name);
        if (id < config.n()) {
            throw new IllegalArgumentException("drop-requests names client '" + name + "', but the clients are c0..c"
                    + (config.workload().clients() - 1));
        }
        return id;
    }

    private int[] resolveRole(String role) {
        if (!role.equals("primary")) {
            throw new IllegalArgumentException("PBFT has the role 'primary', not '" + role + "'");
        }
        long view = -1;
        for (int i = 0; i < replicas.length; i++) {
            if (replicas[i] != null && !replicas[i].isByzantine() && !sim.isCrashed(i)) {
                view = Math.max(view, replicas[i].honest().view());
            }
        }
        if (view < 0) {
            for (ByzantineReplica r : replicas) {
                view = Math.max(view, r == null ? 0 : r.honest().view());
            }
        }
        return new int[] {Quorums.of(config).primary(view)};
    }

    // ---------------------------------------------------------------- Deployment

    @Override
    public int servers() {
        return config.n();
    }

    @Override
    public List<String> lanes() {
        return lanes;
    }

    @Override
    public Set<String> behaviours() {
        return ByzantineReplica.BEHAVIOURS;
    }

    @Override
    public Verdict safety() {
        return AgreementChecker.check(record).and(ResultChecker.check(record)).and(CheckpointChecker.check(record));
    }

    @Override
    public Verdict liveness(long settledFromNanos, long boundNanos, long endNanos) {
        return LivenessChecker.check(record, settledFromNanos, boundNanos, endNanos);
    }

    @Override
    public void judgeLivenessWith(long settledFromNanos, long boundNanos) {
        record.judgeLivenessWith(settledFromNanos, boundNanos);
    }

    @Override
    public RunSummary.Requests requests() {
        return record.requests(sim.metrics());
    }

    /** View changes completed (new views installed). */
    public int viewChanges() {
        return record.viewChanges();
    }

    /** messagesPerRequest, maxLogSlots (memory stays flat with checkpoints), highestExecuted, faultyReplicas, viewChanges, f, n. */
    @Override
    public Map<String, Double> figures() {
        TreeMap<String, Double> figures = new TreeMap<>();
        long completed = record.completed();
        figures.put("messagesPerRequest", completed == 0 ? 0.0 : (double) sim.metrics().messagesTotal() / completed);
        int maxLog = 0;
        for (ByzantineReplica r : replicas) {
            if (r != null) {
                maxLog = Math.max(maxLog, r.honest().logSlots());
            }
        }
        figures.put("maxLogSlots", (double) maxLog);
        figures.put("highestExecuted", (double) record.highestExecuted());
        figures.put("faultyReplicas", (double) record.faulty().size());
        figures.put("viewChanges", (double) viewChanges());
        figures.put("f", (double) config.f());
        figures.put("n", (double) config.n());
        return figures;
    }

    // ---------------------------------------------------------------- for tests and reports

    public RunRecord record() {
        return record;
    }

    public PbftConfig config() {
        return config;
    }

    /** The honest replica inside node {@code id} (null before the simulation starts). */
    public PbftReplica replica(int id) {
        return replicas[id] == null ? null : replicas[id].honest();
    }

    /** Replicas that ever had a Byzantine behaviour on. */
    public TreeSet<Integer> faulty() {
        return record.faulty();
    }
}
