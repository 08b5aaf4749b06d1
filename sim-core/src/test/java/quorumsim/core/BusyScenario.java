package quorumsim.core;

import quorumsim.disk.DiskConfig;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

/**
 * A run that uses every part of the engine at once: random latency, finite bandwidth, loss,
 * duplication and reordering; CPU costs on one and two cores; disk with group commit; timers
 * set and cancelled; signatures; and a fault timeline with a partition, a one-way cut, a
 * crash and recovery, a pause, clock faults and a delay spike. Determinism tests compare its
 * digest between runs, seeds and JVMs; {@link #main} prints it for the fresh-JVM test.
 */
public final class BusyScenario {
    private BusyScenario() {
    }

    record Gossip(int round, int bytes) implements Message {
        public int sizeBytes() {
            return bytes;
        }
    }

    record Signed(int round, Signature signature) implements Message {
        public int sizeBytes() {
            return 128;
        }
    }

    record Tick(int n) {
    }

    record Watchdog() {
    }

    static final class Gossiper implements Actor {
        private final int nodes;
        private int round;
        private TimerId watchdog;

        Gossiper(int nodes, StableStore store) {
            this.nodes = nodes;
            this.round = store.getOrDefault("round", 0);
        }

        public void onStart(Context ctx) {
            ctx.setTimer(1_000_000 + ctx.random().nextInt(500_000), new Tick(0));
            watchdog = ctx.setTimer(50_000_000, new Watchdog());
        }

        public void onMessage(Context ctx, int from, Message message) {
            if (message instanceof Gossip g) {
                ctx.chargeCpu(ctx.random().nextInt(20_000));
                if (g.round() % 3 == 0) {
                    ctx.persist(g.bytes(), g.round());
                }
                if (ctx.random().nextInt(4) == 0) {
                    ctx.send(from, new Signed(g.round(), ctx.sign(g.round(), Signature.Kind.SIGNATURE)));
                }
            } else if (message instanceof Signed s && !ctx.verify(s.signature(), from, s.round())) {
                throw new IllegalStateException("an honest signature failed to verify");
            }
            ctx.cancelTimer(watchdog);
            watchdog = ctx.setTimer(50_000_000, new Watchdog());
        }

        public void onTimer(Context ctx, Object timer) {
            if (timer instanceof Tick t) {
                round++;
                int to = ctx.random().nextInt(nodes);
                if (to != ctx.self()) {
                    ctx.send(to, new Gossip(round, 200 + ctx.random().nextInt(2_000)));
                } else {
                    ctx.multicast(new int[] {0, 1, 2, 3, 4}, new Gossip(round, 300));
                }
                ctx.setTimer(500_000 + ctx.random().nextInt(1_000_000), new Tick(t.n() + 1));
            } else {
                ctx.observe("watchdog " + ctx.self());
            }
        }

        public void onPersisted(Context ctx, Object token) {
            ctx.store().put("round", round);
        }
    }

    /** Builds the run: five gossiping nodes and the fault timeline, not started yet. */
    public static Simulation build(long seed) {
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder()
                .latency(new LatencyDistribution.LogNormal(300_000, 200_000))
                .bandwidthBitsPerSec(100_000_000)
                .lossProbability(0.02).duplicateProbability(0.02)
                .reorderProbability(0.05).reorderDelayNanos(400_000).fifoLinks(false).build();
        CpuCostModel costs = new CpuCostModel.Linear(5_000, 2.0, 2_000, 1.0, 80_000, 40_000, 1_000);
        Simulation sim = new Simulation(seed, network, costs, 10_000_000);
        for (int i = 0; i < 5; i++) {
            NodeSpec spec = NodeSpec.simple().toBuilder()
                    .cores(i % 2 + 1)
                    .disk(new DiskConfig(2_000_000, 200_000_000, 8))
                    .clockOffsetNanos(i * 1_000).clockDriftPpm(i * 50.0 - 100.0).build();
            sim.addNode("n" + i, spec, (id, store) -> new Gossiper(5, store));
        }
        sim.scheduleFault(40_000_000, new Fault.Partition(new int[][] {{0, 1}, {2, 3, 4}}));
        sim.scheduleFault(60_000_000, new Fault.Heal());
        sim.scheduleFault(70_000_000, new Fault.OneWayCut(3, 4));
        sim.scheduleFault(80_000_000, new Fault.Crash(Target.of(2)));
        sim.scheduleFault(90_000_000, new Fault.Pause(Target.of(1)));
        sim.scheduleFault(95_000_000, new Fault.Resume(Target.of(1)));
        sim.scheduleFault(100_000_000, new Fault.Recover(Target.of(2)));
        sim.scheduleFault(105_000_000, new Fault.Heal());
        sim.scheduleFault(110_000_000, new Fault.ClockJump(Target.of(0), 5_000_000));
        sim.scheduleFault(115_000_000, new Fault.ClockDrift(Target.of(4), 300));
        sim.scheduleFault(120_000_000, new Fault.DelaySpike(Target.of(3), 2_000_000, 20_000_000));
        sim.scheduleFault(125_000_000, new Fault.DelaySpike(new Target.All(), 500_000, 5_000_000));
        return sim;
    }

    public static Simulation run(long seed) {
        Simulation sim = build(seed);
        sim.runUntil(200_000_000);
        return sim;
    }

    public static void main(String[] args) {
        System.out.println(run(Long.parseLong(args[0])).digestHex());
    }
}
