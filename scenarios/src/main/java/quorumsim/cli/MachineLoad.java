package quorumsim.cli;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/** The machine's load beside a benchmark's figures: wall-clock rates mean something only on a quiet machine. */
final class MachineLoad {
    private MachineLoad() {
    }

    /** The one-minute load average, or a negative number where the system does not say. */
    static double now() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** E.g. "2 cores, load average 0.4 before, 1.1 after (quiet)". */
    static String describe(double before, double after) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (before < 0 || after < 0) {
            return cores + " cores, load average unknown";
        }
        boolean quiet = Math.max(before, after) < cores;
        return String.format(Locale.ROOT, "%d cores, load average %.1f before, %.1f after (%s)", cores, before, after,
                quiet ? "quiet: the wall figures stand" : "busy: the wall figures understate, the CPU ones hold better");
    }
}
