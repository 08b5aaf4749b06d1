package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregateTest {
    @Test
    void meanStddevAndConfidenceIntervalOfFiveSeeds() {
        Aggregate a = Aggregate.of(10, 12, 14, 16, 18);
        assertEquals(5, a.n());
        assertEquals(14.0, a.mean(), 1e-12);
        assertEquals(Math.sqrt(10), a.stddev(), 1e-12);
        // t(0.975, 4) = 2.776; half-width = t * s / sqrt(n)
        assertEquals(2.776 * Math.sqrt(10) / Math.sqrt(5), a.ci95HalfWidth(), 1e-9);
        assertEquals(a.mean() - a.ci95HalfWidth(), a.low(), 1e-12);
    }

    @Test
    void oneRunHasNoIntervalAndMissingValuesAreLeftOut() {
        Aggregate one = Aggregate.of(7, Double.NaN);
        assertEquals(1, one.n());
        assertEquals(7, one.mean());
        assertTrue(Double.isNaN(one.ci95HalfWidth()));
        assertEquals(7, one.low());
        assertEquals(0, Aggregate.of().n());
    }

    @Test
    void manySeedsApproachTheNormalQuantile() {
        assertEquals(12.706, Aggregate.tQuantile975(1));
        assertEquals(2.042, Aggregate.tQuantile975(30));
        assertEquals(1.960, Aggregate.tQuantile975(5000));
        assertTrue(Aggregate.tQuantile975(35) >= Aggregate.tQuantile975(45));
    }

    @Test
    void aSweepAggregatesAcrossSeedsPerCombination() {
        SweepData data = new SweepData("s", List.of("f"), List.of(
                new SweepData.Row(Map.of("f", "1"), 1, Map.of("throughputOpsPerSec", 100.0)),
                new SweepData.Row(Map.of("f", "1"), 2, Map.of("throughputOpsPerSec", 110.0)),
                new SweepData.Row(Map.of("f", "2"), 1, Map.of("throughputOpsPerSec", 80.0))));
        List<SweepData.Cell> cells = data.aggregate();
        assertEquals(2, cells.size());
        assertEquals(Map.of("f", "1"), cells.get(0).values());
        assertEquals(105.0, cells.get(0).aggregate().mean(), 1e-12);
        assertEquals(2, cells.get(0).aggregate().n());
        assertEquals(1, cells.get(1).aggregate().n());
    }

    @Test
    void figureNamesBecomeAxisTitlesWithUnits() {
        assertEquals("throughput (ops/s)", FigureLabel.of("throughputOpsPerSec"));
        assertEquals("latency p99 (ms)", FigureLabel.of("latencyMs.p99"));
        assertEquals("view changes", FigureLabel.of("viewChanges"));
        assertEquals("latencyMs-p99", FigureLabel.slug("latencyMs.p99"));
    }
}
