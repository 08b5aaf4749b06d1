package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import quorumsim.disk.DiskConfig;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.trace.TraceKind;

/**
 * Many seeds of random networks, hardware and fault timelines over the busy scenario's
 * gossipers: every run is reproducible, time never goes backwards, and every DELIVER or
 * DROP belongs to an earlier SEND (at most two outcomes per message: a duplicate).
 */
class RandomFaultsTest {
    static final int SEEDS = 30;

    @Test
    void randomFaultTimelinesRunReproduciblyAndKeepTheTraceConsistent() {
        for (long seed = 1; seed <= SEEDS; seed++) {
            Simulation checked = build(seed);
            TreeMap<Long, Integer> outcomes = new TreeMap<>();
            long[] lastTime = {0};
            long atSeed = seed;
            checked.addTraceListener(e -> {
                assertTrue(e.timeNanos() >= lastTime[0], () -> "seed " + atSeed + ": time went backwards at " + e);
                lastTime[0] = e.timeNanos();
                if (e.kind() == TraceKind.SEND) {
                    outcomes.put(e.messageId(), 0);
                } else if (e.kind() == TraceKind.DELIVER || e.kind() == TraceKind.DROP) {
                    Integer seen = outcomes.get(e.messageId());
                    assertTrue(seen != null && seen < 2, () -> "seed " + atSeed + ": unexpected " + e);
                    outcomes.put(e.messageId(), seen + 1);
                }
            });
            checked.runUntil(200_000_000);
            Simulation again = build(seed);
            again.runUntil(200_000_000);
            assertEquals(checked.digestHex(), again.digestHex(), "seed " + seed);
            assertEquals(checked.events(), again.events(), "seed " + seed);
        }
    }

    private static Simulation build(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        LatencyDistribution latency = switch (r.nextInt(4)) {
            case 0 -> new LatencyDistribution.Constant(r.nextInt(300_000));
            case 1 -> new LatencyDistribution.Uniform(0, 500_000);
            case 2 -> new LatencyDistribution.Exponential(200_000);
            default -> new LatencyDistribution.Pareto(50_000, 1.5);
        };
        NetworkConfig network = new NetworkConfig(latency, r.nextBoolean() ? 0 : 100_000_000, r.nextDouble() * 0.1,
                r.nextDouble() * 0.1, r.nextDouble() * 0.1, r.nextInt(500_000), r.nextBoolean());
        CpuCostModel costs = r.nextBoolean() ? CpuCostModel.FREE
                : new CpuCostModel.Linear(r.nextInt(50_000), 1.0, r.nextInt(10_000), 0.5, 80_000, 40_000, 1_000);
        Simulation sim = new Simulation(seed, network, costs, 10_000_000);
        int nodes = 5;
        for (int i = 0; i < nodes; i++) {
            DiskConfig disk = r.nextBoolean() ? DiskConfig.INSTANT
                    : new DiskConfig(r.nextInt(3_000_000), r.nextBoolean() ? 0 : 100_000_000, 1 + r.nextInt(10));
            NodeSpec spec = NodeSpec.simple().toBuilder().cores(1 + r.nextInt(3)).disk(disk)
                    .clockOffsetNanos(r.nextInt(1_000)).clockDriftPpm(r.nextInt(2_000) - 1_000).build();
            sim.addNode("n" + i, spec, (id, store) -> new BusyScenario.Gossiper(nodes, store));
        }
        for (int f = 0; f < 15; f++) {
            long at = r.nextLong(150_000_000);
            int node = r.nextInt(nodes);
            Fault fault = switch (r.nextInt(11)) {
                case 0 -> new Fault.Crash(Target.of(node));
                case 1 -> new Fault.Recover(new Target.All());
                case 2 -> new Fault.Pause(Target.of(node));
                case 3 -> new Fault.Resume(Target.of(node));
                case 4 -> new Fault.Partition(new int[][] {{0}, {1, 2}});
                case 5 -> new Fault.OneWayCut(node, (node + 1) % nodes);
                case 6 -> new Fault.Isolate(Target.of(node));
                case 7 -> new Fault.Heal();
                case 8 -> new Fault.ClockJump(Target.of(node), r.nextInt(20_000_000) - 10_000_000);
                case 9 -> new Fault.ClockDrift(Target.of(node), r.nextInt(400_000) - 200_000);
                default -> new Fault.DelaySpike(r.nextBoolean() ? new Target.All() : Target.of(node),
                        r.nextInt(5_000_000), r.nextInt(20_000_000));
            };
            sim.scheduleFault(at, fault);
        }
        return sim;
    }
}
