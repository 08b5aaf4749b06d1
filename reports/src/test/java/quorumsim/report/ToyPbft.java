package quorumsim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;
import quorumsim.trace.TraceEvent;

/**
 * A toy with PBFT's normal-case message pattern (f = 1, four replicas, primary 0) and no
 * view changes, so reports can be tested without the protocols module: request, pre-prepare,
 * prepare, commit, reply; a client completes on f + 1 replies and sends its next request.
 */
final class ToyPbft {
    static final int F = 1;
    static final int REPLICAS = 3 * F + 1;

    sealed interface ToyMessage extends Message permits Request, PrePrepare, Prepare, Commit, Reply {
        default int sizeBytes() {
            return 128;
        }
    }

    record Request(int client, long timestamp) implements ToyMessage {
    }

    record PrePrepare(long seq, int client, long timestamp) implements ToyMessage {
    }

    record Prepare(long seq, int replica) implements ToyMessage {
    }

    record Commit(long seq, int replica) implements ToyMessage {
    }

    record Reply(int client, long timestamp, int replica) implements ToyMessage {
    }

    static int[] others(int self) {
        int[] out = new int[REPLICAS - 1];
        int i = 0;
        for (int r = 0; r < REPLICAS; r++) {
            if (r != self) {
                out[i++] = r;
            }
        }
        return out;
    }

    static final class Replica implements Actor {
        private long nextSeq = 1;
        private final Map<Long, PrePrepare> accepted = new HashMap<>();
        private final Map<Long, Integer> prepares = new HashMap<>();
        private final Map<Long, Integer> commits = new HashMap<>();
        private final Map<Long, Boolean> committed = new HashMap<>();
        private final Map<Long, Boolean> replied = new HashMap<>();

        public void onStart(Context ctx) {
        }

        public void onMessage(Context ctx, int from, Message m) {
            if (m instanceof Request r && ctx.self() == 0) {
                PrePrepare pp = new PrePrepare(nextSeq++, r.client(), r.timestamp());
                accepted.put(pp.seq(), pp);
                ctx.multicast(others(0), pp);
                progress(ctx, pp.seq());
            } else if (m instanceof PrePrepare pp) {
                accepted.put(pp.seq(), pp);
                prepares.merge(pp.seq(), 1, Integer::sum);
                ctx.multicast(others(ctx.self()), new Prepare(pp.seq(), ctx.self()));
                progress(ctx, pp.seq());
            } else if (m instanceof Prepare p) {
                prepares.merge(p.seq(), 1, Integer::sum);
                progress(ctx, p.seq());
            } else if (m instanceof Commit c) {
                commits.merge(c.seq(), 1, Integer::sum);
                progress(ctx, c.seq());
            }
        }

        private void progress(Context ctx, long seq) {
            PrePrepare pp = accepted.get(seq);
            if (pp == null) {
                return;
            }
            // prepared: 2f prepares from different backups, a backup's own included
        if (!committed.containsKey(seq) && prepares.getOrDefault(seq, 0) >= 2 * F) {
                committed.put(seq, true);
                commits.merge(seq, 1, Integer::sum);
                ctx.multicast(others(ctx.self()), new Commit(seq, ctx.self()));
            }
            if (committed.containsKey(seq) && !replied.containsKey(seq) && commits.getOrDefault(seq, 0) >= 2 * F + 1) {
                replied.put(seq, true);
                ctx.send(pp.client(), new Reply(pp.client(), pp.timestamp(), ctx.self()));
            }
        }

        public void onTimer(Context ctx, Object timer) {
        }
    }

    static final class Client implements Actor {
        private final boolean reads;
        private long timestamp;
        private long issuedNanos;
        private int replies;

        Client(boolean reads) {
            this.reads = reads;
        }

        public void onStart(Context ctx) {
            next(ctx);
        }

        private void next(Context ctx) {
            timestamp++;
            replies = 0;
            issuedNanos = ctx.trueTimeNanos();
            ctx.send(0, new Request(ctx.self(), timestamp));
        }

        public void onMessage(Context ctx, int from, Message m) {
            if (m instanceof Reply r && r.timestamp() == timestamp && ++replies == F + 1) {
                ctx.metrics().completed(reads ? "read" : "write", issuedNanos, ctx.trueTimeNanos());
                next(ctx);
            }
        }

        public void onTimer(Context ctx, Object timer) {
        }
    }

    /** What a toy run is made of; windows are hand-made, as the lead's runner would derive them. */
    record Setup(long seed, int clients, long durationNanos, long bucketNanos, int traceLimit,
                 TreeMap<Long, Fault> faults, List<FaultWindow> windows) {
        static Setup small() {
            return new Setup(7, 2, 200_000_000L, 20_000_000L, 20_000, new TreeMap<>(), List.of());
        }

        Setup with(int clientCount, long duration) {
            return new Setup(seed, clientCount, duration, bucketNanos, traceLimit, faults, windows);
        }

        Setup withFaults(TreeMap<Long, Fault> f, List<FaultWindow> w) {
            return new Setup(seed, clients, durationNanos, bucketNanos, traceLimit, f, w);
        }
    }

    static RunResult run(Setup setup) {
        Simulation sim = new Simulation(setup.seed(), NetworkConfig.ideal(1_000_000).toBuilder()
                .latency(new LatencyDistribution.Uniform(500_000, 1_500_000)).build(),
                new CpuCostModel.Linear(20_000, 0, 5_000, 0, 0, 0, 0), setup.bucketNanos());
        List<String> lanes = new ArrayList<>();
        for (int r = 0; r < REPLICAS; r++) {
            lanes.add("replica-" + r);
            sim.addNode("replica-" + r, NodeSpec.simple(), (id, store) -> new Replica());
        }
        for (int c = 0; c < setup.clients(); c++) {
            boolean reads = c % 2 == 1;
            lanes.add("client-" + c);
            sim.addNode("client-" + c, NodeSpec.simple(), (id, store) -> new Client(reads));
        }
        sim.setServerCount(REPLICAS);
        List<TraceEvent> trace = new ArrayList<>();
        sim.addTraceListener(e -> {
            if (trace.size() < setup.traceLimit()) {
                trace.add(e);
            }
        });
        setup.faults().forEach(sim::scheduleFault);
        sim.start();
        sim.runUntil(setup.durationNanos());
        return result(sim, setup, trace, lanes);
    }

    private static RunResult result(Simulation sim, Setup setup, List<TraceEvent> trace, List<String> lanes) {
        var m = sim.metrics();
        double seconds = setup.durationNanos() / 1e9;
        TreeMap<String, Long> byType = new TreeMap<>();
        m.messagesByType().forEach((type, count) -> byType.put(type, count.messages()));
        long reads = m.completedByKind().getOrDefault("read", 0L);
        long writes = m.completedByKind().getOrDefault("write", 0L);
        Verdict liveness = setup.windows().isEmpty() ? Verdict.ok("every client completed requests")
                : Verdict.of(List.of(new Violation("liveness", "no request completed for 50 ms after the crash <of replica-0>", 0.12)),
                        "progress");
        RunSummary summary = new RunSummary("toy-pbft", "toy", setup.seed(), seconds, sim.events(), 0.5, sim.digestHex(),
                new RunSummary.Requests(m.completedTotal(), setup.clients(), reads, writes), m.completedTotal() / seconds,
                RunSummary.LatencySummary.of(m.latency()), Verdict.ok("agreement on every sequence number"), liveness,
                new RunSummary.Messages(m.messagesTotal(), byType), false, java.util.Map.of("commitsPerRequest", 3.0));
        double[] cpu = new double[lanes.size()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = sim.cpuUtilisation(i);
        }
        return new RunResult(summary, m, setup.windows(), trace, lanes, cpu,
                "A toy with PBFT's normal-case message pattern, for testing reports.");
    }
}
