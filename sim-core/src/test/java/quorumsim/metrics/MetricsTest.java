package quorumsim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.net.NetworkConfig;

class MetricsTest {
    static final long MS = 1_000_000;

    @Test
    void completionsCountPerBucketAndWarmUpStaysOutOfTheTotals() {
        Metrics m = new Metrics(MS);
        m.measureBetween(1 * MS, 10 * MS);
        m.completed("write", 0, MS / 2);              // warm-up
        m.completed("write", MS, MS + 200_000);
        m.completed("read", MS, MS + 700_000);
        m.completed("write", 3 * MS, 3 * MS + 100_000);
        m.completed("read", 9 * MS, 10 * MS + 500_000); // after the window
        assertArrayEquals(new long[] {1, 2, 0, 1, 0, 0, 0, 0, 0, 0, 1}, m.completionsPerBucket());
        assertEquals(3, m.completedTotal());
        assertEquals(Map.of("read", 1L, "write", 2L), m.completedByKind());
        assertEquals(3, m.latency().getTotalCount());
        assertEquals(100_000, m.latency().getMinValue(), 100);
        assertEquals(700_000, m.latency().getMaxValue(), 700);
        assertEquals(1, m.latencyByKind().get("read").getTotalCount());
        assertEquals(2, m.latencyPerBucket().get(1).getTotalCount());
        assertNull(m.latencyPerBucket().get(2));
    }

    @Test
    void countersAndMarksKeepWhatTheyAreGiven() {
        Metrics m = new Metrics(MS);
        m.increment("retries");
        m.add("retries", 4);
        m.mark(5 * MS, "view 1");
        assertEquals(5, m.counter("retries"));
        assertEquals(0, m.counter("never"));
        assertEquals(List.of(new Metrics.Mark(5 * MS, "view 1")), m.marks());
    }

    record Small() implements Message {
        public int sizeBytes() {
            return 10;
        }
    }

    record Big() implements Message {
        public int sizeBytes() {
            return 1_000;
        }

        public String typeName() {
            return "BigOne";
        }
    }

    @Test
    void theEngineCountsMessagesAndBytesByTypeIncludingOnesThatAreLaterDropped() {
        Simulation sim = new Simulation(1, NetworkConfig.ideal(1_000), CpuCostModel.FREE, MS);
        sim.addNode("a", NodeSpec.simple(), (id, store) -> new Actor() {
            public void onStart(Context ctx) {
                for (int i = 0; i < 5; i++) {
                    ctx.send(1, new Small());
                }
                ctx.send(1, new Big());
                ctx.setTimer(MS, "after the cut");
            }

            public void onMessage(Context ctx, int from, Message message) {
            }

            public void onTimer(Context ctx, Object timer) {
                ctx.send(1, new Big());
            }
        });
        sim.addNode("b", NodeSpec.simple(), (id, store) -> new Actor() {
            public void onStart(Context ctx) {
            }

            public void onMessage(Context ctx, int from, Message message) {
                ctx.metrics().completed("echo", 0, ctx.trueTimeNanos());
            }

            public void onTimer(Context ctx, Object timer) {
            }
        });
        sim.scheduleFault(MS / 2, new Fault.OneWayCut(0, 1));
        sim.runToCompletion();
        Map<String, Metrics.MessageCount> byType = sim.metrics().messagesByType();
        assertEquals(List.of("BigOne", "Small"), List.copyOf(byType.keySet()));
        assertEquals(5, byType.get("Small").messages());
        assertEquals(50, byType.get("Small").bytes());
        assertEquals(2, byType.get("BigOne").messages());
        assertEquals(2_000, byType.get("BigOne").bytes());
        assertEquals(7, sim.metrics().messagesTotal());
        assertEquals(6, sim.metrics().completedTotal(), "the second Big was cut");
    }
}
