package quorumsim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.core.Simulation;
import quorumsim.metrics.Metrics;
import quorumsim.protocols.Deployment;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.scenario.Configured;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.trace.JsonLinesTrace;
import quorumsim.trace.TraceListener;

/** Runs one scenario on one seed: build, deploy, schedule faults, run, check, summarise. */
public final class ScenarioRunner {
    private ScenarioRunner() {
    }

    /**
     * The scenario's {@code hardware:} over the deployment's own choices: cores, the log disk and
     * clock drift on every server, the NIC bandwidth on every client. Unset fields leave the deployment's values.
     */
    static void applyHardware(Simulation sim, ScenarioSpec.Hardware hardware, int servers) {
        for (int id = 0; id < sim.nodeCount(); id++) {
            if (id < servers) {
                if (hardware.cores() > 0) {
                    sim.reshapeNode(id, node -> node.toBuilder().cores(hardware.cores()).build());
                }
                if (hardware.disk() != null) {
                    sim.reshapeNode(id, node -> node.toBuilder().disk(hardware.disk()).build());
                }
                if (hardware.clockDriftPpm() != 0) {
                    sim.reshapeNode(id, node -> node.toBuilder().clockDriftPpm(hardware.clockDriftPpm()).build());
                }
            } else if (hardware.clientBandwidthBitsPerSec() >= 0) {
                sim.reshapeNode(id, node -> node.toBuilder().bandwidthBitsPerSec(hardware.clientBandwidthBitsPerSec()).build());
            }
        }
    }

    public static RunResult run(ScenarioSpec spec, RunOptions options) {
        return run(spec, options, List.of());
    }

    /**
     * Runs {@code spec} again, as it ran (same seed, same run), showing {@code listener} its
     * trace: how a report gets the trace lines of one part of a run it did not keep. Called off
     * with {@link RunCancelled} once {@code enough} says so.
     */
    public static RunResult replay(ScenarioSpec spec, TraceListener listener, java.util.function.BooleanSupplier enough) {
        return run(spec, RunOptions.cancellable(enough), List.of(listener));
    }

    /** As {@link #run(ScenarioSpec, RunOptions)}, with more trace listeners (a recording for the viewer, an export, a replay's). */
    public static RunResult run(ScenarioSpec spec, RunOptions options, List<TraceListener> listeners) {
        long wallStart = System.nanoTime();
        Configured<?> protocol = spec.protocolConfig().configured();
        long bucketNanos = bucketFor(spec.durationNanos());
        Simulation sim = new Simulation(spec.seed(), spec.network(), protocol.costModel(), bucketNanos);
        Deployment deployment = protocol.deploy(sim);
        sim.setServerCount(deployment.servers());
        applyHardware(sim, spec.hardware(), deployment.servers());
        sim.metrics().measureBetween(spec.warmupNanos(), spec.durationNanos());

        DiagramWindow diagram = null;
        if (options.diagramEvents() > 0) {
            diagram = new DiagramWindow(spec.diagram().fromNanos(), spec.diagram().toNanos(), options.diagramEvents());
            sim.addTraceListener(diagram);
        }
        JsonLinesTrace trace = options.traceOut() == null ? null : new JsonLinesTrace(options.traceOut());
        if (trace != null) {
            sim.addTraceListener(trace);
        }
        listeners.forEach(sim::addTraceListener);
        long settledFrom = 0;
        for (ScenarioSpec.TimedFault fault : spec.faults()) {
            if (fault.ends()) {
                sim.scheduleFault(fault.atNanos(), fault.untilNanos(), fault.fault());
            } else {
                sim.scheduleFault(fault.atNanos(), fault.fault());
            }
            settledFrom = Math.max(settledFrom, endOf(fault));
        }
        deployment.judgeLivenessWith(settledFrom, spec.livenessBoundNanos());
        try {
            if (options.progress() == null) {
                sim.runUntil(options.cancelled(), spec.durationNanos());
            } else {
                for (int step = 1; step <= 100 && !options.cancelled().getAsBoolean(); step++) {
                    long until = spec.durationNanos() / 100 * step + (step == 100 ? spec.durationNanos() % 100 : 0);
                    sim.runUntil(options.cancelled(), until);
                    options.progress().accept(until);
                }
            }
        } finally {
            if (trace != null) {
                trace.close();
            }
        }
        if (options.cancelled().getAsBoolean()) {
            throw new RunCancelled(spec.name(), spec.seed(), sim.now());
        }

        Verdict safety = deployment.safety();
        Verdict liveness = deployment.liveness(settledFrom, spec.livenessBoundNanos(), spec.durationNanos());
        Metrics metrics = sim.metrics();
        long measuredNanos = spec.durationNanos() - spec.warmupNanos();
        RunSummary.Requests requests = deployment.requests();
        TreeMap<String, Long> byType = new TreeMap<>();
        metrics.messagesByType().forEach((type, count) -> byType.put(type, count.messages()));
        RunSummary summary = new RunSummary(spec.name(), spec.protocol(), spec.seed(), spec.durationNanos() / 1e9, sim.events(),
                0, sim.digestHex(), requests, round(metrics.completedTotal() / (measuredNanos / 1e9)),
                RunSummary.LatencySummary.of(metrics.latency()), safety, liveness,
                new RunSummary.Messages(metrics.messagesTotal(), byType), spec.unsafe(), new TreeMap<>(deployment.figures()));
        double[] cpu = new double[sim.nodeCount()];
        for (int i = 0; i < cpu.length; i++) {
            cpu[i] = sim.cpuUtilisation(i);
        }
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        return new RunResult(summary.withWallSeconds(wallSeconds), metrics,
                FaultWindows.of(spec.faults(), metrics, spec.durationNanos()),
                diagram == null ? List.of() : diagram.events(), deployment.lanes(), cpu, spec.description());
    }

    /** When a fault stops acting: its until:, a delay spike's end, or its start. */
    private static long endOf(ScenarioSpec.TimedFault fault) {
        if (fault.fault() instanceof quorumsim.fault.Fault.DelaySpike spike) {
            return fault.atNanos() + spike.durationNanos();
        }
        return Math.max(fault.atNanos(), fault.untilNanos());
    }

    /** About 200 points on a throughput chart, in round steps. */
    static long bucketFor(long durationNanos) {
        long[] steps = {1_000_000, 2_000_000, 5_000_000, 10_000_000, 20_000_000, 50_000_000, 100_000_000, 200_000_000,
                500_000_000, 1_000_000_000, 2_000_000_000, 5_000_000_000L, 10_000_000_000L, 60_000_000_000L};
        for (long step : steps) {
            if (durationNanos / step <= 200) {
                return step;
            }
        }
        return 600_000_000_000L;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Which expectations the summary misses, one line each; empty when all are met. */
    public static List<String> unmetExpectations(ScenarioSpec.Expect expect, RunSummary summary) {
        List<String> unmet = new ArrayList<>();
        check(unmet, "safety", expect.safety(), summary.safety());
        check(unmet, "liveness", expect.liveness(), summary.liveness());
        Map<String, Double> figures = quorumsim.scenario.SummaryFigures.of(summary);
        expect.min().forEach((name, bound) -> {
            double value = figures.getOrDefault(name, Double.NaN);
            if (!figures.containsKey(name)) {
                unmet.add("this run has no figure " + name + "; it has " + String.join(", ", figures.keySet()));
            } else if (!(value >= bound)) {
                unmet.add(name + " = " + value + ", expected at least " + bound);
            }
        });
        expect.max().forEach((name, bound) -> {
            double value = figures.getOrDefault(name, Double.NaN);
            if (!figures.containsKey(name)) {
                unmet.add("this run has no figure " + name + "; it has " + String.join(", ", figures.keySet()));
            } else if (!(value <= bound)) {
                unmet.add(name + " = " + value + ", expected at most " + bound);
            }
        });
        return unmet;
    }

    private static void check(List<String> unmet, String what, String expected, Verdict verdict) {
        if (expected == null) {
            return;
        }
        boolean wantHolds = expected.equals("holds");
        if (verdict.holds() != wantHolds) {
            unmet.add(what + " " + (verdict.holds() ? "holds" : "is violated") + ", expected " + (wantHolds ? "it to hold" : "a violation")
                    + (verdict.holds() ? "" : ": " + verdict.detail()));
        }
    }
}
