package quorumsim.net;

import java.util.random.RandomGenerator;

/** One-way network latency, drawn per message. All parameters in nanoseconds. */
public sealed interface LatencyDistribution {
    long sampleNanos(RandomGenerator random);

    /** Mean of the distribution, in nanoseconds (of the truncated one for {@link Normal}: approximately). */
    double expectedNanos();

    record Constant(long valueNanos) implements LatencyDistribution {
        public Constant {
            requireNonNegative("value", valueNanos);
        }

        public long sampleNanos(RandomGenerator random) {
            return valueNanos;
        }

        public double expectedNanos() {
            return valueNanos;
        }
    }

    record Uniform(long minNanos, long maxNanos) implements LatencyDistribution {
        public Uniform {
            requireNonNegative("min", minNanos);
            if (maxNanos < minNanos) {
                throw new IllegalArgumentException("uniform latency needs min <= max, got min " + minNanos + "ns, max " + maxNanos + "ns");
            }
        }

        public long sampleNanos(RandomGenerator random) {
            return maxNanos == minNanos ? minNanos : minNanos + (long) (random.nextDouble() * (maxNanos - minNanos));
        }

        public double expectedNanos() {
            return (minNanos + maxNanos) / 2.0;
        }
    }

    /** Normal, truncated at zero (negative draws become zero). */
    record Normal(long meanNanos, long stddevNanos) implements LatencyDistribution {
        public Normal {
            requireNonNegative("mean", meanNanos);
            requireNonNegative("stddev", stddevNanos);
        }

        public long sampleNanos(RandomGenerator random) {
            return Math.max(0L, Math.round(meanNanos + random.nextGaussian() * stddevNanos));
        }

        public double expectedNanos() {
            return meanNanos;
        }
    }

    record Exponential(long meanNanos) implements LatencyDistribution {
        public Exponential {
            requireNonNegative("mean", meanNanos);
        }

        public long sampleNanos(RandomGenerator random) {
            return Math.round(-Math.log(1.0 - random.nextDouble()) * meanNanos);
        }

        public double expectedNanos() {
            return meanNanos;
        }
    }

    /** Log-normal whose mean and standard deviation are those of the latency itself. */
    record LogNormal(long meanNanos, long stddevNanos) implements LatencyDistribution {
        public LogNormal {
            if (meanNanos <= 0) {
                throw new IllegalArgumentException("lognormal latency needs a mean above zero, got " + meanNanos + "ns");
            }
            requireNonNegative("stddev", stddevNanos);
        }

        public long sampleNanos(RandomGenerator random) {
            double variance = (double) stddevNanos * stddevNanos;
            double mean = meanNanos;
            double sigma2 = Math.log1p(variance / (mean * mean));
            double mu = Math.log(mean) - sigma2 / 2;
            return Math.round(Math.exp(mu + Math.sqrt(sigma2) * random.nextGaussian()));
        }

        public double expectedNanos() {
            return meanNanos;
        }
    }

    /** Pareto with scale {@code min} and shape {@code alpha}: a long tail of slow messages. */
    record Pareto(long minNanos, double alpha) implements LatencyDistribution {
        public Pareto {
            requireNonNegative("min", minNanos);
            if (!(alpha > 0)) {
                throw new IllegalArgumentException("pareto latency needs alpha > 0, got " + alpha);
            }
        }

        public long sampleNanos(RandomGenerator random) {
            double u = 1.0 - random.nextDouble();
            double value = minNanos / Math.pow(u, 1.0 / alpha);
            return value >= Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : Math.round(value);
        }

        public double expectedNanos() {
            return alpha <= 1 ? Double.POSITIVE_INFINITY : alpha * minNanos / (alpha - 1);
        }
    }

    private static void requireNonNegative(String what, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("latency " + what + " must not be negative, got " + nanos + "ns");
        }
    }
}
