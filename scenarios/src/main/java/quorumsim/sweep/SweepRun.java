package quorumsim.sweep;

import java.util.List;
import java.util.Map;

/**
 * One finished run of a sweep.
 *
 * @param index   its place in the sweep's order (grid point major, seed minor)
 * @param point   the varied values, one per axis
 * @param figures the summary's figures by name
 */
public record SweepRun(int index, List<String> point, long seed, Map<String, Double> figures, boolean safety,
                       boolean liveness, String traceDigest, double wallSeconds) {
}
