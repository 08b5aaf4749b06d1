package quorumsim.core;

/**
 * A node's clock: local = base + (virtual - since) * (1 + driftPpm / 1e6). Drift changes and
 * jumps re-base it, so the clock stays continuous except where a jump is asked for.
 *
 * <p>Timers run on the clock's elapsed time: its reading without the jumps, like a monotonic
 * clock, which drifts with the clock but ignores steps. A timer of d nanoseconds fires at the
 * first virtual instant at which the elapsed time has advanced by d.
 */
public final class LocalClock {
    private long baseLocalNanos;
    private long sinceVirtualNanos;
    private double rate;
    /** Sum of every jump so far: the local reading minus this is the elapsed time. */
    private long jumpedNanos;

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

    /** The clock's reading at {@code virtualNanos} without its jumps: what timers run on. */
    public long elapsedAt(long virtualNanos) {
        return localAt(virtualNanos) - jumpedNanos;
    }

    /**
     * The first virtual instant, not before {@code notBeforeVirtualNanos}, at which
     * {@link #elapsedAt} reaches {@code elapsedNanos} under the current rate.
     */
    public long virtualTimeAtElapsed(long elapsedNanos, long notBeforeVirtualNanos) {
        if (rate == 1.0) {
            return Math.max(notBeforeVirtualNanos, sinceVirtualNanos + elapsedNanos - (baseLocalNanos - jumpedNanos));
        }
        if (elapsedAt(notBeforeVirtualNanos) >= elapsedNanos) {
            return notBeforeVirtualNanos;
        }
        // localAt rounds half up, so the reading reaches k once (virtual - since) * rate >= k - 0.5;
        // the loops below only mend floating-point error
        double toGo = elapsedNanos - (baseLocalNanos - jumpedNanos) - 0.5;
        long t = Math.max(notBeforeVirtualNanos, sinceVirtualNanos + (long) Math.ceil(toGo / rate));
        while (elapsedAt(t) < elapsedNanos) {
            t++;
        }
        while (t > notBeforeVirtualNanos && elapsedAt(t - 1) >= elapsedNanos) {
            t--;
        }
        return t;
    }

    public void setDrift(long virtualNowNanos, double driftPpm) {
        baseLocalNanos = localAt(virtualNowNanos);
        sinceVirtualNanos = virtualNowNanos;
        rate = rateOf(driftPpm);
    }

    public void jump(long virtualNowNanos, long jumpNanos) {
        baseLocalNanos = localAt(virtualNowNanos) + jumpNanos;
        sinceVirtualNanos = virtualNowNanos;
        jumpedNanos += jumpNanos;
    }
}
