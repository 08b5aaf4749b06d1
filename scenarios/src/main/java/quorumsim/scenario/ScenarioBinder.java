package quorumsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.disk.DiskConfig;
import quorumsim.net.Framing;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

/**
 * Turns a parsed scenario tree into a {@link ScenarioSpec}, checking everything and reporting
 * all problems at once. The format is DESIGN.md section 4, extended where a protocol needs more.
 */
public final class ScenarioBinder {
    static final long MAX_DURATION_NANOS = 24L * 3600 * 1_000_000_000L;
    static final List<String> TOP_KEYS = List.of("name", "description", "protocol", "seed", "duration", "warmup", "unsafe",
            "cluster", "pbft", "zab", "network", "hardware", "workload", "byzantine", "faults", "expect", "checks", "report");

    /** Every key {@code hardware:} knows; each protocol uses some ({@link ProtocolAdapter#hardwareKeys}). */
    static final List<String> HARDWARE_KEYS = List.of("cores", "fsync", "diskBandwidth", "groupCommitLimit", "clockDriftPpm",
            "clientBandwidth", "profile", "costs", "writeCache");

    private final String source;
    private final List<Problem> problems = Fields.newProblems();

    private ScenarioBinder(String source) {
        this.source = source;
    }

    /** Binds {@code root}; throws a {@link ScenarioException} listing every problem found. */
    public static ScenarioSpec bind(String source, Node root, String fallbackName) {
        ScenarioBinder binder = new ScenarioBinder(source);
        ScenarioSpec spec = binder.bindAll(root, fallbackName);
        if (!binder.problems.isEmpty()) {
            binder.problems.sort(java.util.Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ScenarioException(binder.problems);
        }
        return spec;
    }

    private ScenarioSpec bindAll(Node root, String fallbackName) {
        Fields top = new Fields(source, root, "", problems, TOP_KEYS.toArray(new String[0]));
        String name = top.text("name", null);
        if (name == null) {
            name = ScenarioNames.sanitize(fallbackName);
        } else if (!ScenarioNames.isValid(name)) {
            top.report(top.value("name"), "name", ScenarioNames.quote(name) + " cannot name an output folder; " + ScenarioNames.RULE);
        }
        String description = top.text("description", "");
        if (!top.has("protocol")) {
            problems.add(new Problem(source, root.line, root.column, "protocol", "missing; say which protocol runs: " + String.join(", ", Protocols.names())));
        }
        String protocol = top.choice("protocol", "pbft", Protocols.names());
        ProtocolAdapter<?> adapter = Protocols.get(protocol);
        long seed = top.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        long duration = top.durationNanos("duration", 10_000_000_000L, 1_000_000, MAX_DURATION_NANOS);
        long warmup = top.durationNanos("warmup", 0, 0, MAX_DURATION_NANOS);
        if (warmup >= duration) {
            top.report(top.value("warmup"), "warmup", "warm-up " + Units.formatDuration(warmup) + " leaves nothing to measure in a run of " + Units.formatDuration(duration));
        }
        boolean unsafe = top.bool("unsafe", false);

        Fields clusterFields = top.object("cluster", "f", "n", "quorum");
        ScenarioSpec.Cluster cluster = new ScenarioSpec.Cluster(
                (int) clusterFields.integer("f", 1, 0, (MemoryBudget.MAX_NODES - 1) / 3),
                (int) clusterFields.integer("n", 0, 1, MemoryBudget.MAX_NODES),
                (int) clusterFields.integer("quorum", 0, 1, MemoryBudget.MAX_NODES));

        Fields networkFields = top.object("network", "latency", "bandwidth", "loss", "duplicate", "reorder", "reorderDelay", "fifo",
                "mtu", "ipHeader", "linkHeader", "multicast");
        NetworkConfig network = network(networkFields, adapter);
        adapter.checkNetwork(networkFields, network, unsafe);
        ScenarioSpec.Hardware hardware = hardware(top.object("hardware", HARDWARE_KEYS.toArray(new String[0])), adapter);
        Fields workloadFields = top.object("workload", "kind", "clients", "outstanding", "readRatio", "requestSize", "replySize", "sync");
        rejectKeys(workloadFields, List.of("replySize"), adapter.workloadKeys(), protocol);
        String workloadKind = workloadFields.choice("kind", adapter.workloadKinds().get(0), adapter.workloadKinds());
        ScenarioSpec.Workload workload = new ScenarioSpec.Workload(workloadKind,
                (int) workloadFields.integer("clients", workloadKind.equals("broadcast") ? 0 : 4, 0, 100_000),   // broadcast: the leader generates
                (int) workloadFields.integer("outstanding", 1, 1, 100_000),
                workloadFields.number("readRatio", 0.0, 0.0, 1.0),
                (int) workloadFields.sizeBytes("requestSize", 1024, 0, 64L * 1024 * 1024),
                workloadFields.has("replySize") ? (int) workloadFields.sizeBytes("replySize", 0, 0, 64L * 1024 * 1024) : -1,
                workloadFields.number("sync", 0.0, 0.0, 1.0));
        if (workloadFields.has("sync") && !(protocol.equals("zab") && workloadKind.equals("saturation"))) {
            workloadFields.report(workloadFields.value("sync"), "sync", "a sync before reads is for Zab's saturation workload only");
        }

        for (String other : List.of("pbft", "zab")) {
            if (!other.equals(protocol) && top.has(other)) {
                top.report(top.value(other), other, "section '" + other + ":' does not apply to protocol " + protocol);
            }
        }
        Fields section = adapter.sectionKeys().isEmpty() ? top.object(protocol) : top.object(protocol, adapter.sectionKeys().toArray(new String[0]));
        int before = problems.size();
        ProtocolConfig config = adapter.bind(section, cluster, workload, hardware, unsafe, problems);
        Configured<?> configured = config.configured();
        placeAtCluster(problems.subList(before, problems.size()), top.value("cluster"), root);
        int servers = problemsFree() ? configured.servers() : Integer.MAX_VALUE;

        FaultBinder faults = new FaultBinder(top, servers, workload.clients(), duration, adapter, problems);
        faults.bindByzantine(top.list("byzantine"));
        faults.bindFaults(top.list("faults"));
        int byzantine = configured.byzantineAtOnce(faults.faults(), duration, faults.byzantineNodes());
        if (byzantine > configured.byzantineTolerance() && !unsafe) {
            Node at = top.value("byzantine");
            problems.add(new Problem(source, at == null ? 0 : at.line, at == null ? 0 : at.column, "byzantine",
                    byzantine + " Byzantine node(s), but " + protocol + " as configured tolerates " + configured.byzantineTolerance()
                            + (protocol.equals("pbft") ? " (f)" : " (it assumes crash faults only)")
                            + (faults.byzantineRoles() ? " (" + FaultBinder.BYZANTINE_COUNT_RULE + ")" : "")
                            + "; set unsafe: true to run it anyway"));
        }

        if (problemsFree()) {
            long stateBytes = configured.stateBytes();
            String memory = MemoryBudget.problem(servers, workload, stateBytes, Runtime.getRuntime().maxMemory());
            if (memory != null && memory.contains("fewer servers")) {
                top.report(top.value("cluster"), "cluster", memory);
            } else if (memory != null) {
                workloadFields.report(workloadFields.value("clients"), "clients", memory);
            }
        }
        ScenarioSpec.Expect expect = expect(top.object("expect", "safety", "liveness", "min", "max"));
        Fields checks = top.object("checks", "livenessBound");
        long livenessBound = checks.durationNanos("livenessBound", 2_000_000_000L, 1_000_000, MAX_DURATION_NANOS);
        ScenarioSpec.Diagram diagram = diagram(top.object("report", "diagram").object("diagram", "from", "to", "request", "requests", "nodes"), duration, servers, workload.clients());

        return new ScenarioSpec(name, description, protocol, seed, duration, warmup, unsafe, cluster, network, hardware, workload,
                faults.faults(), expect, livenessBound, diagram, config);
    }

    /** The protocol's own configuration problems stand where the cluster is described. */
    private void placeAtCluster(List<Problem> found, Node cluster, Node root) {
        Node at = cluster != null ? cluster : root;
        for (int i = 0; i < found.size(); i++) {
            Problem p = found.get(i);
            if (p.line() == 0 && p.source().equals(source)) {
                found.set(i, new Problem(source, at.line, at.column, p.path(), p.message()));
            }
        }
    }

    private boolean problemsFree() {
        return problems.isEmpty();
    }

    private NetworkConfig network(Fields f, ProtocolAdapter<?> adapter) {
        LatencyDistribution latency = latency(f.object("latency", "distribution", "value", "min", "max", "mean", "stddev", "alpha"), f);
        long bandwidth = f.bandwidth("bandwidth", 1_000_000_000L);
        double loss = f.number("loss", 0, 0, 1);
        double duplicate = f.number("duplicate", 0, 0, 1);
        double reorder = f.number("reorder", 0, 0, 1);
        long reorderDelay = f.durationNanos("reorderDelay", 1_000_000, 0, MAX_DURATION_NANOS);
        boolean fifo = f.bool("fifo", true);
        Framing framing = framing(f, adapter.framing());
        boolean multicast = f.bool("multicast", true);
        return new NetworkConfig(latency, bandwidth, loss, duplicate, reorder, reorderDelay, fifo, framing, multicast);
    }

    /** Frames: {@code mtu} 0 moves whole messages (and then no header may be set). */
    private static Framing framing(Fields f, Framing defaults) {
        int mtu = (int) f.sizeBytes("mtu", defaults.mtuBytes(), 0, 1L << 20);
        int ip = (int) f.sizeBytes("ipHeader", mtu == 0 ? 0 : defaults.ipHeaderBytes(), 0, 65_535);
        int link = (int) f.sizeBytes("linkHeader", mtu == 0 ? 0 : defaults.linkHeaderBytes(), 0, 65_535);
        try {
            return new Framing(mtu, ip, link);
        } catch (IllegalArgumentException e) {
            f.report(f.value(f.has("mtu") ? "mtu" : "ipHeader"), f.has("mtu") ? "mtu" : "ipHeader", e.getMessage());
            return defaults;
        }
    }

    private LatencyDistribution latency(Fields f, Fields network) {
        List<String> kinds = List.of("constant", "uniform", "normal", "exponential", "lognormal", "pareto");
        if (!network.has("latency")) {
            return new LatencyDistribution.Uniform(500_000, 1_500_000);
        }
        String kind = f.choice("distribution", "constant", kinds);
        long max = MAX_DURATION_NANOS;
        try {
            switch (kind) {
                case "constant":
                    return new LatencyDistribution.Constant(f.durationNanos("value", 1_000_000, 0, max));
                case "uniform":
                    return new LatencyDistribution.Uniform(f.durationNanos("min", 500_000, 0, max), f.durationNanos("max", 1_500_000, 0, max));
                case "normal":
                    return new LatencyDistribution.Normal(f.durationNanos("mean", 1_000_000, 0, max), f.durationNanos("stddev", 200_000, 0, max));
                case "exponential":
                    return new LatencyDistribution.Exponential(f.durationNanos("mean", 1_000_000, 0, max));
                case "lognormal":
                    return new LatencyDistribution.LogNormal(f.durationNanos("mean", 1_000_000, 1, max), f.durationNanos("stddev", 500_000, 0, max));
                default:
                    return new LatencyDistribution.Pareto(f.durationNanos("min", 500_000, 0, max), f.number("alpha", 2.0, 0.01, 100));
            }
        } catch (IllegalArgumentException e) {
            network.report(network.value("latency"), "latency", e.getMessage());
            return new LatencyDistribution.Constant(1_000_000);
        }
    }

    /** Reports each of {@code keys} that is set but not among what {@code protocol} uses. */
    private static void rejectKeys(Fields f, List<String> keys, List<String> used, String protocol) {
        for (String key : keys) {
            if (f.has(key) && !used.contains(key)) {
                f.report(f.value(key), key, "'" + key + "' does not apply to protocol " + protocol + "; it uses: " + String.join(", ", used));
            }
        }
    }

    private ScenarioSpec.Hardware hardware(Fields f, ProtocolAdapter<?> adapter) {
        rejectKeys(f, HARDWARE_KEYS, adapter.hardwareKeys(), adapter.name());
        String profile = adapter.costProfiles().isEmpty() || !f.has("profile") ? null : f.choice("profile", null, adapter.costProfiles());
        TreeMap<String, Double> costs = new TreeMap<>();
        if (!adapter.costKeys().isEmpty()) {
            Fields costFields = f.object("costs", adapter.costKeys().toArray(new String[0]));
            for (String key : adapter.costKeys()) {
                if (costFields.has(key)) {
                    costs.put(key, costFields.number(key, 0, 0, 1e12));
                }
            }
        }
        int cores = (int) f.integer("cores", 0, 1, 1024);
        boolean diskSet = f.has("fsync") || f.has("diskBandwidth") || f.has("groupCommitLimit") || f.has("writeCache");
        long fsync = f.durationNanos("fsync", 0, 0, 10_000_000_000L);
        long diskBytesPerSec = f.sizeBytes("diskBandwidth", 0, 0, Long.MAX_VALUE / 4);
        int batch = (int) f.integer("groupCommitLimit", 1000, 1, 1_000_000);
        double drift = f.number("clockDriftPpm", 0, -100_000, 100_000);
        long clientBandwidth = f.has("clientBandwidth") ? f.bandwidth("clientBandwidth", 0) : -1;
        return new ScenarioSpec.Hardware(cores, diskSet ? new DiskConfig(fsync, diskBytesPerSec, batch, f.bool("writeCache", false)) : null, drift, clientBandwidth,
                profile, costs);
    }

    private ScenarioSpec.Expect expect(Fields f) {
        List<String> verdicts = List.of("holds", "violated");
        String safety = f.choice("safety", null, verdicts);
        String liveness = f.choice("liveness", null, verdicts);
        return new ScenarioSpec.Expect(safety, liveness, bounds(f, "min"), bounds(f, "max"));
    }

    private Map<String, Double> bounds(Fields f, String key) {
        TreeMap<String, Double> out = new TreeMap<>();
        Node node = f.value(key);
        if (node == null || node.kind == Node.Kind.NULL) {
            return out;
        }
        List<String> allowed = new ArrayList<>(SummaryFigures.NAMES);
        if (node.fields != null) {
            node.fields.keySet().stream().filter(k -> k.startsWith("figures.") && k.length() > 8).forEach(allowed::add);
        }
        Fields bounds = f.object(key, allowed.toArray(new String[0]));
        for (String figure : node.fields == null ? List.<String>of() : new ArrayList<>(node.fields.keySet())) {
            if (allowed.contains(figure)) {
                out.put(figure, bounds.number(figure, 0, -Double.MAX_VALUE, Double.MAX_VALUE));
            }
        }
        return out;
    }

    private ScenarioSpec.Diagram diagram(Fields f, long duration, int servers, int clients) {
        long from = f.durationNanos("from", 0, 0, duration);
        long to = f.durationNanos("to", 0, 0, duration);
        int first = (int) f.integer("request", 1, 1, 1_000_000);
        int requests = (int) f.integer("requests", 1, 1, 1000);
        List<Integer> nodes = new ArrayList<>();
        for (Node item : f.list("nodes")) {
            try {
                int id = Integer.parseInt(item.text == null ? "" : item.text.trim());
                if (id < 0 || (servers != Integer.MAX_VALUE && id >= servers + clients)) {
                    f.report(item, "nodes", "node " + id + " does not exist; nodes are 0.." + (servers + clients - 1));
                }
                nodes.add(id);
            } catch (NumberFormatException e) {
                f.report(item, "nodes", "expected a node id, found " + item.describe());
            }
        }
        if (to != 0 && to <= from) {
            f.report(f.value("to"), "to", "the diagram window ends before it starts");
        }
        return new ScenarioSpec.Diagram(from, to, first, requests, nodes);
    }
}
