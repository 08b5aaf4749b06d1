package quorumsim.swarm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CI's swarm: a sample of seeds for each protocol with the default ranges, every one of which
 * must pass (no safety violation, no liveness failure after the quiet phase, no exception, no run
 * over the limit). {@code -Dquorumsim.swarm.seeds=N} sets the sample (default 1,000 per protocol:
 * about 0.2 s of CPU a seed for PBFT and 0.07 s for Zab, so some 2.5 minutes on two cores). A
 * failure names its seeds; reproduce one with {@code quorumsim swarm --protocol P --from S --to S},
 * which also writes its shrunk file.
 */
@Disabled("enable after merge: the protocol fixes of issue 10 are on other branches; today PBFT and Zab still fail some seeds")
class SwarmSampleTest {
    private static final long SEEDS = Long.getLong("quorumsim.swarm.seeds", 1_000);

    @ParameterizedTest
    @ValueSource(strings = {"pbft", "zab"})
    void everySampledSeedPasses(String protocol) throws InterruptedException {
        int jobs = Math.max(1, Runtime.getRuntime().availableProcessors());
        SwarmSettings settings = SwarmSettings.of(protocol, null, null, null, 1, SEEDS, jobs, 60_000_000_000L, 0).withShrinking(false, 0);
        long start = System.nanoTime();
        SwarmResult result = new Swarm(settings).run((seed, outcome) -> { });
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "swarm %s: %d seeds in %.1f s on %d workers (%.3f s a seed): %s%n", protocol, result.outcomes().size(),
                wall, jobs, wall * jobs / result.outcomes().size(), result.counts());
        assertTrue(result.findings().isEmpty(), result.findings().size() + " failing seeds:\n" + result.findings().stream()
                .map(f -> "  seed " + f.seed() + ": " + f.outcome().signature() + ": " + f.outcome().detail())
                .collect(Collectors.joining("\n")));
    }
}
