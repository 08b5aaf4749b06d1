package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import quorumsim.result.RunResult;
import quorumsim.scenario.Catalogue;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** Every built-in scenario runs as shipped and meets its own expect:. */
class BuiltInScenariosTest {
    static Stream<String> builtIns() {
        return Catalogue.names().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtIns")
    void meetsItsOwnExpectations(String name) {
        ScenarioSpec spec = ScenarioLoader.load(name, List.of());
        RunResult result = ScenarioRunner.run(spec, RunOptions.plain());
        List<String> unmet = ScenarioRunner.unmetExpectations(spec.expect(), result.summary());
        assertTrue(unmet.isEmpty(), () -> name + ": " + unmet);
        assertTrue(result.summary().requests().completed() > 0, name + " completed nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("determinismSamples")
    void sameSeedSameDigest(String name) {
        ScenarioSpec spec = ScenarioLoader.load(name, List.of("duration=500ms", "warmup=0s"));
        String first = ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest();
        String second = ScenarioRunner.run(spec, RunOptions.withDiagram()).summary().traceDigest();
        assertEquals(first, second, "a diagram listener must not change the run");
        String other = ScenarioRunner.run(spec.withSeed(spec.seed() + 1), RunOptions.plain()).summary().traceDigest();
        assertTrue(!first.equals(other), "another seed, another run");
    }

    static Stream<String> determinismSamples() {
        return Stream.of("pbft-wrong-reply", "unreplicated-baseline", "zk-saturation");
    }
}
