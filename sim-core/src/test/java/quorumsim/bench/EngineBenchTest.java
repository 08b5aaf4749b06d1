package quorumsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import quorumsim.core.Simulation;

/** The bench's shape and determinism; its speed is reported by {@code quorumsim bench}, never asserted here. */
class EngineBenchTest {
    @ParameterizedTest
    @EnumSource(EngineBench.Pattern.class)
    void theEngineRunsExactlyTheAskedEventsAndTheSameRunEachTime(EngineBench.Pattern pattern) {
        Simulation a = EngineBench.runEngine(pattern, 20, 50_000, 3);
        Simulation b = EngineBench.runEngine(pattern, 20, 50_000, 3);
        assertEquals(50_000, a.events());
        assertEquals(a.digestHex(), b.digestHex());
        assertTrue(a.metrics().messagesTotal() > 30_000, "most events are messages");
    }

    @ParameterizedTest
    @EnumSource(EngineBench.Pattern.class)
    void theBaselineWalksTheSamePattern(EngineBench.Pattern pattern) {
        assertEquals(EngineBench.runBaseline(pattern, 20, 50_000, 3), EngineBench.runBaseline(pattern, 20, 50_000, 3));
    }

    @Test
    void aRandomLatencyGivesADifferentRunThanTheConstantOne() {
        assertNotEquals(EngineBench.runEngine(EngineBench.Pattern.CONSTANT, 20, 50_000, 3).digestHex(),
                EngineBench.runEngine(EngineBench.Pattern.LOGNORMAL, 20, 50_000, 3).digestHex());
        assertNotEquals(EngineBench.runBaseline(EngineBench.Pattern.CONSTANT, 20, 50_000, 3),
                EngineBench.runBaseline(EngineBench.Pattern.UNIFORM, 20, 50_000, 3));
    }

    @Test
    void theResultCarriesBothSpeedsAndTheirRatio() {
        BenchResult r = EngineBench.run(EngineBench.Pattern.UNIFORM, 10, 20_000, 1);
        assertEquals(20_000, r.events());
        assertTrue(r.engineEventsPerSec() > 0 && r.baselineEventsPerSec() > 0);
        assertEquals(r.engineEventsPerSec() / r.baselineEventsPerSec(), r.ratio(), 1e-12);
        assertTrue(r.toString().contains("ratio"));
        assertTrue(r.row().startsWith("latency uniform"));
        assertThrows(IllegalArgumentException.class, () -> EngineBench.run(EngineBench.Pattern.CONSTANT, 1, 10, 1));
    }
}
