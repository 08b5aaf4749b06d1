package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.NetworkConfig;

class CpuTest {
    static final long HANDLE_NANOS = 100_000;
    /** 100 us to receive any message; sending, signing and verifying are free. */
    static final CpuCostModel RECEIVE_COSTS = new CpuCostModel.Linear(HANDLE_NANOS, 0, 0, 0, 0, 0, 0);

    /** A client offering one request every {@code periodNanos} until 20 ms to a server with {@code cores}. */
    private static Probes offered(long periodNanos, int cores) {
        Probes probes = Probes.of(NetworkConfig.ideal(0), RECEIVE_COSTS);
        int server = probes.add(NodeSpec.simple().toBuilder().cores(cores).build(), (id, p) -> { });
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(0, 0);
            p.onTimer = (ctx, timer) -> {
                ctx.send(server, Msg.of((Integer) timer));
                if (ctx.trueTimeNanos() + periodNanos <= 20_000_000) {
                    ctx.setTimer(periodNanos, (Integer) timer + 1);
                }
            };
        });
        return probes;
    }

    @Test
    void aNodeGivenWorkAtTwiceItsCapacityCompletesAtItsCapacity() {
        Probes probes = offered(HANDLE_NANOS / 2, 1);
        probes.sim.runUntil(20_000_000);
        List<Long> starts = probes.probe(0).messageTimes();
        assertEquals(201, starts.size(), "one request per 100 us, not the 401 offered");
        for (int i = 0; i < starts.size(); i++) {
            assertEquals(i * HANDLE_NANOS, starts.get(i));
        }
        assertEquals(1.0, probes.sim.cpuUtilisation(0), 1e-9);
        probes.sim.runToCompletion();
        assertEquals(401, probes.probe(0).messages.size(), "the queue drains once the offered load stops");
        assertEquals(40_100_000, probes.sim.now());
    }

    @Test
    void twoCoresServeTheSameLoadAsItArrives() {
        Probes probes = offered(HANDLE_NANOS / 2, 2);
        probes.sim.runUntil(20_000_000);
        List<Long> starts = probes.probe(0).messageTimes();
        assertEquals(401, starts.size());
        for (int i = 0; i < starts.size(); i++) {
            assertEquals(i * HANDLE_NANOS / 2, starts.get(i));
        }
    }

    @Test
    void kCoresWorkTheFifoQueueInParallel() {
        Probes probes = Probes.of(NetworkConfig.ideal(1_000), RECEIVE_COSTS);
        int server = probes.add(NodeSpec.simple().toBuilder().cores(3).build(), (id, p) -> { });
        probes.add((id, p) -> p.onStart = ctx -> {
            for (int i = 0; i < 7; i++) {
                ctx.send(server, Msg.of(i));
            }
        });
        probes.sim.runToCompletion();
        Probe s = probes.probe(server);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), s.messageContents().stream().map(m -> ((Msg) m).n()).toList());
        assertEquals(List.of(1_000L, 1_000L, 1_000L, 101_000L, 101_000L, 101_000L, 201_000L), s.messageTimes());
    }

    @Test
    void sendsLeaveWhenTheHandlersCpuWorkCompletes() {
        CpuCostModel costs = new CpuCostModel.Linear(20_000, 10.0, 5_000, 0, 0, 0, 0);
        Probes probes = Probes.of(NetworkConfig.ideal(1_000), costs);
        int sink = probes.add(NodeSpec.simple().toBuilder().cores(2).build(), (id, p) -> { });
        int worker = probes.add((id, p) -> p.onMessage = (ctx, from, m) -> {
            ctx.chargeCpu(300_000);
            ctx.send(sink, Msg.of(1));
            ctx.send(sink, Msg.of(2));
        });
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(worker, new Msg(0, 1_000)));
        probes.sim.runToCompletion();
        // the client's send costs 5 us, so it arrives at 6 us; then 20 us + 10 ns/byte x 1000 B to
        // receive, 300 us charged, 2 x 5 us to send
        long done = 6_000 + 20_000 + 10_000 + 300_000 + 10_000;
        assertEquals(List.of(done + 1_000, done + 1_000), probes.probe(sink).messageTimes());
    }

    @Test
    void timersWaitInTheSameQueueAsMessages() {
        Probes probes = Probes.of(NetworkConfig.ideal(0), RECEIVE_COSTS);
        int node = probes.add((id, p) -> p.onStart = ctx -> ctx.setTimer(10_000, "while busy"));
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(node, Msg.of(0)));
        probes.sim.runToCompletion();
        Probe.Seen timer = probes.probe(node).timers.get(0);
        assertEquals(HANDLE_NANOS, timer.trueNanos(), "the timer came due at 10 us, the core was free at 100 us");
    }

    @Test
    void aNegativeChargeIsRefused() {
        Probes probes = Probes.ideal(0);
        probes.add((id, p) -> p.onStart = ctx -> ctx.chargeCpu(-1));
        try {
            probes.sim.runToCompletion();
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("negative"));
            return;
        }
        throw new AssertionError("a negative charge was accepted");
    }
}
