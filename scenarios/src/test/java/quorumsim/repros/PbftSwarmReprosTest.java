package quorumsim.repros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
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
        return run(file, RunOptions.plain());
    }

    private static RunSummary run(String file, RunOptions options) {
        try {
            Path path = Path.of(PbftSwarmReprosTest.class.getResource("/repros/" + file).toURI());
            return ScenarioRunner.run(ScenarioLoader.load(path.toString(), List.of()), options).summary();
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

    /**
     * Castro's thesis, recovery: the primary crashed and came back with an empty log, and
     * assigned sequence number 1 in view 0 again, a number it had given another request
     * before the crash (swarm seed 463). Backups that had the old pre-prepare refused the new
     * one, so the request waited for a view change; a backup that had missed the old one
     * would have prepared the new one, and the recovered primary counts as correct: one
     * fault more than the quorums allow for. Now it orders nothing until it installs a
     * NEW-VIEW, and its own view-change timer moves the view on.
     */
    @Test
    void aRecoveredPrimaryAssignsNoSequenceNumberInTheViewItLostItsLogIn() {
        StringWriter trace = new StringWriter();
        RunSummary s = run("pbft-recovered-primary.yaml", new RunOptions(trace, 0, null));
        assertTrue(s.safety().holds(), s.safety().detail());
        assertTrue(s.liveness().holds(), s.liveness().detail());
        long recoveredAtNanos = 201_000_000L;
        List<String> reissued = trace.toString().lines()
                .filter(l -> l.contains("\"kind\":\"SEND\",\"node\":0,") && l.contains("\"type\":\"PrePrepare\"")
                        && l.contains("PrePrepare[view=0,"))
                .filter(l -> Long.parseLong(l.substring(l.indexOf("\"t\":") + 4, l.indexOf(','))) >= recoveredAtNanos)
                .toList();
        assertTrue(reissued.isEmpty(), "the recovered primary sent pre-prepares in view 0:\n" + String.join("\n",
                reissued.stream().limit(3).toList()));
    }

    /**
     * Retransmission by STATUS with the thesis' bitmap (section 5.2). A replica changing views
     * resent its VIEW-CHANGE to everyone every half timeout, and every replica passed its
     * NEW-VIEW on to each replica whose VIEW-CHANGE arrived after it installed the view, and
     * on every STATUS of one changing to it. On heavy-tailed FIFO links (a 200 ms draw holds
     * everything behind it), with loss, or with NEW-VIEWs of hundreds of kilobytes, the copies
     * kept the links busier than the new-view timer allowed, view after view. Now a replica
     * resends its VIEW-CHANGE only to one whose STATUS lacks it, the primary resends its
     * NEW-VIEW to one still changing to its view, and f relays pass it on once to one left in a
     * lower view. Seed 563 has no fault at all: loss and a heavy tail only.
     */
    @Test
    void viewChangeMessagesAreResentOnlyWhereAStatusSaysTheyAreMissing() {
        assertLiveAndSafe("pbft-swarm-251.yaml");
        assertLiveAndSafe("pbft-swarm-515.yaml");
        assertLiveAndSafe("pbft-swarm-563.yaml");
        assertLiveAndSafe("pbft-swarm-229.yaml");
    }

    /**
     * A new view re-issues slots some replicas executed in the view before; they must commit
     * again before the others can execute. With f replicas faulty every quorum needs every
     * correct replica: one that left alone for the next view stalled the rest, the primary
     * (which never suspects itself) and a backup with nothing left to execute. Now a backup
     * that a client retries a request it executed while the re-issued slots have not
     * committed here waits for them like for a request not executed, and times out to follow.
     */
    @Test
    void aBackupWaitsForTheReissuedSlotsOfANewViewWhenAClientRetries() {
        assertLiveAndSafe("pbft-swarm-855.yaml");
    }

    /**
     * Castro's thesis: a NEW-VIEW names its 2f+1 VIEW-CHANGEs by digest instead of carrying
     * them. Carried, with signed certificates for a log with no stable checkpoint yet, they
     * made the NEW-VIEW hundreds of kilobytes, and every backup checked each signature in it
     * again: more CPU and link time than the new-view timer, view after view (seed 988, f = 3,
     * signatures; seed 2023, f = 4 on heavy-tailed links). Now a backup checks the NEW-VIEW
     * against the VIEW-CHANGEs it already holds (checked when they came) and fetches the ones
     * it lacks from the NEW-VIEW's sender.
     */
    @Test
    void aNewViewNamesItsViewChangesByDigest() {
        assertLiveAndSafe("pbft-swarm-988.yaml");
        assertLiveAndSafe("pbft-swarm-2023.yaml");
    }

    /**
     * Castro's thesis 5.2, STATUS-ACTIVE: a STATUS carries bitmaps of the slots prepared and
     * committed at its sender, and a peer resends only what they say is missing, for up to 16
     * slots that lack something. It resent everything it had for the 16 slots after the
     * STATUS's last execution: after a new view re-issued every slot since the last stable
     * checkpoint, a PRE-PREPARE lost for the first new request behind them came again only
     * once those had committed, more than a view-change timeout later under loss, view after
     * view (seeds 587, 7044; 2671 at f = 4 on 100 Mbps links passes with it too).
     */
    @Test
    void aStatusGetsBackOnlyWhatItsBitmapsSayIsMissing() {
        assertLiveAndSafe("pbft-swarm-587.yaml");
        assertLiveAndSafe("pbft-swarm-7044.yaml");
        assertLiveAndSafe("pbft-swarm-2671.yaml");
    }

    /**
     * A doubled view-change timeout comes back by halves, one for each whole timeout a view
     * holds. Given back at every execution after the first timeout, a burst of executions took
     * one replica's timeout to its 30 ms floor: with signatures a NEW-VIEW for 59 slots costs
     * its primary 60 ms, so that replica left every new view before its NEW-VIEW came, while
     * the others waited out 480 ms in views that could not make progress without it.
     */
    @Test
    void aViewEarnsOneHalfOfItsTimeoutBackPerTimeoutItHolds() {
        assertLiveAndSafe("pbft-swarm-8642.yaml");
    }

    /** Recovery and STATUS with its bitmap keep a run a function of its seed: run twice, the same trace digest. */
    @Test
    void recoveryAndStatusRetransmissionRunTheSameTwice() {
        assertEquals(run("pbft-recovered-primary.yaml").traceDigest(), run("pbft-recovered-primary.yaml").traceDigest());
        assertEquals(run("pbft-swarm-7044.yaml").traceDigest(), run("pbft-swarm-7044.yaml").traceDigest());
    }
}
