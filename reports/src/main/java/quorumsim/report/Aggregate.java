package quorumsim.report;

import java.util.Collection;

/**
 * A figure across seeds: how many runs, their mean, sample standard deviation, and the
 * half-width of the 95% confidence interval of the mean (Student's t with n - 1 degrees of
 * freedom, so few seeds give honest, wide bars). With one run, stddev and the interval are
 * NaN; with none, everything but n is NaN. NaN values (a figure a run does not have) are
 * left out.
 */
public record Aggregate(int n, double mean, double stddev, double ci95HalfWidth) {
    /** t(0.975, df) for df = 1..30 (two-sided 95%). */
    private static final double[] T_975 = {
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    };

    public static Aggregate of(double... values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Aggregate(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Aggregate(1, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double stddev = Math.sqrt(squares / (n - 1));
        return new Aggregate(n, mean, stddev, tQuantile975(n - 1) * stddev / Math.sqrt(n));
    }

    public static Aggregate of(Collection<Double> values) {
        return of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Lower end of the 95% confidence interval (the mean itself with fewer than two runs). */
    public double low() {
        return Double.isNaN(ci95HalfWidth) ? mean : mean - ci95HalfWidth;
    }

    public double high() {
        return Double.isNaN(ci95HalfWidth) ? mean : mean + ci95HalfWidth;
    }

    /**
     * Student's t quantile at 0.975: exact table to 30 degrees of freedom, then the table
     * values at 40, 60 and 120 (taking the lower df, which widens the interval a little),
     * then the normal 1.960.
     */
    static double tQuantile975(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be positive, got " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= 30) {
            return T_975[degreesOfFreedom - 1];
        }
        if (degreesOfFreedom < 40) {
            return T_975[29];
        }
        if (degreesOfFreedom < 60) {
            return 2.021;
        }
        if (degreesOfFreedom < 120) {
            return 2.000;
        }
        return degreesOfFreedom < 1000 ? 1.980 : 1.960;
    }
}
