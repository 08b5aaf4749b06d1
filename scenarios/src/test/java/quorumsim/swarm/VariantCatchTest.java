package quorumsim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import quorumsim.result.RunSummary;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;

/**
 * The swarm finds each known-broken variant within 1,000 seeds and shrinks it to a few lines
 * that still break safety the same way. It stops at the first failure, so this is cheap.
 */
class VariantCatchTest {
    private static final int MOST_LINES = 16;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theSwarmCatchesTheVariantAndShrinksItToAFewLines(Variant variant) throws InterruptedException {
        SwarmSettings settings = SwarmSettings.of(null, variant.label, null, null, 1, 1_000, 2, 60_000_000_000L, 1);
        SwarmResult result = new Swarm(settings).run((seed, outcome) -> { });
        assertEquals(1, result.findings().size(), variant.label + ": not caught within 1,000 seeds");
        Swarm.Finding found = result.findings().get(0);
        assertEquals(Failure.SAFETY, found.outcome().failure(), found.outcome().detail());
        assertEquals(found.outcome().signature(), found.shrunkOutcome().signature());
        String shrunk = found.shrunk().yaml(List.of());
        System.out.printf("%s: caught at seed %d (%s), shrunk in %d runs to %d lines:%n%s", variant.label, found.seed(),
                found.outcome().signature(), found.shrinkAttempts(), found.shrunk().lines(), shrunk);
        assertTrue(found.shrunk().lines() <= MOST_LINES, shrunk);
        assertTrue(found.shrunk().lines() < found.scenario().lines() || found.scenario().lines() <= MOST_LINES);
        RunSummary replay = ScenarioRunner.run(ScenarioLoader.bind(new ScenarioLoader.Source("shrunk.yaml", shrunk, true, "shrunk"), List.of()),
                RunOptions.plain()).summary();
        assertEquals(found.shrunkOutcome().kind(), replay.safety().violations().get(0).kind(), "the shrunk file still breaks safety");
    }
}
