package quorumsim.unreplicated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.core.Simulation;
import quorumsim.kv.Workload;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftCosts;

class UnreplicatedTest {
    private static Simulation run(PbftConfig config, long seed) {
        Simulation sim = new Simulation(seed, NetworkConfig.ideal(1_000_000), UnreplicatedDeployment.costModel(config), 10_000_000);
        UnreplicatedDeployment d = UnreplicatedDeployment.deploy(sim, config);
        sim.runUntil(100_000_000L);
        assertTrue(d.safety().holds(), d.safety().detail());
        assertTrue(d.liveness(0, 20_000_000L, sim.now()).holds());
        return sim;
    }

    @Test
    void aRequestTakesOneRoundTrip() {
        PbftConfig config = PbftConfig.defaults().toBuilder().costs(PbftCosts.free())
                .workload(Workload.defaults().toBuilder().clients(1).build()).build();
        Simulation sim = run(config, 1);
        assertEquals(2.0, sim.metrics().latency().getMean() / 1_000_000, 0.01);
        assertEquals(50, sim.metrics().completedTotal());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        PbftConfig config = PbftConfig.defaults().toBuilder().workload(Workload.defaults().toBuilder().clients(8).readRatio(0.5).build()).build();
        assertEquals(run(config, 3).digestHex(), run(config, 3).digestHex());
    }
}
