package quorumsim.sweep;

/**
 * Mean, sample standard deviation and the half-width of a 95% confidence interval of the mean
 * (Student's t for small samples), over the values that are numbers.
 */
public record Statistics(int count, double mean, double stddev, double ci95) {
    /** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
    private static final double[] T975 = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

    public static Statistics of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Statistics(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Statistics(1, mean, 0, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        double stddev = Math.sqrt(squares / (n - 1));
        double t = n - 1 <= T975.length ? T975[n - 2] : 1.96;
        return new Statistics(n, mean, stddev, t * stddev / Math.sqrt(n));
    }
}
