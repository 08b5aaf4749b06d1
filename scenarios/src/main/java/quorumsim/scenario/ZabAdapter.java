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
final class ZabAdapter implements ProtocolAdapter<ZabConfig> {
    @Override
    public Class<ZabConfig> configType() {
        return ZabConfig.class;
    }

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
    public int byzantineTolerance(ZabConfig config) {
        return 0;
    }

    @Override
    public ZabConfig bind(Fields z, ScenarioSpec.Cluster cluster, ScenarioSpec.Workload workload, ScenarioSpec.Hardware hardware,
                       boolean unsafe, List<Problem> problems) {
        ZabConfig defaults = ZabConfig.defaults();
        ZabConfig config = defaults.withF(cluster.f()).withUnsafe(unsafe);
        if (cluster.n() > 0) {
            config = config.withServers(cluster.n());
        }
        if (cluster.quorum() > 0) {
            config = config.withQuorum(cluster.quorum());
        }
        if (hardware.cores() > 0) {
            config = config.withCores(hardware.cores());
        }
        if (hardware.disk() != null) {
            config = config.withDisk(hardware.disk());
        }
        ZabWorkload w = defaults.workload().withKind(workload.kind()).withClients(workload.clients())
                .withReadRatio(workload.readRatio()).withOutstanding(workload.outstanding())
                .withRequestSizeBytes(workload.requestSizeBytes()).withSyncRatio(workload.syncRatio())
                .withHoldNanos(z.durationNanos("hold", defaults.workload().holdNanos(), 0, 3_600_000_000_000L))
                .withReadNext(z.bool("readNext", false));
        config = config.withWorkload(w)
                .withLeaderServes(z.bool("leaderServes", defaults.leaderServes()))
                .withReadOnlyMode(z.bool("readOnlyMode", defaults.readOnlyMode()))
                .withObservers((int) z.integer("observers", defaults.observers(), 0, 1000))
                .withThrottle((int) z.integer("throttle", defaults.throttle(), 1, 10_000_000))
                .withSessionTimeoutNanos(z.durationNanos("sessionTimeout", defaults.sessionTimeoutNanos(), 1_000_000, 3_600_000_000_000L))
                .withTickNanos(z.durationNanos("tick", defaults.tickNanos(), 100_000, 60_000_000_000L))
                .withSyncLimitTicks((int) z.integer("syncLimit", defaults.syncLimitTicks(), 1, 1000))
                .withElectionFinalizeWaitNanos(z.durationNanos("electionWait", defaults.electionFinalizeWaitNanos(), 0, 60_000_000_000L))
                .withSnapshotThreshold((int) z.integer("snapshotThreshold", defaults.snapshotThreshold(), 1, 100_000_000));
        config = config.toBuilder()
                .snapCount((int) z.integer("snapCount", defaults.snapCount(), 2, 100_000_000))
                .dedicatedLogDevice(z.bool("dedicatedLogDevice", defaults.dedicatedLogDevice()))
                .build();
        for (String problem : config.validate()) {
            problems.add(new Problem(z.source(), 0, 0, "cluster", problem));
        }
        return config;
    }

    @Override
    public int servers(ZabConfig config) {
        return config.members();                                     // voters, then observers
    }

    @Override
    public CpuCostModel costModel(ZabConfig config) {
        return ZabDeployment.costModel(config);
    }

    @Override
    public Deployment deploy(Simulation sim, ZabConfig config) {
        return ZabDeployment.deploy(sim, config);
    }
}
