package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

class RandomStreamsTest {
    private static long[] draws(SplittableRandom random, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextLong();
        }
        return out;
    }

    @Test
    void aStreamDependsOnlyOnTheRootSeedAndItsName() {
        RandomStreams a = new RandomStreams(7);
        RandomStreams b = new RandomStreams(7);
        b.stream("workload").nextLong();
        assertEquals(java.util.Arrays.toString(draws(a.stream("node/3"), 5)), java.util.Arrays.toString(draws(b.stream("node/3"), 5)));
        assertNotEquals(java.util.Arrays.toString(draws(a.stream("node/3"), 5)), java.util.Arrays.toString(draws(a.stream("node/4"), 5)));
        assertNotEquals(java.util.Arrays.toString(draws(a.stream("node/3"), 5)), java.util.Arrays.toString(draws(new RandomStreams(8).stream("node/3"), 5)));
    }

    /**
     * Node 0 draws from its stream and sends to node 1 over a random-latency network. Its
     * draws and its messages' latencies stay the same whether or not other nodes exist, send
     * messages and draw from their own streams.
     */
    @Test
    void addingANodeOrDrawingFromAnotherStreamLeavesANodesDrawsUnchanged() {
        assertEquals(run(false), run(true));
    }

    private static List<Long> run(boolean withNoisyNeighbour) {
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder().latency(new LatencyDistribution.Uniform(1_000, 100_000)).build();
        Probes probes = Probes.of(network, CpuCostModel.FREE);
        List<Long> seen = new ArrayList<>();
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(10_000, 0);
            p.onTimer = (ctx, n) -> {
                seen.add(ctx.random().nextLong());
                ctx.send(1, Msg.of((Integer) n));
                if ((Integer) n < 50) {
                    ctx.setTimer(10_000, (Integer) n + 1);
                }
            };
        });
        probes.add((id, p) -> p.onMessage = (ctx, from, m) -> {
            if (from == 0) {
                seen.add(ctx.trueTimeNanos());
            }
        });
        if (withNoisyNeighbour) {
            probes.add((id, p) -> {
                p.onStart = ctx -> ctx.setTimer(3_000, "noise");
                p.onTimer = (ctx, t) -> {
                    for (int i = 0; i < ctx.random().nextInt(10); i++) {
                        ctx.random().nextGaussian();
                        ctx.send(i % 2, Msg.of(-1));
                    }
                    if (ctx.trueTimeNanos() < 600_000) {
                        ctx.setTimer(3_000, t);
                    }
                };
            });
            probes.sim.streams().stream("faults").nextLong();
        }
        probes.sim.runToCompletion();
        return seen;
    }
}
