package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import quorumsim.kv.Workload;

class DeterminismTest {
    private static PbftRun scenario(long seed) {
        PbftConfig config = PbftConfig.defaults().toBuilder().viewChangeTimeoutNanos(20_000_000L)
                .workload(Workload.defaults().toBuilder().clients(4).readRatio(0.3).clientRetryNanos(10_000_000L).build()).build();
        return PbftRun.of(seed, config).byzantine(0, "equivocate", 30_000_000L).byzantine(0, "replay", 30_000_000L)
                .run(200_000_000L);
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        PbftRun a = scenario(42);
        PbftRun b = scenario(42);
        assertEquals(a.sim.digestHex(), b.sim.digestHex());
        assertEquals(a.sim.events(), b.sim.events());
        assertEquals(a.completed(), b.completed());
        assertNotEquals(a.sim.digestHex(), scenario(43).sim.digestHex());
    }
}
