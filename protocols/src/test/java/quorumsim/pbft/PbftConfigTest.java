package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Simulation;
import quorumsim.net.NetworkConfig;

class PbftConfigTest {
    @Test
    void defaultsAreThePapers() {
        PbftConfig c = PbftConfig.defaults();
        assertEquals(List.of(), c.validate());
        assertEquals(4, c.n());
        assertEquals(3, c.quorum());
        assertEquals(128, c.checkpointInterval());
        assertEquals(256, c.logWindow());
        PbftConfig f3 = c.withF(3);
        assertEquals(10, f3.n());
        assertEquals(7, f3.quorum());
    }

    @Test
    void everyProblemIsReportedOnOneLine() {
        List<String> problems = PbftConfig.defaults().withN(3).withQuorum(2).withLogWindow(100).withVariant("fast").validate();
        assertEquals(List.of(
                "n = 3 is below 3f+1 = 4; set unsafe: true to run it anyway",
                "quorum = 2 is below 2f+1 = 3; set unsafe: true to run it anyway",
                "logWindow L = 100 must exceed checkpointInterval K = 128, or the primary stops at the high water mark for good",
                "variant 'fast' is unknown; use standard or skip-commit"), problems);
        assertTrue(PbftConfig.defaults().withN(3).withQuorum(2).withUnsafe(true).validate().isEmpty());
    }

    @Test
    void deployRefusesAnInvalidConfiguration() {
        PbftConfig bad = PbftConfig.defaults().withN(3);
        Simulation sim = new Simulation(1, NetworkConfig.ideal(1_000_000), PbftDeployment.costModel(bad), 10_000_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PbftDeployment.deploy(sim, bad));
        assertTrue(e.getMessage().contains("n = 3 is below 3f+1"), e.getMessage());
    }

    @Test
    void anUnknownBehaviourIsRefusedByName() {
        PbftRun run = PbftRun.of(1, PbftConfig.defaults()).byzantine(1, "lazy", 1_000_000L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.run(2_000_000L));
        assertTrue(e.getMessage().contains("no Byzantine behaviour 'lazy'"), e.getMessage());
    }

    @Test
    void costProfilesComeFromCalibrationFiles() {
        assertEquals(new PbftCosts(5_000, 1.0, 2_000, 0.25, 300, 1_000_000, 30_000, 1_000), PbftCosts.defaults());
        PbftCosts paper = PbftCosts.profile("osdi99");
        assertEquals(10_300, paper.macNanos());
        assertEquals(43_000_000, paper.signatureSignNanos());
        assertEquals(600_000, paper.signatureVerifyNanos());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PbftCosts.profile("cray"));
        assertTrue(e.getMessage().contains("known: modern-server, osdi99"), e.getMessage());
    }
}
