package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.Connections;
import quorumsim.net.NetworkConfig;

/**
 * With the switch's multicast on, a multicast is one transmission at the sender, copied by the
 * switch to each receiver; each copy then meets its own link (partitions, its receiver's NIC).
 */
class MulticastTest {
    static final long GIGABIT = 1_000_000_000L;
    static final long LATENCY = 50_000;
    static final long SEND_NANOS = 7_000;

    /** A sender multicasting one 1 KB message to 12 receivers with unlimited NICs; its send costs 7 us of CPU. */
    private static Probes fanOut(NetworkConfig network, int[] followers, int[] sender) {
        Probes probes = Probes.of(network.toBuilder().bandwidthBitsPerSec(GIGABIT).build(), new CpuCostModel.Linear(0, 0, SEND_NANOS, 0, 0, 0, 0));
        for (int i = 0; i < followers.length; i++) {
            followers[i] = probes.add(NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).build(), (id, p) -> { });
        }
        sender[0] = probes.add((id, p) -> p.onStart = ctx -> ctx.multicast(followers, new Msg(1, 1024)));
        return probes;
    }

    @Test
    void aMulticastToTwelveReceiversCostsOneSerializationAndOneSend() {
        int[] followers = new int[12];
        int[] sender = new int[1];
        Probes probes = fanOut(NetworkConfig.ideal(LATENCY).toBuilder().switchMulticast(true).build(), followers, sender);
        probes.sim.runToCompletion();
        // 7 us of CPU for the one send, 8.192 us on the wire once, 50 us: every copy at the same time
        for (int follower : followers) {
            assertEquals(List.of(SEND_NANOS + 8_192 + LATENCY), probes.probe(follower).messageTimes());
        }
        assertEquals(12, probes.sim.metrics().messagesTotal(), "each copy counts as a message, as a unicast would");
    }

    @Test
    void withoutTheSwitchsMulticastEachCopyIsItsOwnSendAndSerialization() {
        int[] followers = new int[12];
        int[] sender = new int[1];
        Probes probes = fanOut(NetworkConfig.ideal(LATENCY), followers, sender);
        probes.sim.runToCompletion();
        // twelve sends of 7 us, then twelve serializations back to back
        for (int i = 0; i < followers.length; i++) {
            assertEquals(List.of(12 * SEND_NANOS + (i + 1) * 8_192L + LATENCY), probes.probe(followers[i]).messageTimes());
        }
    }

    @Test
    void aCopyToAPartitionedReceiverIsLostAndTheOthersArrive() {
        int[] followers = new int[3];
        int[] sender = new int[1];
        Probes probes = fanOut(NetworkConfig.ideal(LATENCY).toBuilder().switchMulticast(true).build(), followers, sender);
        probes.sim.scheduleFault(0, new quorumsim.fault.Fault.OneWayCut(sender[0], followers[1]));
        probes.sim.runToCompletion();
        assertEquals(List.of(SEND_NANOS + 8_192 + LATENCY), probes.probe(followers[0]).messageTimes());
        assertEquals(List.of(), probes.probe(followers[1]).messageTimes());
        assertEquals(List.of(SEND_NANOS + 8_192 + LATENCY), probes.probe(followers[2]).messageTimes());
    }

    @Test
    void overConnectionsAMulticastIsOneSendPerPeer() {
        int[] followers = new int[2];
        int[] sender = new int[1];
        Probes probes = fanOut(NetworkConfig.ideal(LATENCY).toBuilder().switchMulticast(true).build(), followers, sender);
        probes.sim.useConnections(new Connections(1_000_000, 1_000_000));
        probes.sim.runToCompletion();
        assertEquals(List.of(2 * SEND_NANOS + 8_192 + LATENCY), probes.probe(followers[0]).messageTimes());
        assertEquals(List.of(2 * SEND_NANOS + 16_384 + LATENCY), probes.probe(followers[1]).messageTimes());
    }
}
