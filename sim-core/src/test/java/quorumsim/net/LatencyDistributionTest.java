package quorumsim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyDistributionTest {
    static final int DRAWS = 200_000;

    private static long[] draw(LatencyDistribution d) {
        SplittableRandom random = new SplittableRandom(42);
        long[] values = new long[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            values[i] = d.sampleNanos(random);
        }
        return values;
    }

    private static double mean(long[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double stddev(long[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).mapToDouble(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    private static void assertMeanAndSpread(LatencyDistribution d, double mean, double stddev) {
        long[] v = draw(d);
        assertEquals(mean, mean(v), mean * 0.01, d + " mean");
        assertEquals(stddev, stddev(v), stddev * 0.03, d + " standard deviation");
        assertEquals(mean, d.expectedNanos(), mean * 0.001, d + " expectedNanos");
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 0), d + " drew a negative latency");
    }

    @Test
    void constantIsAlwaysItsValue() {
        assertTrue(Arrays.stream(draw(new LatencyDistribution.Constant(500_000))).allMatch(x -> x == 500_000));
    }

    @Test
    void uniformSpreadsEvenlyBetweenMinAndMax() {
        LatencyDistribution d = new LatencyDistribution.Uniform(1_000_000, 3_000_000);
        assertMeanAndSpread(d, 2_000_000, 2_000_000 / Math.sqrt(12));
        long[] v = draw(d);
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 1_000_000 && x < 3_000_000));
        long belowMid = Arrays.stream(v).filter(x -> x < 2_000_000).count();
        assertEquals(0.5, belowMid / (double) DRAWS, 0.01);
    }

    @Test
    void normalHasItsMeanAndStandardDeviation() {
        assertMeanAndSpread(new LatencyDistribution.Normal(10_000_000, 2_000_000), 10_000_000, 2_000_000);
    }

    @Test
    void normalIsTruncatedAtZero() {
        long[] v = draw(new LatencyDistribution.Normal(1_000_000, 2_000_000));
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 0));
        long zeros = Arrays.stream(v).filter(x -> x == 0).count();
        assertEquals(0.3085, zeros / (double) DRAWS, 0.01, "P(N(1, 2) < 0) draws become zero");
    }

    @Test
    void exponentialHasEqualMeanAndStandardDeviation() {
        assertMeanAndSpread(new LatencyDistribution.Exponential(5_000_000), 5_000_000, 5_000_000);
    }

    @Test
    void logNormalTakesTheMeanAndStandardDeviationOfTheLatencyItself() {
        assertMeanAndSpread(new LatencyDistribution.LogNormal(300_000, 200_000), 300_000, 200_000);
    }

    @Test
    void paretoHasItsMeanAndALongTail() {
        double alpha = 5;
        double min = 1_000_000;
        assertMeanAndSpread(new LatencyDistribution.Pareto(1_000_000, alpha),
                alpha * min / (alpha - 1), min / (alpha - 1) * Math.sqrt(alpha / (alpha - 2)));
        // the long-tail option: alpha 1.5, P(X > 10 min) = 10^-1.5
        long[] v = draw(new LatencyDistribution.Pareto(1_000_000, 1.5));
        assertTrue(Arrays.stream(v).allMatch(x -> x >= 1_000_000));
        double beyondTenMin = Arrays.stream(v).filter(x -> x > 10_000_000).count() / (double) DRAWS;
        assertEquals(Math.pow(10, -1.5), beyondTenMin, 0.002);
        assertEquals(Double.POSITIVE_INFINITY, new LatencyDistribution.Pareto(1_000, 1).expectedNanos());
    }

    @Test
    void impossibleParametersAreRefusedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LatencyDistribution.Uniform(5, 1));
        assertTrue(e.getMessage().contains("min <= max"));
        assertThrows(IllegalArgumentException.class, () -> new LatencyDistribution.Constant(-1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyDistribution.LogNormal(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new LatencyDistribution.Pareto(1, 0));
    }
}
