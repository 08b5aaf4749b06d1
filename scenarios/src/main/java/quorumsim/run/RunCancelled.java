package quorumsim.run;

/** A run called off before its end (a sweep interrupted by Ctrl-C): it has no result. */
public final class RunCancelled extends RuntimeException {
    public RunCancelled(String scenario, long seed, long atNanos) {
        super(scenario + " (seed " + seed + ") called off at " + atNanos + " ns of virtual time", null, false, false);
    }
}
