package quorumsim.zab.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import quorumsim.core.CpuCostModel;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.disk.DiskConfig;
import quorumsim.net.Connections;
import quorumsim.protocols.Deployment;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.zab.Observations;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabCostModel;
import quorumsim.zab.ZabServer;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.byzantine.ByzantineServer;
import quorumsim.zab.check.ZabChecks;
import quorumsim.zab.client.CreateDeleteDriver;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.LockRecipe;
import quorumsim.zab.client.SaturationDriver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.tree.Code;

/**
 * A ZooKeeper ensemble on a simulation: servers s0..s(n-1) (ids 0..n-1), then clients c0..
 * spread evenly over the servers that serve (all, or all but the first leader, s(n-1), when
 * the leader does not serve), with the checkers watching.
 */
public final class ZabDeployment implements Deployment {
    private final Simulation sim;
    private final ZabConfig config;
    private final ZabChecks checks;
    private final ZabServer[] servers;
    private final List<String> lanes = new ArrayList<>();
    /** Leaders that started broadcasting so far; every one after the first is a leader change. */
    private int leaderships;
    /** When the first write after the first failure completed, or -1. */
    private long firstWriteAfterFailureNanos = -1;
    /** Writes issued since the first failure and not yet answered, until one is (client << 40 | cxid). */
    private final TreeSet<Long> writesSinceFailure = new TreeSet<>();

    private ZabDeployment(Simulation sim, ZabConfig config) {
        this.sim = sim;
        this.config = config;
        this.checks = new ZabChecks(config.sessionTimeoutNanos(), config.workload().kind().equals("saturation") && config.workload().clients() > 0,
                config.members());
        this.servers = new ZabServer[config.members()];
    }

    /** The CPU cost model to build the {@link Simulation} with. */
    public static CpuCostModel costModel(ZabConfig config) {
        return new ZabCostModel(config.costs(), config.members());
    }

    /** Adds the servers and clients to {@code sim} (before it starts) and wires the checkers and the "leader" role. */
    public static ZabDeployment deploy(Simulation sim, ZabConfig config) {
        int serving = config.servingServers();
        return deploy(sim, config, c -> driver(config.workload(), c), c -> config.servingMember(c % serving));
    }

    /**
     * As {@link #deploy(Simulation, ZabConfig)}, with each client's driver and first server chosen
     * by the caller (scripted clients in tests and experiments).
     */
    public static ZabDeployment deploy(Simulation sim, ZabConfig config, IntFunction<Driver> drivers, IntUnaryOperator firstServer) {
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bad Zab configuration: " + String.join("; ", problems));
        }
        ZabDeployment d = new ZabDeployment(sim, config);
        sim.useConnections(connections(config));
        NodeSpec serverSpec = NodeSpec.simple().toBuilder().cores(config.cores()).bandwidthBitsPerSec(-1).disk(config.disk()).build();
        if (config.dedicatedLogDevice()) {
            serverSpec = serverSpec.toBuilder().dataDisk(config.disk()).build();   // snapshots on a second drive of the same model
        }
        for (int i = 0; i < config.members(); i++) {                // voters, then observers
            int id = sim.addNode("s" + i, serverSpec, (self, store) -> {
                ZabServer server = new ZabServer(self, config, store);
                d.servers[self] = server;
                return new ByzantineServer(server);
            });
            d.lanes.add("s" + id);
        }
        NodeSpec clientSpec = NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).disk(DiskConfig.INSTANT).build();
        for (int c = 0; c < config.workload().clients(); c++) {
            int first = firstServer.applyAsInt(c);
            String name = "c" + c;
            Driver driver = drivers.apply(c);
            sim.addNode(name, clientSpec, (self, store) -> new ZkClient(first, config.members(), config.sessionTimeoutNanos(), driver));
            d.lanes.add(name);
        }
        sim.setServerCount(config.members());
        sim.setRoleResolver(role -> {
            if (!role.equals("leader")) {
                throw new IllegalArgumentException("Zab has no role '" + role + "' (it knows: leader)");
            }
            return d.leader();
        });
        sim.addObserver(d.checks);
        sim.addObserver(d::count);
        return d;
    }

    /**
     * Zab and its clients talk over TCP. A partition is silence that the servers' and clients'
     * own read timeouts detect; a crashed process's connections reset; a connect over a cut
     * link fails after a tick; and a packet the network loses is sent again after 200 ms
     * (Linux's minimum retransmission timeout).
     */
    static Connections connections(ZabConfig config) {
        return new Connections(config.tickNanos(), RETRANSMIT_NANOS);
    }

    private static final long RETRANSMIT_NANOS = 200_000_000L;

    private static Driver driver(ZabWorkload w, int client) {
        switch (w.kind()) {
            case "saturation":
                return new SaturationDriver("/c" + client, w.readRatio(), w.outstanding(), w.requestSizeBytes(), w.loadStartNanos())
                        .withSyncRatio(w.syncRatio()).withReadPath(w.readNext() ? "/c" + (client + 1) % w.clients() : "/c" + client);
            case "create-delete":
                return new CreateDeleteDriver("/w" + client + "-", w.requestSizeBytes());
            case "lock":
                return new LockRecipe("/lock", "lock", w.holdNanos());
            case "election":
                return new LockRecipe("/election", "election", Long.MAX_VALUE);
            default:
                return new Driver() {
                    public void onConnected(quorumsim.core.Context ctx, ZkClient zk, boolean fresh) {
                    }

                    public void onAnswer(quorumsim.core.Context ctx, ZkClient zk, quorumsim.zab.tree.Op op,
                                         quorumsim.zab.tree.Result r, long zxid) {
                    }
                };
        }
    }

    /**
     * Marks each leader on the charts when it starts broadcasting, and counts what the summary,
     * counters.csv and the terminal all report: a leader change is a leader broadcasting after the first (the counter the reports read); the outage ends when
     * the first write issued after the first failure is answered (a write committed before it
     * and answered just after says nothing about the service).
     */
    private void count(long timeNanos, int node, Object event) {
        if (event instanceof Observations.Leading l) {
            sim.metrics().mark(timeNanos, "leader s" + l.server() + " (epoch " + l.epoch() + ")");
            if (leaderships++ > 0) {
                sim.metrics().increment("leaderChanges");
            }
        } else if (event instanceof Observations.Call c && c.op().kind().isWrite() && firstWriteAfterFailureNanos < 0 && failedBefore(timeNanos)) {
            writesSinceFailure.add(callKey(c.client(), c.cxid()));
        } else if (event instanceof Observations.Answer a && !writesSinceFailure.isEmpty() && a.result().code() != Code.CONNECTION_LOSS
                && a.result().code() != Code.SESSION_EXPIRED && writesSinceFailure.contains(callKey(a.client(), a.cxid()))) {
            firstWriteAfterFailureNanos = timeNanos;
            writesSinceFailure.clear();
        }
    }

    private boolean failedBefore(long timeNanos) {
        return !sim.faultLog().isEmpty() && timeNanos >= sim.faultLog().get(0).timeNanos();
    }

    private static long callKey(int client, long cxid) {
        return ((long) client << 40) | cxid;
    }

    /** The established leader now, if any (for faults aimed at "leader"). */
    public int[] leader() {
        for (int i = 0; i < servers.length; i++) {
            if (servers[i] != null && !sim.isCrashed(i) && servers[i].isEstablishedLeader()) {
                return new int[] {i};
            }
        }
        return new int[0];
    }

    public ZabConfig config() {
        return config;
    }

    public ZabChecks checks() {
        return checks;
    }

    @Override
    public int servers() {
        return config.members();
    }

    @Override
    public List<String> lanes() {
        return lanes;
    }

    @Override
    public Set<String> behaviours() {
        return new TreeSet<>(ByzantineServer.BEHAVIOURS);
    }

    @Override
    public Verdict safety() {
        return checks.safety(sim.now());
    }

    @Override
    public Verdict liveness(long settledFromNanos, long boundNanos, long endNanos) {
        return checks.liveness(settledFromNanos, boundNanos, endNanos);
    }

    @Override
    public RunSummary.Requests requests() {
        TreeMap<String, Long> done = sim.metrics().completedByKind();
        return new RunSummary.Requests(sim.metrics().completedTotal(), checks.pendingCalls(),
                done.getOrDefault("read", 0L), done.getOrDefault("write", 0L));
    }

    /** Leader changes: leaders that started broadcasting after the first. */
    public int leaderChanges() {
        return (int) sim.metrics().counter("leaderChanges");
    }

    @Override
    public Map<String, Double> figures() {
        TreeMap<String, Double> f = checks.figures();
        f.put("leaderChanges", (double) leaderChanges());
        long writes = (long) (double) f.get("committedTransactions");
        long serverMessages = 0;
        for (var e : sim.metrics().messagesByType().entrySet()) {
            String type = e.getKey();
            if (type.equals("Proposal") || type.equals("Ack") || type.equals("Commit") || type.equals("Forward")) {
                serverMessages += e.getValue().messages();
            }
        }
        if (writes > 0) {
            f.put("serverMessagesPerWrite", serverMessages / (double) writes);
        }
        if (!sim.faultLog().isEmpty()) {                            // to the end of the run if no write completed since
            long failedNanos = sim.faultLog().get(0).timeNanos();
            f.put("outageMs", ((firstWriteAfterFailureNanos >= 0 ? firstWriteAfterFailureNanos : sim.now()) - failedNanos) / 1e6);
        }
        return f;
    }
}
