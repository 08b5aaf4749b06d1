package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import quorumsim.net.NetworkConfig;

class PingPongTest {
    record Ping(int hop) implements Message {
        public int sizeBytes() {
            return 64;
        }
    }

    static final class Player implements Actor {
        final int peer;
        int received;

        Player(int peer) {
            this.peer = peer;
        }

        public void onStart(Context ctx) {
            if (ctx.self() == 0) {
                ctx.send(peer, new Ping(0));
            }
        }

        public void onMessage(Context ctx, int from, Message m) {
            received++;
            Ping p = (Ping) m;
            if (p.hop() < 9) {
                ctx.send(from, new Ping(p.hop() + 1));
            }
        }

        public void onTimer(Context ctx, Object timer) {
        }
    }

    private static Simulation pingPong(long seed) {
        Simulation sim = new Simulation(seed, NetworkConfig.ideal(1_000_000).toBuilder().latency(
                new quorumsim.net.LatencyDistribution.Uniform(500_000, 1_500_000)).build(), CpuCostModel.FREE, 100_000_000);
        sim.addNode("a", NodeSpec.simple(), (id, store) -> new Player(1));
        sim.addNode("b", NodeSpec.simple(), (id, store) -> new Player(0));
        sim.runToCompletion();
        return sim;
    }

    @Test
    void tenHopsTakeTenLatencies() {
        Simulation sim = new Simulation(1, NetworkConfig.ideal(1_000_000), CpuCostModel.FREE, 100_000_000);
        sim.addNode("a", NodeSpec.simple(), (id, store) -> new Player(1));
        sim.addNode("b", NodeSpec.simple(), (id, store) -> new Player(0));
        sim.runToCompletion();
        assertEquals(10_000_000, sim.now());
        assertEquals(10, sim.metrics().messagesTotal());
    }

    @Test
    void sameSeedSameDigestOtherSeedOtherDigest() {
        assertEquals(pingPong(7).digestHex(), pingPong(7).digestHex());
        assertNotEquals(pingPong(7).digestHex(), pingPong(8).digestHex());
    }
}
