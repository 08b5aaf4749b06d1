package quorumsim.swarm;

import java.util.EnumMap;
import java.util.List;
import java.util.TreeMap;

/**
 * What a swarm found: every seed's outcome in seed order, and the failing seeds with their
 * shrunk scenarios.
 *
 * @param cancelled the swarm was stopped early (Ctrl-C): not every seed ran
 */
public record SwarmResult(TreeMap<Long, Outcome> outcomes, List<Swarm.Finding> findings, boolean cancelled) {
    /** Seeds per class, every class present (zero where none). */
    public EnumMap<Failure, Integer> counts() {
        EnumMap<Failure, Integer> counts = new EnumMap<>(Failure.class);
        for (Failure f : Failure.values()) {
            counts.put(f, 0);
        }
        outcomes.values().forEach(o -> counts.merge(o.failure(), 1, Integer::sum));
        return counts;
    }

    public boolean anyFailed() {
        return !findings.isEmpty();
    }
}
