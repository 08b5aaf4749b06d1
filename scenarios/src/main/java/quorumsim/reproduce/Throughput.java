package quorumsim.reproduce;

/**
 * The rate of a saturated system from its completions per time bucket: the least-squares slope
 * of the cumulative count over the measured window. Saturated writes complete in bursts: the
 * 2,000 requests in process go round the leader's queues together and their commits come back
 * in batches (on 13 servers about 2,000 completions every 230 ms, whether or not the NIC is
 * the limit). A plain count over a window is off by up to one burst; the slope's error
 * falls with the square of the burst period over the window.
 */
final class Throughput {
    private Throughput() {
    }

    /**
     * @param perBucket   completions per bucket from time zero
     * @param bucketNanos the bucket width
     * @param fromNanos   start of the window, a multiple of the bucket width
     * @param untilNanos  end of the window, a multiple of the bucket width
     * @return operations per second
     */
    static double slopePerSec(long[] perBucket, long bucketNanos, long fromNanos, long untilNanos) {
        if (fromNanos % bucketNanos != 0 || untilNanos % bucketNanos != 0 || untilNanos <= fromNanos) {
            throw new IllegalArgumentException("the window [" + fromNanos + ", " + untilNanos + ") ns must be whole "
                    + bucketNanos + " ns buckets");
        }
        int first = (int) (fromNanos / bucketNanos);
        int buckets = (int) ((untilNanos - fromNanos) / bucketNanos);
        // points (i, cumulative completions at the end of bucket first+i), i = 0..buckets-1
        double sumX = 0;
        double sumY = 0;
        double sumXX = 0;
        double sumXY = 0;
        long cumulative = 0;
        for (int i = 0; i < buckets; i++) {
            int b = first + i;
            cumulative += b < perBucket.length ? perBucket[b] : 0;
            sumX += i;
            sumY += cumulative;
            sumXX += (double) i * i;
            sumXY += (double) i * cumulative;
        }
        if (buckets < 2) {
            return cumulative * 1e9 / bucketNanos;
        }
        double slopePerBucket = (buckets * sumXY - sumX * sumY) / (buckets * sumXX - sumX * sumX);
        return slopePerBucket * 1e9 / bucketNanos;
    }
}
