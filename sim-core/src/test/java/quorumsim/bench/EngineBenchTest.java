package quorumsim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.core.Simulation;

/** The bench's shape and determinism; its speed is reported by {@code quorumsim bench}, never asserted here. */
class EngineBenchTest {
    @Test
    void theEngineRunsExactlyTheAskedEventsAndTheSameRunEachTime() {
        Simulation a = EngineBench.runEngine(20, 50_000, 3);
        Simulation b = EngineBench.runEngine(20, 50_000, 3);
        assertEquals(50_000, a.events());
        assertEquals(a.digestHex(), b.digestHex());
        assertTrue(a.metrics().messagesTotal() > 30_000, "most events are messages");
    }

    @Test
    void theBaselineWalksTheSamePattern() {
        assertEquals(EngineBench.runBaseline(20, 50_000, 3), EngineBench.runBaseline(20, 50_000, 3));
    }

    @Test
    void theResultCarriesBothSpeedsAndTheirRatio() {
        BenchResult r = EngineBench.run(10, 20_000, 1);
        assertEquals(20_000, r.events());
        assertTrue(r.engineEventsPerSec() > 0 && r.baselineEventsPerSec() > 0);
        assertEquals(r.engineEventsPerSec() / r.baselineEventsPerSec(), r.ratio(), 1e-12);
        assertTrue(r.toString().contains("ratio"));
        assertThrows(IllegalArgumentException.class, () -> EngineBench.run(1, 10, 1));
    }
}
