package quorumsim.core;

/**
 * A node's clock: local = base + (virtual - since) * (1 + driftPpm / 1e6). Drift changes and
 * jumps re-base it, so the clock stays continuous except where a jump is asked for.
 */
public final class LocalClock {
    private long baseLocalNanos;
    private long sinceVirtualNanos;
    private double rate;

    public LocalClock(long offsetNanos, double driftPpm) {
        this.baseLocalNanos = offsetNanos;
        this.sinceVirtualNanos = 0;
        this.rate = rateOf(driftPpm);
    }

    private static double rateOf(double driftPpm) {
        double rate = 1.0 + driftPpm / 1e6;
        if (rate <= 0) {
            throw new IllegalArgumentException("clock drift must be above -1e6 ppm, got " + driftPpm);
        }
        return rate;
    }

    public long localAt(long virtualNanos) {
        return baseLocalNanos + Math.round((virtualNanos - sinceVirtualNanos) * rate);
    }

    /** Virtual time that passes while this clock advances by {@code localDelayNanos}. */
    public long virtualDelayFor(long localDelayNanos) {
        return rate == 1.0 ? localDelayNanos : (long) Math.ceil(localDelayNanos / rate);
    }

    public void setDrift(long virtualNowNanos, double driftPpm) {
        baseLocalNanos = localAt(virtualNowNanos);
        sinceVirtualNanos = virtualNowNanos;
        rate = rateOf(driftPpm);
    }

    public void jump(long virtualNowNanos, long jumpNanos) {
        baseLocalNanos = localAt(virtualNowNanos) + jumpNanos;
        sinceVirtualNanos = virtualNowNanos;
    }
}
