package quorumsim.repros;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.result.RunSummary;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;

/**
 * PBFT liveness failures `quorumsim swarm --protocol pbft` found after the first round of
 * issue 10, one shrunk scenario per cause: after every fault has healed, each request is
 * answered within the liveness bound, and safety holds.
 */
class PbftSwarmReprosTest {
    private static RunSummary run(String file) {
        try {
            Path path = Path.of(PbftSwarmReprosTest.class.getResource("/repros/" + file).toURI());
            return ScenarioRunner.run(ScenarioLoader.load(path.toString(), List.of()), RunOptions.plain()).summary();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertLiveAndSafe(String file) {
        RunSummary s = run(file);
        assertTrue(s.safety().holds(), s.safety().detail());
        assertTrue(s.liveness().holds(), s.liveness().detail());
    }

    /**
     * 100 Mbps links, no stable checkpoint yet: a NEW-VIEW carries 2f+1 VIEW-CHANGEs with
     * every prepared certificate, a few hundred kilobytes. Every replica resent it on every
     * STATUS of a replica still changing views, so the straggler's link stayed full and the
     * next view timed out before its NEW-VIEW arrived, view after view.
     */
    @Test
    void aLargeNewViewIsNotResentOnEveryStatus() {
        assertLiveAndSafe("pbft-swarm-433.yaml");
        assertLiveAndSafe("pbft-swarm-463.yaml");
    }

    /**
     * The same large messages, the other way: every replica changing views resent its own
     * VIEW-CHANGE (tens of kilobytes before the first stable checkpoint) to everyone every
     * half timeout and again on every STATUS. The copies took longer to cross a 100 Mbps
     * link than they came, and view after view timed out before its NEW-VIEW arrived.
     */
    @Test
    void aLargeViewChangeIsResentAtMostOncePerTimeout() {
        assertLiveAndSafe("pbft-swarm-501.yaml");
    }

    /**
     * Tentative execution: the primary crashed after its pre-prepare, and came back without
     * its log; two backups were left in a view change of their own. The request prepared and
     * ran tentatively at four backups, which stopped their timers then, and could never
     * gather 2f+1 COMMITs in view 0: the client's retries got four tentative replies, never
     * 2f+1, and nobody asked for a new view. A backup now waits for a request to commit.
     */
    @Test
    void aRequestExecutedOnlyTentativelyKeepsTheViewChangeTimerRunning() {
        assertLiveAndSafe("pbft-swarm-732.yaml");
    }
}
