package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.NetworkConfig;

/** Partitions, one-way cuts, isolation and delay spikes, to the nanosecond. */
class NetworkFaultsTest {
    static final long PERIOD = 100_000;
    static final long END = 3_000_000;

    /** Nodes that each send a numbered message to every other node every 100 us until 3 ms. */
    private static Probes chatty(int nodes, long latencyNanos) {
        Probes probes = Probes.ideal(latencyNanos);
        for (int n = 0; n < nodes; n++) {
            probes.add((id, p) -> {
                p.onStart = ctx -> ctx.setTimer(0, "send");
                p.onTimer = (ctx, timer) -> {
                    for (int to = 0; to < nodes; to++) {
                        if (to != ctx.self()) {
                            ctx.send(to, Msg.of((int) (ctx.trueTimeNanos() / PERIOD)));
                        }
                    }
                    if (ctx.trueTimeNanos() + PERIOD <= END) {
                        ctx.setTimer(PERIOD, timer);
                    }
                };
            });
        }
        return probes;
    }

    /** Send times (in periods) of the messages {@code to} received from {@code from}. */
    private static List<Long> rounds(Probes probes, int from, int to) {
        return probes.probe(to).messages.stream().filter(s -> s.from() == from).map(s -> (long) ((Msg) s.what()).n()).toList();
    }

    private static List<Long> roundsOutside(long cutFrom, long cutUntil) {
        return LongStream.rangeClosed(0, END / PERIOD).filter(r -> r < cutFrom || r >= cutUntil).boxed().toList();
    }

    private static List<Long> allRounds() {
        return roundsOutside(0, 0);
    }

    @Test
    void aPartitionCutsAtItsTimeAndHealsAtItsTimeExactly() {
        Probes probes = chatty(4, 0);
        probes.sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0, 1}, {2, 3}}));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        // a message sent at exactly 1 ms is cut; one sent at exactly 2 ms goes through
        assertEquals(roundsOutside(10, 20), rounds(probes, 0, 2));
        assertEquals(roundsOutside(10, 20), rounds(probes, 3, 1));
        assertEquals(allRounds(), rounds(probes, 0, 1));
        assertEquals(allRounds(), rounds(probes, 3, 2));
    }

    @Test
    void aMessageOnALinkThatIsCutWhenItIsSentOrWhenItArrivesIsLost() {
        Probes probes = chatty(2, 150_000);
        probes.sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        // sent at 0.9 ms arrives at 1.05 ms, inside the cut; sent at 1.9 ms leaves inside it
        assertEquals(roundsOutside(9, 20), rounds(probes, 0, 1));
    }

    @Test
    void aOneWayCutStopsOneDirectionOnly() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(1_000_000, new Fault.OneWayCut(0, 1));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(10, 20), rounds(probes, 0, 1));
        assertEquals(allRounds(), rounds(probes, 1, 0));
        assertEquals(allRounds(), rounds(probes, 0, 2));
    }

    @Test
    void isolatingANodeCutsItOffBothWaysAndOnlyIt() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(1_000_000, new Fault.Isolate(Target.of(2)));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(10, 20), rounds(probes, 2, 0));
        assertEquals(roundsOutside(10, 20), rounds(probes, 1, 2));
        assertEquals(allRounds(), rounds(probes, 0, 1));
    }

    @Test
    void overlappingCutsAllHoldUntilTheHeal() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(500_000, new Fault.OneWayCut(0, 2));
        probes.sim.scheduleFault(1_000_000, new Fault.Isolate(Target.of(2)));
        probes.sim.scheduleFault(1_500_000, new Fault.Partition(new int[][] {{0, 1}, {2}}));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(5, 20), rounds(probes, 0, 2));
        assertEquals(roundsOutside(10, 20), rounds(probes, 2, 0));
        assertEquals(roundsOutside(10, 20), rounds(probes, 1, 2));
        assertEquals(allRounds(), rounds(probes, 1, 0));
    }

    @Test
    void eachNetworkFaultEndsOnItsOwnAndLeavesTheOthersInForce() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.Isolate(Target.of(2)));
        probes.sim.scheduleFault(1_500_000, 2_500_000, new Fault.OneWayCut(0, 2));
        probes.sim.runToCompletion();
        // the isolation's end at 2 ms does not heal the cut 0->2, which lasts to 2.5 ms
        assertEquals(roundsOutside(10, 25), rounds(probes, 0, 2));
        assertEquals(roundsOutside(10, 20), rounds(probes, 2, 0));
        assertEquals(roundsOutside(10, 20), rounds(probes, 1, 2));
        assertEquals(allRounds(), rounds(probes, 0, 1));
    }

    @Test
    void aLinkStaysCutWhileAnyFaultInForceCutsIt() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(1_000_000, 3_000_000, new Fault.Partition(new int[][] {{0}, {1, 2}}));
        probes.sim.scheduleFault(1_500_000, 2_000_000, new Fault.OneWayCut(0, 1));
        probes.sim.runToCompletion();
        // the cut inside the partition ends at 2 ms; the partition still cuts 0->1 until 3 ms
        assertEquals(roundsOutside(10, 30), rounds(probes, 0, 1));
        assertEquals(roundsOutside(10, 30), rounds(probes, 2, 0));
        assertEquals(allRounds(), rounds(probes, 1, 2));
    }

    @Test
    void anExplicitHealEndsEveryNetworkFaultAndTheirLaterEndsChangeNothing() {
        Probes probes = chatty(3, 0);
        probes.sim.scheduleFault(1_000_000, 2_500_000, new Fault.Isolate(Target.of(2)));
        probes.sim.scheduleFault(1_200_000, new Fault.OneWayCut(0, 1));
        probes.sim.scheduleFault(1_500_000, new Fault.Heal());
        probes.sim.scheduleFault(2_000_000, 2_200_000, new Fault.OneWayCut(1, 0));
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(10, 15), rounds(probes, 0, 2));
        assertEquals(roundsOutside(12, 15), rounds(probes, 0, 1));
        assertEquals(roundsOutside(20, 22), rounds(probes, 1, 0), "a cut after the heal is a new fault");
        assertEquals("isolate 2 ends", probes.sim.faultLog().get(5).label());
        assertEquals(0, probes.sim.faultLog().get(5).nodes().length, "the heal had ended it already");
    }

    @Test
    void anIsolationOfTheLeaderCutsWhoeverLedAtItsStartUntilItsEnd() {
        Probes probes = chatty(3, 0);
        int[] leader = {0};
        probes.sim.setRoleResolver(role -> new int[] {leader[0]});
        probes.sim.at(1_500_000, () -> leader[0] = 1);
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.Isolate(new Target.Role("leader")));
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(10, 20), rounds(probes, 0, 2));
        assertEquals(roundsOutside(10, 20), rounds(probes, 1, 0));
        assertEquals(allRounds(), rounds(probes, 1, 2), "the new leader was never isolated");
    }

    @Test
    void delaySpikesOnOneNodeAddUpWhileBothAreInForce() {
        Probes probes = chatty(3, 10_000);
        probes.sim.scheduleFault(1_000_000, new Fault.DelaySpike(Target.of(1), 40_000, 500_000));
        probes.sim.scheduleFault(1_200_000, new Fault.DelaySpike(Target.of(1), 20_000, 800_000));
        probes.sim.runToCompletion();
        for (Probe.Seen s : probes.probe(1).messages.stream().filter(s -> s.from() == 0).toList()) {
            long sent = ((Msg) s.what()).n() * PERIOD;
            long extra = (sent >= 1_000_000 && sent < 1_500_000 ? 40_000 : 0) + (sent >= 1_200_000 && sent < 2_000_000 ? 20_000 : 0);
            assertEquals(sent + 10_000 + extra, s.trueNanos(), "sent at " + sent);
        }
    }

    @Test
    void partitionsNamingUnknownNodesAreRefusedClearly() {
        Probes probes = chatty(3, 0);
        assertThrows(IllegalStateException.class, () -> probes.sim.apply(new Fault.Heal()), "not started yet");
        probes.sim.start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> probes.sim.apply(new Fault.Partition(new int[][] {{0}, {7}})));
        assertTrue(e.getMessage().contains("7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> probes.sim.apply(new Fault.OneWayCut(0, 3)));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> probes.sim.apply(new Fault.Partition(new int[][] {{0, 1}, {1, 2}})));
        assertTrue(twice.getMessage().contains("node 1"), twice.getMessage());
    }

    @Test
    void aNegativeDelaySpikeWouldSendMessagesBackInTimeAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Fault.DelaySpike(Target.of(0), -1, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new Fault.DelaySpike(Target.of(0), 1, -1_000));
    }

    @Test
    void aDelaySpikeAddsLatencyToMessagesToAndFromItsTargetForItsDuration() {
        Probes probes = chatty(3, 10_000);
        probes.sim.scheduleFault(1_000_000, new Fault.DelaySpike(Target.of(1), 40_000, 500_000));
        probes.sim.runToCompletion();
        List<Probe.Seen> toOne = probes.probe(1).messages.stream().filter(s -> s.from() == 0).toList();
        for (Probe.Seen s : toOne) {
            long sent = ((Msg) s.what()).n() * PERIOD;
            boolean spiked = sent >= 1_000_000 && sent < 1_500_000;
            assertEquals(sent + 10_000 + (spiked ? 40_000 : 0), s.trueNanos(), "sent at " + sent);
        }
        List<Probe.Seen> zeroToTwo = probes.probe(2).messages.stream().filter(s -> s.from() == 0).toList();
        assertTrue(zeroToTwo.stream().allMatch(s -> s.trueNanos() == ((Msg) s.what()).n() * PERIOD + 10_000));
    }

    @Test
    void aNetworkWideDelaySpikeSlowsEveryLink() {
        Probes probes = chatty(3, 10_000);
        probes.sim.scheduleFault(1_000_000, new Fault.DelaySpike(new Target.All(), 70_000, 300_000));
        probes.sim.runToCompletion();
        for (Probe.Seen s : probes.probe(2).messages) {
            long sent = ((Msg) s.what()).n() * PERIOD;
            boolean spiked = sent >= 1_000_000 && sent < 1_300_000;
            assertEquals(sent + 10_000 + (spiked ? 70_000 : 0), s.trueNanos());
        }
    }
}
