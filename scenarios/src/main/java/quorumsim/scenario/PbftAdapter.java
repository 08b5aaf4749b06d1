package quorumsim.scenario;

import java.util.List;
import java.util.Set;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Simulation;
import quorumsim.kv.Workload;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftCosts;
import quorumsim.pbft.PbftMemory;
import quorumsim.pbft.byzantine.ByzantineReplica;
import quorumsim.pbft.deploy.PbftDeployment;
import quorumsim.protocols.Deployment;

/** Scenario keys for PBFT: {@code cluster:} f/n/quorum, the {@code pbft:} section, the kv workload. */
final class PbftAdapter implements ProtocolAdapter<ProtocolConfig.Pbft> {
    @Override
    public String name() {
        return "pbft";
    }

    @Override
    public List<String> sectionKeys() {
        return List.of("checkpointInterval", "logWindow", "viewChangeTimeout", "batchSize", "batchWindow", "authentication",
                "tentativeExecution", "readOnly", "variant", "clientRetry", "keySpace", "digestReplies", "proactiveRecovery", "nondeterminism",
                "logToDisk");
    }

    @Override
    public List<String> hardwareKeys() {
        return List.of("cores", "clockDriftPpm", "clientBandwidth", "profile", "costs", "fsync", "diskBandwidth", "groupCommitLimit");
    }

    @Override
    public List<String> workloadKeys() {
        return List.of("replySize");
    }

    @Override
    public List<String> costProfiles() {
        return PbftCosts.PROFILES;
    }

    @Override
    public List<String> costKeys() {
        return PbftCosts.KEYS;
    }

    @Override
    public List<String> workloadKinds() {
        return List.of("kv");
    }

    @Override
    public List<String> roles() {
        return List.of("primary");
    }

    @Override
    public Set<String> behaviours() {
        return ByzantineReplica.BEHAVIOURS;
    }

    @Override
    public ProtocolConfig.Pbft bind(Fields p, ScenarioSpec.Cluster cluster, ScenarioSpec.Workload workload, ScenarioSpec.Hardware hardware,
                       boolean unsafe, List<Problem> problems) {
        PbftConfig defaults = PbftConfig.defaults();
        PbftConfig.Builder builder = defaults.toBuilder().tolerating(cluster.f()).unsafe(unsafe);
        if (cluster.n() > 0) {
            builder.replicas(cluster.n());
        }
        if (cluster.quorum() > 0) {
            builder.quorum(cluster.quorum());
        }
        Workload w = defaults.workload().toBuilder()
                .clients(workload.clients())
                .outstanding(workload.outstanding())
                .readRatio(workload.readRatio())
                .requestSizeBytes(workload.requestSizeBytes())
                .replySizeBytes(workload.replySizeBytes() < 0 ? defaults.workload().replySizeBytes() : workload.replySizeBytes())
                .clientRetryNanos(p.durationNanos("clientRetry", defaults.workload().clientRetryNanos(), 1_000, 3_600_000_000_000L))
                .keySpace((int) p.integer("keySpace", defaults.workload().keySpace(), 1, 100_000_000)).build();
        PbftCosts costs = PbftCosts.profile(hardware.costProfile() == null ? PbftCosts.DEFAULT_PROFILE : hardware.costProfile())
                .withOverrides(hardware.costOverrides());
        PbftConfig config = builder.workload(w).costs(costs)
                .checkpointInterval((int) p.integer("checkpointInterval", defaults.checkpointInterval(), 1, 1_000_000))
                .logWindow((int) p.integer("logWindow", defaults.logWindow(), 1, 10_000_000))
                .viewChangeTimeoutNanos(p.durationNanos("viewChangeTimeout", defaults.viewChangeTimeoutNanos(), 1_000, 3_600_000_000_000L))
                .batchSize((int) p.integer("batchSize", defaults.batchSize(), 1, 100_000))
                .batchWindowNanos(p.durationNanos("batchWindow", defaults.batchWindowNanos(), 0, 60_000_000_000L))
                .authentication(PbftConfig.Authentication.valueOf(p.choice("authentication", "mac", List.of("mac", "signature")).toUpperCase(java.util.Locale.ROOT)))
                .tentativeExecution(p.bool("tentativeExecution", defaults.tentativeExecution()))
                .readOnlyOptimization(p.bool("readOnly", defaults.readOnlyOptimization()))
                .digestReplies(p.bool("digestReplies", defaults.digestReplies()))
                .variant(p.choice("variant", PbftConfig.STANDARD, List.of(PbftConfig.STANDARD, PbftConfig.SKIP_COMMIT)))
                .proactiveRecovery(proactiveRecovery(p))
                .logToDisk(p.bool("logToDisk", false))
                .nondeterminism(quorumsim.pbft.Nondeterminism.valueOf(p.choice("nondeterminism", "none",
                        List.of("none", "naive", "agreed")).toUpperCase(java.util.Locale.ROOT))).build();
        for (String problem : config.validate()) {
            problems.add(new Problem(p.source(), 0, 0, "cluster", problem));
        }
        return new ProtocolConfig.Pbft(config);
    }

    /** {@code proactiveRecovery: { period, stagger, reboot }}, or null without the key. */
    private static quorumsim.pbft.ProactiveRecovery proactiveRecovery(Fields p) {
        if (!p.has("proactiveRecovery")) {
            return null;
        }
        Fields r = p.object("proactiveRecovery", "period", "stagger", "reboot");
        long period = r.durationNanos("period", 10_000_000_000L, 1_000_000, 3_600_000_000_000L);
        return new quorumsim.pbft.ProactiveRecovery(period, r.durationNanos("stagger", 1_000_000_000L, 0, 3_600_000_000_000L),
                r.durationNanos("reboot", 100_000_000L, 1_000, 3_600_000_000_000L));
    }

    @Override
    public boolean acceptsBehaviour(String behaviour) {
        return ByzantineReplica.knows(behaviour);
    }

    @Override
    public int byzantineTolerance(ProtocolConfig.Pbft pbft) {
        return pbft.config().f();
    }

    /**
     * With proactive recovery, a compromise lasts until the replica's next reboot (or its
     * {@code until:}): the most replicas compromised at the same time. A role entry keeps the
     * whole-run count (which replica it hits is known only when it starts).
     */
    @Override
    public int byzantineAtOnce(ProtocolConfig.Pbft pbft, List<ScenarioSpec.TimedFault> timeline, long durationNanos, int counted) {
        quorumsim.pbft.ProactiveRecovery recovery = pbft.config().proactiveRecovery();
        if (recovery == null) {
            return counted;
        }
        List<long[]> windows = new java.util.ArrayList<>();                // {replica, from, to}
        for (ScenarioSpec.TimedFault t : timeline) {
            if (t.fault() instanceof quorumsim.fault.Fault.Byzantine b && b.enabled()) {
                if (!(b.target() instanceof quorumsim.fault.Target.Nodes nodes)) {
                    return counted;
                }
                for (int id : nodes.ids()) {
                    long end = Math.min(t.ends() ? t.untilNanos() : durationNanos, recovery.nextRebootNanos(id, t.atNanos()));
                    windows.add(new long[] {id, t.atNanos(), end});
                }
            }
        }
        int most = 0;
        for (long[] w : windows) {
            java.util.TreeSet<Long> atOnce = new java.util.TreeSet<>();
            for (long[] other : windows) {
                if (other[1] <= w[1] && w[1] < other[2]) {
                    atOnce.add(other[0]);
                }
            }
            most = Math.max(most, atOnce.size());
        }
        return most;
    }

    @Override
    public int servers(ProtocolConfig.Pbft pbft) {
        return pbft.config().n();
    }

    @Override
    public int quorum(ProtocolConfig.Pbft pbft) {
        return pbft.config().quorum();
    }

    @Override
    public long logWindow(ProtocolConfig.Pbft pbft) {
        return pbft.config().logWindow();
    }

    @Override
    public long stateBytes(ProtocolConfig.Pbft pbft) {
        return PbftMemory.neededBytes(pbft.config());
    }

    @Override
    public CpuCostModel costModel(ProtocolConfig.Pbft pbft) {
        return PbftDeployment.costModel(pbft.config());
    }

    @Override
    public Deployment deploy(Simulation sim, ProtocolConfig.Pbft pbft) {
        return PbftDeployment.deploy(sim, pbft.config());
    }
}
