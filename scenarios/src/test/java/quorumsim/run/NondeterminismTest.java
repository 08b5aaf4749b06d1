package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.result.RunSummary;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** Non-deterministic operations (OSDI'99 4.6): naive execution parts correct replicas; the primary's proposal keeps them together. */
class NondeterminismTest {
    private static RunSummary run(String builtIn, String... sets) {
        return ScenarioRunner.run(ScenarioLoader.load(builtIn, List.of(sets)), RunOptions.plain()).summary();
    }

    @Test
    void eachReplicasOwnClockPartsTheirCheckpointsAndTheCheckerSaysSo() {
        RunSummary naive = run("pbft-nondeterminism", "pbft.nondeterminism=naive", "duration=600ms");
        assertFalse(naive.safety().holds());
        assertEquals("checkpoint", naive.safety().violations().get(0).kind(), naive.safety().detail());
        RunSummary agreed = run("pbft-nondeterminism", "duration=600ms");
        assertTrue(agreed.safety().holds(), agreed.safety().detail());
        assertTrue(agreed.safety().detail().contains("states of other correct replicas match"), agreed.safety().detail());
    }

    @Test
    void sameSeedSameRun() {
        for (String builtIn : List.of("pbft-nondeterminism", "pbft-nondeterminism-naive")) {
            ScenarioSpec spec = ScenarioLoader.load(builtIn, List.of("duration=600ms"));
            assertEquals(ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest(),
                    ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest(), builtIn);
        }
    }
}
