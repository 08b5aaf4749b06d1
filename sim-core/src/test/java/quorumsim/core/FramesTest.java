package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.Framing;
import quorumsim.net.NetworkConfig;

/**
 * A message crosses the network as frames of at most an MTU with headers, stored and forwarded
 * frame by frame. UDP over IPv4 over Ethernet: an MTU of 1,500 B of which 28 B are the IPv4
 * and UDP headers, so 1,472 B of message per frame, and 38 B of Ethernet framing outside the
 * MTU (header 14, FCS 4, preamble 8, inter-frame gap 12): 66 B of headers per frame. Both NICs
 * at the same rate, a constant 50 us between them. One byte takes 800 ns at 10 Mbit/s and 8 ns
 * at 1 Gbit/s.
 */
class FramesTest {
    static final long LATENCY = 50_000;
    static final long TEN_MEGABIT = 10_000_000L;
    static final long GIGABIT = 1_000_000_000L;

    /** When one message of {@code bytes}, sent at time 0, is delivered. */
    private static long oneWayNanos(int bytes, long bitsPerSec, long receiverBitsPerSec) {
        NetworkConfig net = NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(bitsPerSec).framing(Framing.UDP_ETHERNET).build();
        Probes probes = Probes.of(net, CpuCostModel.FREE);
        int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(receiverBitsPerSec).build(), (id, p) -> { });
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(1, bytes)));
        probes.sim.runToCompletion();
        List<Long> times = probes.probe(receiver).messageTimes();
        assertEquals(1, times.size());
        return times.get(0);
    }

    private static long oneWayNanos(int bytes, long bitsPerSec) {
        return oneWayNanos(bytes, bitsPerSec, bitsPerSec);
    }

    @Test
    void a64ByteMessageIsOneFrameAndPaysItsHeadersOnEachHop() {
        // one frame of 64 + 66 = 130 B: 104 us out of the sender, 50 us, 104 us into the receiver.
        // Whole messages without headers took 51.2 + 50 + 51.2 us: the difference is one header a hop.
        assertEquals(104_000 + LATENCY + 104_000, oneWayNanos(64, TEN_MEGABIT));
        // 130 B at 8 ns a byte: 1,040 ns a hop
        assertEquals(1_040 + LATENCY + 1_040, oneWayNanos(64, GIGABIT));
    }

    @Test
    void a1500ByteMessageIsTwoFramesPipelined() {
        // frames of 1,472 and 28 B of message: 1,538 and 94 B on the wire, 1,632 B in all.
        // The first frame leaves the sender after 1,538 x 800 = 1,230,400 ns and reaches the
        // switch 50 us later; the receiver's port then takes both frames back to back (the
        // second arrived while the first was crossing): 1,632 x 800 = 1,305,600 ns.
        assertEquals(1_230_400 + LATENCY + 1_305_600, oneWayNanos(1500, TEN_MEGABIT));
        // the same at 8 ns a byte: 12,304 + 50,000 + 13,056
        assertEquals(12_304 + LATENCY + 13_056, oneWayNanos(1500, GIGABIT));
    }

    @Test
    void a4KilobyteMessageIsThreeFramesAndCostsLessThanTwoWholeSerializations() {
        // 4,096 B: frames of 1,472, 1,472 and 1,152 B, i.e. 1,538 + 1,538 + 1,218 = 4,294 B on the wire.
        // First frame out of the sender: 1,230,400 ns; then 50 us; then the receiver's port carries
        // all 4,294 B (3,435,200 ns), each frame having arrived before the port is ready for it.
        // 4,715,600 ns in all, where whole messages took 2 x 4,096 x 800 + 50,000 = 6,603,600 ns.
        assertEquals(1_230_400 + LATENCY + 3_435_200, oneWayNanos(4096, TEN_MEGABIT));
        // 1,538 x 8 = 12,304; 4,294 x 8 = 34,352
        assertEquals(12_304 + LATENCY + 34_352, oneWayNanos(4096, GIGABIT));
    }

    @Test
    void behindAnUnlimitedReceiverTheLastFrameLeavingTheSenderDecides() {
        // the receiver takes each frame at once: delivery is when the last frame has left the
        // sender (4,294 x 800 ns) plus the latency
        assertEquals(3_435_200 + LATENCY, oneWayNanos(4096, TEN_MEGABIT, 0));
    }

    @Test
    void aFifoLinkDeliversASmallMessageAfterTheLargeOneBeforeItWhateverTheLatencyDraws() {
        // 4 KB then 64 B to a receiver with an unlimited NIC: the small one's first frame could
        // overtake the large one's last frame if the link did not keep its frames in order
        NetworkConfig net = NetworkConfig.ideal(LATENCY).toBuilder().latency(new quorumsim.net.LatencyDistribution.Uniform(0, 5_000_000))
                .bandwidthBitsPerSec(TEN_MEGABIT).framing(Framing.UDP_ETHERNET).build();
        for (long seed = 1; seed <= 50; seed++) {
            Probes probes = new Probes(new Simulation(seed, net, CpuCostModel.FREE, Probes.BUCKET_NANOS));
            int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, p) -> { });
            probes.add((id, p) -> p.onStart = ctx -> {
                ctx.send(receiver, new Msg(1, 4096));
                ctx.send(receiver, new Msg(2, 64));
            });
            probes.sim.runToCompletion();
            assertEquals(List.of(new Msg(1, 4096), new Msg(2, 64)), probes.probe(receiver).messageContents(), "seed " + seed);
        }
    }

    @Test
    void withoutFramesAMessageCrossesWholeAsBefore() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(TEN_MEGABIT).build(), CpuCostModel.FREE);
        int receiver = probes.addIdle();
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(1, 4096)));
        probes.sim.runToCompletion();
        assertEquals(List.of(3_276_800 + LATENCY + 3_276_800), probes.probe(receiver).messageTimes());
    }

    @Test
    void anMtuThatLeavesNoRoomForDataIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Framing(28, 28, 38));
        assertEquals("an MTU of 28 B leaves no room for data after 28 B of headers; the MTU must exceed the headers", e.getMessage());
    }
}
