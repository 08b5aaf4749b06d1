package quorumsim.repros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.result.RunSummary;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * The PBFT defects a randomized search found (issue 10, findings 3, 4, 8 and 10), each
 * from its scenario file, through the real loader and runner.
 */
class PbftReprosTest {
    private static ScenarioSpec repro(String file) {
        try {
            Path path = Path.of(PbftReprosTest.class.getResource("/repros/" + file).toURI());
            return ScenarioLoader.load(path.toString(), List.of());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seeds first..last of the scenario whose safety or liveness does not hold, with the first reason. */
    private static List<String> failingSeeds(ScenarioSpec spec, long first, long last) {
        List<String> failing = new ArrayList<>();
        for (long seed = first; seed <= last; seed++) {
            RunSummary s = ScenarioRunner.run(spec.withSeed(seed), RunOptions.plain()).summary();
            if (!s.safety().holds() || !s.liveness().holds()) {
                failing.add("seed " + seed + ": " + (s.safety().holds() ? s.liveness().detail() : s.safety().detail()));
            }
        }
        return failing;
    }

    /** r0 was isolated while the others moved to view 1 and r3 then fell silent: r0 must learn of view 1. */
    @Test
    void aReplicaLeftInAnOldViewCatchesUp() {
        ScenarioSpec spec = repro("pbft-stale-view-stall.yaml");
        RunSummary s = ScenarioRunner.run(spec, RunOptions.plain()).summary();
        assertTrue(s.safety().holds(), s.safety().detail());
        assertTrue(s.liveness().holds(), s.liveness().detail());
        assertEquals(List.of(), failingSeeds(spec, 1, 20));
    }

    /**
     * The same under 2% loss: r0 needs the stable checkpoint's certificate passed on by
     * others, and the COMMITs of slots a later view re-issued from replicas that had executed
     * them already.
     */
    @Test
    void aReplicaLeftInAnOldViewCatchesUpUnderLoss() {
        ScenarioSpec spec = repro("pbft-stale-view-loss.yaml");
        assertEquals(List.of(), failingSeeds(spec, 100, 103));
    }

    /** 2% loss with tentative execution: a replica whose COMMITs were lost asks for them again. */
    @Test
    void aTentativeExecutionWhoseCommitsWereLostCommits() {
        ScenarioSpec spec = repro("pbft-tentative-loss.yaml");
        RunSummary s = ScenarioRunner.run(spec, RunOptions.plain()).summary();
        assertTrue(s.safety().holds(), s.safety().detail());
        assertTrue(s.liveness().holds(), s.liveness().detail());
        assertEquals(List.of(), failingSeeds(spec, 1, 20));
    }

    /**
     * A read-only request the client retried as an ordered one, then completed with 2f+1 late
     * read-only replies: a read-only result (a value its key held), not the ordered execution's.
     */
    @Test
    void aReadOnlyResultAcceptedAfterTheRetryIsJudgedAsReadOnly() {
        RunSummary s = ScenarioRunner.run(repro("pbft-readonly-checker-false-alarm-1481.yaml"), RunOptions.plain()).summary();
        assertTrue(s.safety().holds(), s.safety().detail());
        assertTrue(s.liveness().holds(), s.liveness().detail());
    }

    private static final String STATE_TRANSFER = String.join("\n",
            "name: pbft-state-transfer-trace",
            "protocol: pbft",
            "seed: 7",
            "duration: 1500ms",
            "cluster: { f: 1 }",
            "pbft: { checkpointInterval: 16, logWindow: 32 }",
            "workload: { clients: 4 }",
            "faults:",
            "  - { at: 300ms, crash: 3, until: 900ms }",
            "");

    private static String trace(ScenarioSpec spec) {
        StringWriter out = new StringWriter();
        ScenarioRunner.run(spec, new RunOptions(out, 0, null));
        return out.toString();
    }

    /** Finding 10: the trace of a run with state transfer is the same, byte for byte, when run again. */
    @Test
    void aTraceWithStateTransferIsTheSameEveryRun() {
        ScenarioSpec spec = ScenarioLoader.bind(new ScenarioLoader.Source("state-transfer", STATE_TRANSFER, true, "st"), List.of());
        String first = trace(spec);
        assertTrue(first.contains("StateTransfer"), "the run transfers state");
        assertFalse(first.matches("(?s).*[A-Za-z]@[0-9a-f]{6,}.*"), "no Java identity hash in the trace");
        assertEquals(first, trace(spec));
    }
}
