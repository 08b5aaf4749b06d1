package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

class LossDuplicationReorderTest {
    static final int MESSAGES = 20_000;

    /** Node 0 sends MESSAGES numbered messages to node 1, one every microsecond. */
    private static Probes stream(NetworkConfig network, List<TraceEvent> trace) {
        Probes probes = Probes.of(network, CpuCostModel.FREE);
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(1_000, 0);
            p.onTimer = (ctx, timer) -> {
                int n = (Integer) timer;
                ctx.send(1, Msg.of(n));
                if (n + 1 < MESSAGES) {
                    ctx.setTimer(1_000, n + 1);
                }
            };
        });
        probes.addIdle();
        if (trace != null) {
            probes.sim.addTraceListener(trace::add);
        }
        probes.sim.runToCompletion();
        return probes;
    }

    private static List<Integer> received(Probes probes) {
        return probes.probe(1).messages.stream().map(s -> ((Msg) s.what()).n()).toList();
    }

    private static int inversions(List<Integer> order) {
        int inversions = 0;
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                inversions++;
            }
        }
        return inversions;
    }

    @Test
    void lossDropsMessagesAtItsRateAndTracesWhy() {
        List<TraceEvent> trace = new ArrayList<>();
        Probes probes = stream(NetworkConfig.ideal(50_000).toBuilder().lossProbability(0.1).duplicateProbability(0).build(), trace);
        int got = received(probes).size();
        assertEquals(0.9, got / (double) MESSAGES, 0.011);
        long drops = trace.stream().filter(e -> e.kind() == TraceKind.DROP && "loss".equals(e.detail())).count();
        assertEquals(MESSAGES - got, drops);
    }

    @Test
    void duplicationDeliversSomeMessagesTwiceAtItsRate() {
        Probes probes = stream(NetworkConfig.ideal(50_000).toBuilder().lossProbability(0).duplicateProbability(0.1).build(), null);
        List<Integer> got = received(probes);
        assertEquals(1.1, got.size() / (double) MESSAGES, 0.011);
        assertEquals(MESSAGES, got.stream().distinct().count(), "every message arrives at least once");
    }

    @Test
    void withoutFifoLinksRandomLatencyAndReorderingDeliverOutOfOrder() {
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder()
                .latency(new LatencyDistribution.Uniform(10_000, 30_000))
                .reorderProbability(0.05).reorderDelayNanos(100_000).fifoLinks(false).build();
        List<Integer> got = received(stream(network, null));
        assertEquals(MESSAGES, got.size());
        assertTrue(inversions(got) > MESSAGES / 10, "inversions: " + inversions(got));
    }

    @Test
    void reorderingHoldsBackItsShareOfMessagesByItsDelay() {
        NetworkConfig network = NetworkConfig.ideal(10_000).toBuilder().reorderProbability(0.2).reorderDelayNanos(100_000).fifoLinks(false).build();
        Probes probes = stream(network, null);
        long held = probes.probe(1).messages.stream()
                .filter(s -> s.trueNanos() - (((Msg) s.what()).n() + 1) * 1_000L == 110_000).count();
        assertEquals(0.2, held / (double) MESSAGES, 0.015);
    }

    @Test
    void fifoLinksDeliverInSendOrderWhateverTheLatencyReorderingAndDuplicates() {
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder()
                .latency(new LatencyDistribution.Exponential(20_000))
                .lossProbability(0).duplicateProbability(0.2)
                .reorderProbability(0.1).reorderDelayNanos(100_000).fifoLinks(true).build();
        List<Integer> got = received(stream(network, null));
        assertEquals(0, inversions(got));
        assertTrue(got.size() > MESSAGES * 1.15, "duplicates still arrive: " + got.size());
    }
}
