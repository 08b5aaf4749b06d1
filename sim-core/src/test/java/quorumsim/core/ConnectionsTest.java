package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.Connections;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

/**
 * TCP-like connections: a cut is silence, and what was sent into it arrives in order when it
 * heals unless an end closed the connection; a close ends it (the peer hears of it when the FIN
 * can reach it); a crash resets them and a connect to a crashed process is refused; a
 * powered-off machine is silence; a recovered process hears nothing sent to its previous life.
 */
class ConnectionsTest {
    static final long PERIOD = 100_000;
    static final long END = 3_000_000;
    static final long CONNECT_TIMEOUT = 300_000;
    static final long RETRANSMIT = 50_000;
    static final Connections TCP = new Connections(CONNECT_TIMEOUT, RETRANSMIT);

    /** Nodes that each send a numbered message to every other node every 100 us until 3 ms, over connections. */
    private static Probes chatty(int nodes, NetworkConfig network) {
        Probes probes = Probes.of(network, CpuCostModel.FREE);
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
        probes.sim.useConnections(TCP);
        return probes;
    }

    private static Probes chatty(int nodes, long latencyNanos) {
        return chatty(nodes, NetworkConfig.ideal(latencyNanos));
    }

    private static List<Long> rounds(Probes probes, int from, int to) {
        return probes.probe(to).messages.stream().filter(s -> s.from() == from).map(s -> (long) ((Msg) s.what()).n()).toList();
    }

    private static List<Long> roundsOutside(long from, long until) {
        return LongStream.rangeClosed(0, END / PERIOD).filter(r -> r < from || r >= until).boxed().toList();
    }

    private static List<Long> noticeTimes(Probes probes, int node, int peer) {
        return probes.probe(node).connectionsLost.stream().filter(s -> s.from() == peer).map(Probe.Seen::trueNanos).toList();
    }

    @Test
    void aCutIsSilenceAndWhatWasSentIntoItArrivesInOrderWhenItHeals() {
        Probes probes = chatty(3, 150_000);
        probes.sim.scheduleFault(1_050_000, new Fault.OneWayCut(0, 1));
        probes.sim.scheduleFault(2_050_000, new Fault.Heal());
        probes.sim.runToCompletion();
        for (int n = 0; n < 3; n++) {
            assertTrue(probes.probe(n).connectionsLost.isEmpty(), "nobody hears of a cut: " + probes.probe(n).connectionsLost);
        }
        assertEquals(roundsOutside(0, 0), rounds(probes, 0, 1), "every message, in order");
        List<Long> times = probes.probe(1).messages.stream().filter(m -> m.from() == 0).map(Probe.Seen::trueNanos).toList();
        assertEquals(1_150_000L, times.get(10), "in flight when the cut began (sent at 1.0 ms): past it, on time");
        for (int round = 11; round <= 20; round++) {
            assertEquals(2_050_000L + 150_000, times.get(round), "sent into the cut at " + round + "00 us: resent at the heal");
        }
        assertEquals(2_100_000L + 150_000, times.get(21), "after the heal, on time and behind the resent ones");
        assertEquals(roundsOutside(0, 0), rounds(probes, 1, 0), "the other direction is not cut");
    }

    @Test
    void aPartitionIsSilenceForAsLongAsItLasts() {
        Probes probes = chatty(2, 150_000);
        probes.sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.runToCompletion();
        assertTrue(probes.probe(0).connectionsLost.isEmpty() && probes.probe(1).connectionsLost.isEmpty(),
                "only the protocol's own timeouts can tell");
        assertTrue(rounds(probes, 0, 1).stream().allMatch(r -> r <= 9), "nothing crosses: " + rounds(probes, 0, 1));
    }

    /** Node 0 sends to node 1 every 100 us and closes the connection at {@code closeNanos}; node 1 sends to node 0 every 100 us. */
    private static Probes closer(long latencyNanos, long closeNanos) {
        return closer(latencyNanos, closeNanos, true);
    }

    private static Probes closer(long latencyNanos, long closeNanos, boolean peerSends) {
        Probes probes = Probes.ideal(latencyNanos);
        for (int n = 0; n < 2; n++) {
            probes.add((id, p) -> {
                p.onStart = ctx -> {
                    if (ctx.self() == 0 || peerSends) {
                        ctx.setTimer(0, "send");
                    }
                };
                p.onTimer = (ctx, timer) -> {
                    if (ctx.self() == 0 && ctx.trueTimeNanos() == closeNanos) {
                        ctx.send(1, Msg.of(-1));
                        ctx.closeConnection(1);
                        return;
                    }
                    ctx.send(1 - ctx.self(), Msg.of((int) (ctx.trueTimeNanos() / PERIOD)));
                    if (ctx.trueTimeNanos() + PERIOD <= END) {
                        ctx.setTimer(PERIOD, timer);
                    }
                };
            });
        }
        probes.sim.useConnections(TCP);
        return probes;
    }

    @Test
    void aCloseOverAWorkingLinkDeliversWhatWasSentThenThePeerLearnsAndNothingSentToTheCloserArrives() {
        Probes quiet = closer(150_000, 1_000_000, false);
        quiet.sim.runToCompletion();
        assertEquals(List.of(1_150_000L), noticeTimes(quiet, 1, 0), "the FIN, one network delay later");
        assertEquals(1_150_000L, quiet.probe(1).messageTimes().get(quiet.probe(1).messageTimes().size() - 1));
        assertEquals(-1L, rounds(quiet, 0, 1).get(rounds(quiet, 0, 1).size() - 1), "sent before the close: it arrives, before the FIN");
        Probes probes = closer(150_000, 1_000_000);
        probes.sim.runToCompletion();
        assertEquals(1_150_000L, noticeTimes(probes, 1, 0).get(0));
        assertTrue(rounds(probes, 1, 0).stream().noneMatch(r -> r >= 9 && r <= 12),
                "in flight towards the closer, or sent before the peer learned: not delivered " + rounds(probes, 1, 0));
        assertTrue(rounds(probes, 1, 0).contains(13L), "a new connection once the reset is known works: " + rounds(probes, 1, 0));
    }

    @Test
    void aCloseAcrossACutDropsWhatItKeptAndThePeerLearnsOnlyWhenTheLinkHeals() {
        Probes probes = closer(150_000, 1_500_000);
        probes.sim.scheduleFault(1_050_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(2_050_000, new Fault.Heal());
        probes.sim.runToCompletion();
        assertTrue(probes.probe(0).connectionsLost.isEmpty(), "the closer needs no notice");
        assertEquals(2_050_000L + 150_000, noticeTimes(probes, 1, 0).get(0), "the FIN goes through with the heal");
        assertTrue(rounds(probes, 0, 1).stream().noneMatch(r -> r >= 11), "kept, then dropped by the close: " + rounds(probes, 0, 1));
        assertTrue(rounds(probes, 1, 0).stream().noneMatch(r -> r >= 11 && r <= 21),
                "what the peer kept for the closed connection is refused when it is resent: " + rounds(probes, 1, 0));
    }

    @Test
    void sendingOverALinkThatIsStillCutIsReportedAgainAfterTheConnectTimeoutNeverFaster() {
        Probes probes = Probes.ideal(0);
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(1_100_000, "send");     // its first connect: over the cut link
            p.onTimer = (ctx, timer) -> {
                ctx.send(1, Msg.of((int) (ctx.trueTimeNanos() / PERIOD)));
                if (ctx.trueTimeNanos() + PERIOD <= END) {
                    ctx.setTimer(PERIOD, timer);
                }
            };
        });
        probes.addIdle();
        probes.sim.useConnections(TCP);
        probes.sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(2_000_000, new Fault.Heal());
        probes.sim.runToCompletion();
        List<Long> notices = noticeTimes(probes, 0, 1);
        assertEquals(1_100_000 + CONNECT_TIMEOUT, notices.get(0));
        for (int i = 1; i < notices.size(); i++) {
            assertTrue(notices.get(i) - notices.get(i - 1) >= CONNECT_TIMEOUT, "notices " + notices);
        }
        assertTrue(notices.size() >= 2, "it keeps sending while cut, so it keeps learning: " + notices);
        assertTrue(notices.get(notices.size() - 1) <= 2_000_000 + CONNECT_TIMEOUT, "no notice long after the heal: " + notices);
        List<Long> got = probes.probe(1).messages.stream().map(s -> (long) ((Msg) s.what()).n()).toList();
        assertEquals(LongStream.rangeClosed(got.get(0), END / PERIOD).boxed().toList(), got, "a healed link works again, in order");
        assertTrue(got.get(0) <= 20, "and takes what the last connect held: " + got);
    }

    @Test
    void aNodeThatCrashedAcrossTheCutIsResetWhenThePeerResendsAndItsNewLifeConnectsOnce() {
        Probes probes = chatty(2, 0);
        probes.sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(1_100_000, new Fault.Crash(Target.of(1)));
        probes.sim.scheduleFault(1_250_000, new Fault.Recover(Target.of(1)));  // sends at once, over the cut link
        probes.sim.scheduleFault(1_400_000, new Fault.Heal());
        probes.sim.runToCompletion();
        // the new life's connect (1.25 ms) would time out at 1.55 ms, after the heal: it goes through, no notice
        assertTrue(noticeTimes(probes, 1, 0).isEmpty(), "" + noticeTimes(probes, 1, 0));
        // silence until the heal; then what node 0 kept for the old life meets a reset
        assertEquals(List.of(1_400_000L), noticeTimes(probes, 0, 1));
        assertTrue(rounds(probes, 1, 0).contains(12L), "the new life's first message waited for its connect: " + rounds(probes, 1, 0));
    }

    @Test
    void aConnectOverACutLinkGoesThroughIfTheLinkHealsBeforeItsTimeoutElseFailsThen() {
        for (long healNanos : new long[] {1_200_000, 1_400_000}) {
            Probes probes = Probes.ideal(0);
            probes.add((id, p) -> {
                p.onStart = ctx -> ctx.setTimer(1_000_000, "send");
                p.onTimer = (ctx, timer) -> ctx.send(1, Msg.of(7));
            });
            probes.addIdle();
            probes.sim.useConnections(TCP);
            probes.sim.scheduleFault(500_000, new Fault.Partition(new int[][] {{0}, {1}}));
            probes.sim.scheduleFault(healNanos, new Fault.Heal());
            probes.sim.runToCompletion();
            List<Long> notices = noticeTimes(probes, 0, 1);
            if (healNanos < 1_000_000 + CONNECT_TIMEOUT) {
                assertTrue(notices.isEmpty(), "no notice of a connect that succeeded: " + notices);
                assertEquals(List.of(1_000_000L + CONNECT_TIMEOUT), probes.probe(1).messageTimes(), "held, then sent when the connect is retried");
            } else {
                assertEquals(List.of(1_000_000L + CONNECT_TIMEOUT), notices);
                assertTrue(probes.probe(1).messages.isEmpty(), "a failed connect drops what it held, and says so");
            }
        }
    }

    @Test
    void whatAConnectAttemptHeldDiesWithTheProcessThatSentIt() {
        Probes probes = Probes.ideal(0);
        probes.add((id, p) -> {
            p.onStart = ctx -> {
                if (ctx.trueTimeNanos() < 1_000_000) {
                    ctx.setTimer(1_000_000, "send");
                } else {
                    ctx.send(1, Msg.of(8));                          // the new life, over the healed link
                }
            };
            p.onTimer = (ctx, timer) -> ctx.send(1, Msg.of(7));      // held: the link is cut
        });
        probes.addIdle();
        probes.sim.useConnections(TCP);
        probes.sim.scheduleFault(500_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(1_050_000, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(1_100_000, new Fault.Heal());
        probes.sim.scheduleFault(1_150_000, new Fault.Recover(Target.of(0)));
        probes.sim.runToCompletion();
        assertEquals(List.of(8L), probes.probe(1).messages.stream().map(s -> (long) ((Msg) s.what()).n()).toList());
    }

    @Test
    void aCrashResetsItsConnectionsAndEachPeerLearnsOneNetworkDelayLater() {
        Probes probes = chatty(3, 150_000);
        probes.sim.scheduleFault(1_000_000, new Fault.Crash(Target.of(1)));
        probes.sim.runToCompletion();
        assertEquals(1_150_000, noticeTimes(probes, 0, 1).get(0));
        assertEquals(1_150_000, noticeTimes(probes, 2, 1).get(0));
        assertTrue(noticeTimes(probes, 0, 2).isEmpty(), "a connection between live processes stays up");
        assertTrue(rounds(probes, 1, 0).stream().allMatch(r -> r < 9), "what was in flight from it is reset: " + rounds(probes, 1, 0));
    }

    @Test
    void aConnectToACrashedProcessIsRefusedAfterOneRoundTripAndAgainForEveryTry() {
        Probes probes = chatty(2, 150_000);
        probes.sim.scheduleFault(1_000_000, new Fault.Crash(Target.of(1)));
        probes.sim.runToCompletion();
        // the reset at 1.15 ms; the try at 1.2 ms is refused at 1.5 ms; the try at 1.5 ms, once it knows, at 1.8 ms
        assertEquals(List.of(1_150_000L, 1_500_000L, 1_800_000L), noticeTimes(probes, 0, 1).subList(0, 3));
    }

    @Test
    void aPoweredOffMachineIsSilenceItsPeersLearnNothing() {
        Probes probes = chatty(3, 150_000);
        probes.sim.scheduleFault(1_000_000, new Fault.PowerOff(Target.of(1)));
        probes.sim.runToCompletion();
        assertTrue(noticeTimes(probes, 0, 1).isEmpty(), "no reset, no refused connect: " + noticeTimes(probes, 0, 1));
        assertTrue(noticeTimes(probes, 2, 1).isEmpty());
        assertEquals(roundsOutside(0, 0), rounds(probes, 0, 2), "the others go on");
    }

    @Test
    void aCrashAcrossACutIsSilenceUntilTheLinkHeals() {
        Probes probes = chatty(2, 150_000);
        probes.sim.scheduleFault(1_050_000, new Fault.Partition(new int[][] {{0}, {1}}));
        probes.sim.scheduleFault(1_500_000, new Fault.Crash(Target.of(1)));
        probes.sim.scheduleFault(2_050_000, new Fault.Heal());
        probes.sim.runToCompletion();
        List<Long> notices = noticeTimes(probes, 0, 1);
        assertTrue(!notices.isEmpty() && notices.get(0) > 2_050_000 && notices.get(0) <= 2_050_000 + 300_000,
                "no reset reaches across the cut; it comes with the heal, within a round trip: " + notices);
    }

    @Test
    void aRecoveredProcessHearsNothingSentToItsPreviousLife() {
        Probes probes = chatty(2, 150_000);
        probes.sim.scheduleFault(1_000_000, 1_050_000, new Fault.PowerOff(Target.of(1)));  // back before the 1.0 ms message lands
        probes.sim.runToCompletion();
        List<Long> newLife = probes.incarnations.get(1).get(1).messages.stream().filter(s -> s.from() == 0)
                .map(s -> (long) ((Msg) s.what()).n()).toList();
        assertTrue(!newLife.isEmpty() && newLife.get(0) >= 11, "the new life hears only what was sent to it: " + newLife);
    }

    @Test
    void aPeerHoldingAConnectionToAPreviousLifeIsResetOnItsNextSend() {
        Probes probes = Probes.ideal(150_000);
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(0, "send");
            p.onTimer = (ctx, timer) -> {
                ctx.send(1, Msg.of((int) (ctx.trueTimeNanos() / PERIOD)));
                if (ctx.trueTimeNanos() + PERIOD <= END) {
                    ctx.setTimer(PERIOD, timer);
                }
            };
        });
        probes.addIdle();                                            // node 1 never sends: only node 0 opens connections
        probes.sim.useConnections(TCP);
        probes.sim.scheduleFault(1_000_000, 1_050_000, new Fault.PowerOff(Target.of(1)));
        probes.sim.runToCompletion();
        // silence while it is off; the first send to the new life (1.1 ms) meets a reset one round trip later
        assertEquals(List.of(1_400_000L), noticeTimes(probes, 0, 1));
        List<Long> newLife = probes.incarnations.get(1).get(1).messages.stream().map(s -> (long) ((Msg) s.what()).n()).toList();
        assertTrue(!newLife.isEmpty() && newLife.get(0) >= 14, "nothing of the old connection reaches the new life: " + newLife);
    }

    @Test
    void lossInsideALiveConnectionIsARetransmissionNotALoss() {
        NetworkConfig lossy = new NetworkConfig(new LatencyDistribution.Constant(10_000), 0, 0.3, 0, 0, 0, true);
        Probes probes = chatty(2, lossy);
        probes.sim.runToCompletion();
        assertEquals(roundsOutside(0, 0), rounds(probes, 0, 1));
        List<Long> arrivals = probes.probe(1).messageTimes();
        long late = 0;
        for (int i = 0; i < arrivals.size(); i++) {
            long sent = i * PERIOD;
            assertTrue(arrivals.get(i) >= sent + 10_000);
            late += arrivals.get(i) >= sent + 10_000 + RETRANSMIT ? 1 : 0;
        }
        assertTrue(late > 0, "some messages were resent");
        assertTrue(probes.probe(0).connectionsLost.isEmpty());
    }

    @Test
    void aMessageDrawnSlowerThanTheRetransmissionTimeoutIsResentAndArrivesThen() {
        // mean 30 us, so the timeout is 4 x 30 = 120 us (above the 50 us floor); among 1,000 draws some are far slower
        NetworkConfig tail = new NetworkConfig(new LatencyDistribution.Pareto(10_000, 1.5), 0, 0, 0, 0, 0, true);
        Probes probes = Probes.of(tail, CpuCostModel.FREE);
        probes.add((id, p) -> p.onStart = ctx -> {
            for (int i = 0; i < 1_000; i++) {
                ctx.send(1, Msg.of(i));
            }
        });
        probes.addIdle();
        probes.sim.useConnections(TCP);
        probes.sim.runToCompletion();
        assertEquals(1_000, probes.probe(1).messages.size());
        assertTrue(probes.probe(1).messageTimes().stream().allMatch(t -> t <= 120_000), "all within the timeout");
        assertEquals(120_000, TCP.retransmissionTimeoutNanos(tail.latency()));
        assertEquals(RETRANSMIT, TCP.retransmissionTimeoutNanos(new LatencyDistribution.Constant(1_000)));
    }

    @Test
    void theSameSeedBreaksTheSameConnectionsAtTheSameInstants() {
        String first = runTwice();
        assertEquals(first, runTwice());
    }

    private static String runTwice() {
        NetworkConfig jittery = new NetworkConfig(new LatencyDistribution.Uniform(50_000, 250_000), 0, 0.1, 0, 0, 0, true);
        Probes probes = chatty(4, jittery);
        probes.sim.scheduleFault(700_000, new Fault.Isolate(Target.of(2)));
        probes.sim.scheduleFault(1_000_000, new Fault.OneWayCut(3, 0));
        probes.sim.scheduleFault(1_600_000, new Fault.Heal());
        probes.sim.runToCompletion();
        StringBuilder out = new StringBuilder(probes.sim.digestHex());
        for (int n = 0; n < 4; n++) {
            out.append(' ').append(probes.probe(n).connectionsLost).append(' ').append(probes.probe(n).messageTimes());
        }
        return out.toString();
    }

    @Test
    void withoutConnectionsACutStillDropsSilently() {
        Probes probes = Probes.ideal(150_000);
        for (int n = 0; n < 2; n++) {
            probes.add((id, p) -> p.onStart = ctx -> ctx.send(1 - ctx.self(), Msg.of(0)));
        }
        probes.sim.scheduleFault(50_000, new Fault.OneWayCut(0, 1));
        probes.sim.runToCompletion();
        assertTrue(probes.probe(0).connectionsLost.isEmpty() && probes.probe(1).connectionsLost.isEmpty());
        assertEquals(1, probes.probe(0).messages.size(), "the other direction is untouched");
        assertTrue(probes.probe(1).messages.isEmpty());
    }
}
