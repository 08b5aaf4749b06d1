package quorumsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

/**
 * The engine's event loop against a plain {@link PriorityQueue} loop over the same event
 * pattern. Each of {@code actors} no-op actors keeps {@link #MESSAGES_PER_ACTOR} messages and
 * one timer in flight: a delivered message is passed on to a random other actor after the
 * network's latency, a fired timer is set again after a random delay. The engine
 * runs it through the real {@link Simulation} (free CPU, ideal network, trace digest on); the
 * baseline schedules the same events, drawing the same kinds of random numbers, with nothing
 * else. Each side gets a warm-up round of the same size, then three measured rounds
 * (alternating, median reported). Wall time is read only here, around the runs, never inside one.
 *
 * <p>The message latency follows a {@link Pattern}. On a constant latency the messages sent at
 * one instant all arrive at one later instant, and the engine's queue takes such runs without
 * sifting (see its EventQueue) while the plain loop sifts every one. With a random latency
 * (uniform, log-normal) there are no such runs, and the engine's extra work per event (trace
 * digest, metrics, NIC and link bookkeeping) has to be paid for by a faster queue.
 */
public final class EngineBench {
    static final int ROUNDS = 3;
    static final int MESSAGES_PER_ACTOR = 4;
    static final long LATENCY_NANOS = 100_000;
    static final long TIMER_MIN_NANOS = 50_000;
    static final long TIMER_SPREAD_NANOS = 100_000;

    private EngineBench() {
    }

    /** How long a message takes: the same distribution in the engine's network and in the plain loop. */
    public enum Pattern {
        CONSTANT(new LatencyDistribution.Constant(LATENCY_NANOS)),
        UNIFORM(new LatencyDistribution.Uniform(LATENCY_NANOS / 2, LATENCY_NANOS * 3 / 2)),
        LOGNORMAL(new LatencyDistribution.LogNormal(LATENCY_NANOS, LATENCY_NANOS / 2));

        final LatencyDistribution latency;

        Pattern(LatencyDistribution latency) {
            this.latency = latency;
        }

        /** Its name as the command line spells it, with its parameters. */
        public String describe() {
            return switch (this) {
                case CONSTANT -> "constant latency 100 us";
                case UNIFORM -> "latency uniform(50 us, 150 us)";
                case LOGNORMAL -> "latency log-normal(mean 100 us, sd 50 us)";
            };
        }
    }

    /**
     * Runs a warm-up round of both loops, then {@link #ROUNDS} measured rounds of each,
     * alternating, and reports the median round of each.
     */
    public static BenchResult run(Pattern pattern, int actors, long events, long seed) {
        if (actors < 2) {
            throw new IllegalArgumentException("the bench needs at least 2 actors, got " + actors);
        }
        if (events < 1) {
            throw new IllegalArgumentException("the bench needs at least 1 event, got " + events);
        }
        runEngine(pattern, actors, events, seed);
        runBaseline(pattern, actors, events, seed);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long[] engineNanos = new long[ROUNDS];
        long[] baselineNanos = new long[ROUNDS];
        long[] engineCpuNanos = new long[ROUNDS];
        long[] baselineCpuNanos = new long[ROUNDS];
        String digest = null;
        for (int round = 0; round < ROUNDS; round++) {
            long c0 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            long t0 = System.nanoTime();
            Simulation sim = runEngine(pattern, actors, events, seed);
            long t1 = System.nanoTime();
            long c1 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            runBaseline(pattern, actors, events, seed);
            long t2 = System.nanoTime();
            long c2 = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
            engineNanos[round] = t1 - t0;
            baselineNanos[round] = t2 - t1;
            engineCpuNanos[round] = c1 - c0;
            baselineCpuNanos[round] = c2 - c1;
            digest = sim.digestHex();
        }
        return new BenchResult(pattern, actors, events, seed, rate(events, engineNanos), rate(events, baselineNanos),
                cpuTime ? rate(events, engineCpuNanos) : Double.NaN,
                cpuTime ? rate(events, baselineCpuNanos) : Double.NaN, digest);
    }

    private static double rate(long events, long[] roundNanos) {
        return events * 1e9 / Math.max(1, median(roundNanos));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    public static void main(String[] args) {
        int actors = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        long events = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1L;
        System.out.println(run(Pattern.CONSTANT, actors, events, seed));
    }

    // ------------------------------------------------------------------ the engine

    record Token() implements Message {
        static final Token INSTANCE = new Token();

        public int sizeBytes() {
            return 64;
        }
    }

    record Tick() {
        static final Tick INSTANCE = new Tick();
    }

    /** Passes every message on to a random other actor; re-arms its timer whenever it fires. */
    static final class Relay implements Actor {
        private final int actors;

        Relay(int actors) {
            this.actors = actors;
        }

        public void onStart(Context ctx) {
            for (int i = 0; i < MESSAGES_PER_ACTOR; i++) {
                ctx.send(otherThan(ctx.self(), ctx.random().nextInt(actors - 1)), Token.INSTANCE);
            }
            ctx.setTimer(TIMER_MIN_NANOS + ctx.random().nextLong(TIMER_SPREAD_NANOS), Tick.INSTANCE);
        }

        public void onMessage(Context ctx, int from, Message message) {
            ctx.send(otherThan(ctx.self(), ctx.random().nextInt(actors - 1)), message);
        }

        public void onTimer(Context ctx, Object timer) {
            ctx.setTimer(TIMER_MIN_NANOS + ctx.random().nextLong(TIMER_SPREAD_NANOS), timer);
        }
    }

    static int otherThan(int self, int draw) {
        return draw >= self ? draw + 1 : draw;
    }

    /** On a random latency the links are not FIFO, so a message arrives when its draw says, as in the plain loop. */
    static Simulation runEngine(Pattern pattern, int actors, long events, long seed) {
        NetworkConfig network = pattern == Pattern.CONSTANT ? NetworkConfig.ideal(LATENCY_NANOS)
                : new NetworkConfig(pattern.latency, 0, 0, 0, 0, 0, false);
        Simulation sim = new Simulation(seed, network, CpuCostModel.FREE, 1_000_000_000L);
        for (int i = 0; i < actors; i++) {
            sim.addNode("relay-" + i, NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, store) -> new Relay(actors));
        }
        sim.runUntil(() -> sim.events() >= events, Long.MAX_VALUE);
        return sim;
    }

    // ------------------------------------------------------------------ the baseline

    /** One scheduled event of the baseline: a message reaching {@code node}, or its timer. */
    static final class PlainEvent {
        final long time;
        final long seq;
        final int node;
        final boolean timer;

        PlainEvent(long time, long seq, int node, boolean timer) {
            this.time = time;
            this.seq = seq;
            this.node = node;
            this.timer = timer;
        }
    }

    /** The same pattern with a {@link PriorityQueue} ordered by (time, seq); returns a checksum. */
    static long runBaseline(Pattern pattern, int actors, long events, long seed) {
        LatencyDistribution latency = pattern.latency;
        PriorityQueue<PlainEvent> queue = new PriorityQueue<>((a, b) -> a.time != b.time
                ? Long.compare(a.time, b.time) : Long.compare(a.seq, b.seq));
        SplittableRandom[] random = new SplittableRandom[actors];
        long seq = 0;
        for (int node = 0; node < actors; node++) {
            random[node] = new SplittableRandom(seed * 1_000_003L + node);
            for (int i = 0; i < MESSAGES_PER_ACTOR; i++) {
                int to = otherThan(node, random[node].nextInt(actors - 1));
                queue.add(new PlainEvent(latency.sampleNanos(random[node]), seq++, to, false));
            }
            queue.add(new PlainEvent(TIMER_MIN_NANOS + random[node].nextLong(TIMER_SPREAD_NANOS), seq++, node, true));
        }
        long checksum = 0;
        for (long done = 0; done < events; done++) {
            PlainEvent e = queue.poll();
            SplittableRandom r = random[e.node];
            if (e.timer) {
                queue.add(new PlainEvent(e.time + TIMER_MIN_NANOS + r.nextLong(TIMER_SPREAD_NANOS), seq++, e.node, true));
            } else {
                int to = otherThan(e.node, r.nextInt(actors - 1));
                queue.add(new PlainEvent(e.time + latency.sampleNanos(r), seq++, to, false));
            }
            checksum += e.time ^ e.node;
        }
        return checksum;
    }
}
