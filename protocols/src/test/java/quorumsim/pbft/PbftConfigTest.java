package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Simulation;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.deploy.PbftDeployment;

class PbftConfigTest {
    @Test
    void defaultsAreThePapers() {
        PbftConfig c = PbftConfig.defaults();
        assertEquals(List.of(), c.validate());
        assertEquals(4, c.n());
        assertEquals(3, c.quorum());
        assertEquals(128, c.checkpointInterval());
        assertEquals(256, c.logWindow());
        PbftConfig f3 = c.toBuilder().tolerating(3).build();
        assertEquals(10, f3.n());
        assertEquals(7, f3.quorum());
    }

    @Test
    void everyProblemIsReportedOnOneLine() {
        List<String> problems = PbftConfig.defaults().toBuilder().replicas(3).quorum(2).logWindow(100).variant("fast").build().validate();
        assertEquals(List.of(
                "n = 3 is below 3f+1 = 4; set unsafe: true to run it anyway",
                "quorum = 2 is below ceil((n+f+1)/2) = 3 for n = 3, f = 1: two quorums could share no correct replica;"
                        + " set unsafe: true to run it anyway",
                "logWindow L = 100 must exceed checkpointInterval K = 128, or the primary stops at the high water mark for good",
                "variant 'fast' is unknown; use standard or skip-commit"), problems);
        assertTrue(PbftConfig.defaults().toBuilder().replicas(3).quorum(2).unsafe(true).build().validate().isEmpty());
    }

    @Test
    void moreReplicasThan3fPlus1GetAQuorumAnyTwoOfWhichShareACorrectReplica() {
        for (int f = 1; f <= 4; f++) {
            for (int n = 3 * f + 1; n <= 3 * f + 12; n++) {
                PbftConfig c = PbftConfig.defaults().toBuilder().tolerating(f).replicas(n).build();
                int q = c.quorum();
                String at = "f = " + f + ", n = " + n + ", quorum = " + q;
                assertEquals(List.of(), c.validate(), at);
                assertTrue(2 * q - n >= f + 1, at + ": two quorums share fewer than f+1 replicas");
                assertTrue(2 * (q - 1) - n < f + 1, at + ": a smaller quorum would do");
                assertTrue(n - f >= q, at + ": the correct replicas alone are not a quorum");
                Quorums quorums = Quorums.of(c);
                assertEquals(q - 1, quorums.prepares(), at);
                assertEquals(q, quorums.commits(), at);
                assertEquals(q, quorums.checkpoint(), at);
                assertEquals(q, quorums.viewChanges(), at);
                assertEquals(q, quorums.strongReplies(), at);
                assertEquals(f + 1, quorums.weak(), at);
            }
            assertEquals(2 * f + 1, PbftConfig.defaults().toBuilder().tolerating(f).replicas(3 * f + 1).build().quorum());
        }
        assertEquals(6, PbftConfig.defaults().toBuilder().tolerating(1).replicas(10).build().quorum());
    }

    @Test
    void aQuorumTooSmallToIntersectInACorrectReplicaNeedsUnsafe() {
        PbftConfig tenReplicas = PbftConfig.defaults().toBuilder().tolerating(1).replicas(10).build();
        assertEquals(List.of("quorum = 5 is below ceil((n+f+1)/2) = 6 for n = 10, f = 1: two quorums could share no correct replica;"
                + " set unsafe: true to run it anyway"), tenReplicas.toBuilder().quorum(5).build().validate());
        assertEquals(List.of(), tenReplicas.toBuilder().quorum(6).build().validate());
        assertEquals(List.of(), tenReplicas.toBuilder().quorum(3).unsafe(true).build().validate());
    }

    @Test
    void deployRefusesAnInvalidConfiguration() {
        PbftConfig bad = PbftConfig.defaults().toBuilder().replicas(3).build();
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
        assertEquals(new PbftCosts(5_000, 1.0, 2_000, 0.25, 300, 1_000_000, 30_000, 1_000, 0), PbftCosts.defaults());
        PbftCosts paper = PbftCosts.profile("osdi99");
        assertEquals(3_500, paper.macNanos());
        assertEquals(62_000_000, paper.signatureSignNanos());
        assertEquals(160_000, paper.signatureVerifyNanos());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PbftCosts.profile("cray"));
        assertTrue(e.getMessage().contains("known: modern-server, osdi99"), e.getMessage());
    }
}
