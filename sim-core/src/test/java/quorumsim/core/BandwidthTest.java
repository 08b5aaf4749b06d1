package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.NetworkConfig;

class BandwidthTest {
    static final long GIGABIT = 1_000_000_000L;
    static final long LATENCY = 50_000;

    @Test
    void twoOneKilobyteMessagesOnAGigabitLinkLeave8192NanosecondsApart() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(GIGABIT).build(), CpuCostModel.FREE);
        int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, p) -> { });
        probes.add((id, p) -> p.onStart = ctx -> {
            ctx.send(receiver, new Msg(1, 1024));
            ctx.send(receiver, new Msg(2, 1024));
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(8_192 + LATENCY, 16_384 + LATENCY), probes.probe(receiver).messageTimes());
    }

    @Test
    void aLeaderFanningOutSerializesEveryCopyOnItsOwnLink() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(GIGABIT).build(), CpuCostModel.FREE);
        int[] followers = new int[12];
        for (int i = 0; i < followers.length; i++) {
            followers[i] = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, p) -> { });
        }
        probes.add((id, p) -> p.onStart = ctx -> ctx.multicast(followers, new Msg(1, 1024)));
        probes.sim.runToCompletion();
        for (int i = 0; i < followers.length; i++) {
            assertEquals(List.of((i + 1) * 8_192L + LATENCY), probes.probe(followers[i]).messageTimes());
        }
    }

    @Test
    void theReceiversNicQueuesMessagesThatArriveTogether() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(0).build(), CpuCostModel.FREE);
        int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(GIGABIT).build(), (id, p) -> { });
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(1, 1024)));
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(2, 1024)));
        probes.sim.runToCompletion();
        assertEquals(List.of(LATENCY + 8_192, LATENCY + 16_384), probes.probe(receiver).messageTimes());
    }

    @Test
    void aMessageCutOffOnTheWayDoesNotOccupyTheReceiversNic() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(0).build(), CpuCostModel.FREE);
        int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(GIGABIT).build(), (id, p) -> { });
        int cutOff = probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(1, 1024)));
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(receiver, new Msg(2, 1024)));
        probes.sim.scheduleFault(LATENCY / 2, new quorumsim.fault.Fault.OneWayCut(cutOff, receiver));
        probes.sim.runToCompletion();
        assertEquals(List.of(LATENCY + 8_192), probes.probe(receiver).messageTimes());
    }

    @Test
    void bothNicsSerializeWhenBothAreFinite() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(GIGABIT).build(), CpuCostModel.FREE);
        int receiver = probes.addIdle();
        probes.add((id, p) -> p.onStart = ctx -> {
            ctx.send(receiver, new Msg(1, 1024));
            ctx.send(receiver, new Msg(2, 1024));
        });
        probes.sim.runToCompletion();
        // sent at 8.192 and 16.384 us, through the receiver's NIC 8.192 us after arrival
        assertEquals(List.of(LATENCY + 16_384, LATENCY + 24_576), probes.probe(receiver).messageTimes());
    }

    @Test
    void aSenderNicThatFreesUpIdlesUntilTheNextMessage() {
        Probes probes = Probes.of(NetworkConfig.ideal(LATENCY).toBuilder().bandwidthBitsPerSec(GIGABIT).build(), CpuCostModel.FREE);
        int receiver = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, p) -> { });
        probes.add((id, p) -> {
            p.onStart = ctx -> {
                ctx.send(receiver, new Msg(1, 1024));
                ctx.setTimer(100_000, "later");
            };
            p.onTimer = (ctx, timer) -> ctx.send(receiver, new Msg(2, 125));
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(8_192 + LATENCY, 100_000 + 1_000 + LATENCY), probes.probe(receiver).messageTimes());
    }
}
