package quorumsim.scenario;

import java.util.List;
import java.util.Set;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Simulation;
import quorumsim.net.Framing;
import quorumsim.net.NetworkConfig;
import quorumsim.protocols.Deployment;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.byzantine.ByzantineServer;
import quorumsim.zab.deploy.ZabDeployment;

/** Scenario keys for the ZooKeeper-style service: {@code cluster:}, the {@code zab:} section, its workloads. */
final class ZabAdapter implements ProtocolAdapter<ProtocolConfig.Zab> {
    @Override
    public String name() {
        return "zab";
    }

    @Override
    public List<String> sectionKeys() {
        return List.of("leaderServes", "throttle", "sessionTimeout", "tick", "syncLimit", "electionWait", "snapshotThreshold", "snapCount", "dedicatedLogDevice", "hold",
                "readNext", "readOnlyMode", "observers");
    }

    @Override
    public List<String> workloadKinds() {
        return ZabWorkload.KINDS;
    }

    @Override
    public List<String> roles() {
        return List.of("leader");
    }

    /** Zab's links are TCP connections: nothing inside one is lost, duplicated or reordered. */
    @Override
    public void checkNetwork(Fields network, NetworkConfig config, boolean unsafe) {
        if (unsafe) {
            return;
        }
        if (config.lossProbability() > 0) {
            network.report(network.value("loss"), "loss", "Zab does not run on lossy links: " + ZabConfig.TCP_LINKS
                    + " (to take links down, use partition, cut or isolate); set unsafe: true to run it anyway");
        }
        if (config.duplicateProbability() > 0) {
            network.report(network.value("duplicate"), "duplicate", "Zab gets no duplicates: " + ZabConfig.TCP_LINKS
                    + "; set unsafe: true to run it anyway");
        }
        if (!config.fifoLinks()) {
            network.report(network.value("fifo"), "fifo", "Zab needs FIFO links: " + ZabConfig.TCP_LINKS
                    + "; set unsafe: true to run it anyway");
        }
    }

    @Override
    public Set<String> behaviours() {
        return new java.util.TreeSet<>(ByzantineServer.BEHAVIOURS);
    }

    /** Zab talks TCP: 20 B of IPv4 and 20 of TCP header in each 1,500-byte frame, Ethernet's 38 outside. */
    @Override
    public Framing framing() {
        return new Framing(1500, 40, 38);
    }

    @Override
    public List<String> hardwareKeys() {
        return List.of("cores", "fsync", "diskBandwidth", "groupCommitLimit", "writeCache", "clockDriftPpm", "clientBandwidth");
    }

    @Override
    public int byzantineTolerance(ProtocolConfig.Zab zab) {
        return 0;
    }

    @Override
    public ProtocolConfig.Zab bind(Fields z, ScenarioSpec.Cluster cluster, ScenarioSpec.Workload workload, ScenarioSpec.Hardware hardware,
                       boolean unsafe, List<Problem> problems) {
        ZabConfig defaults = ZabConfig.defaults();
        ZabConfig.Builder builder = defaults.toBuilder().tolerating(cluster.f()).unsafe(unsafe);
        if (cluster.n() > 0) {
            builder.servers(cluster.n());
        }
        if (cluster.quorum() > 0) {
            builder.quorum(cluster.quorum());
        }
        if (hardware.cores() > 0) {
            builder.cores(hardware.cores());
        }
        if (hardware.disk() != null) {
            builder.disk(hardware.disk());
        }
        ZabWorkload w = defaults.workload().toBuilder().kind(workload.kind()).clients(workload.clients())
                .readRatio(workload.readRatio()).outstanding(workload.outstanding())
                .requestSizeBytes(workload.requestSizeBytes()).syncRatio(workload.syncRatio())
                .holdNanos(z.durationNanos("hold", defaults.workload().holdNanos(), 0, 3_600_000_000_000L))
                .readNext(z.bool("readNext", false)).build();
        ZabConfig config = builder.workload(w)
                .leaderServes(z.bool("leaderServes", defaults.leaderServes()))
                .readOnlyMode(z.bool("readOnlyMode", defaults.readOnlyMode()))
                .observers((int) z.integer("observers", defaults.observers(), 0, 1000))
                .throttle((int) z.integer("throttle", defaults.throttle(), 1, 10_000_000))
                .sessionTimeoutNanos(z.durationNanos("sessionTimeout", defaults.sessionTimeoutNanos(), 1_000_000, 3_600_000_000_000L))
                .tickNanos(z.durationNanos("tick", defaults.tickNanos(), 100_000, 60_000_000_000L))
                .syncLimitTicks((int) z.integer("syncLimit", defaults.syncLimitTicks(), 1, 1000))
                .electionFinalizeWaitNanos(z.durationNanos("electionWait", defaults.electionFinalizeWaitNanos(), 0, 60_000_000_000L))
                .snapshotThreshold((int) z.integer("snapshotThreshold", defaults.snapshotThreshold(), 1, 100_000_000))
                .snapCount((int) z.integer("snapCount", defaults.snapCount(), 2, 100_000_000))
                .dedicatedLogDevice(z.bool("dedicatedLogDevice", defaults.dedicatedLogDevice())).build();
        for (String problem : config.validate()) {
            problems.add(new Problem(z.source(), 0, 0, "cluster", problem));
        }
        return new ProtocolConfig.Zab(config);
    }

    @Override
    public int servers(ProtocolConfig.Zab zab) {
        return zab.config().members();                               // voters, then observers
    }

    @Override
    public int quorum(ProtocolConfig.Zab zab) {
        return zab.config().quorumSize();
    }

    @Override
    public CpuCostModel costModel(ProtocolConfig.Zab zab) {
        return ZabDeployment.costModel(zab.config());
    }

    @Override
    public Deployment deploy(Simulation sim, ProtocolConfig.Zab zab) {
        return ZabDeployment.deploy(sim, zab.config());
    }
}
