package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;

/**
 * Proactive recovery (Castro and Liskov, TOCS'02 section 4; BFT-PR): every replica reboots
 * periodically, whether or not anything looks wrong, so an intruder holds a replica only until
 * its next reboot. A reboot restarts the replica from correct code with fresh keys (the
 * intruder's hold and its behaviour are gone), and the replica restores its state from its
 * stable checkpoint on disk and, past it, from its peers (state transfer at the next stable
 * checkpoint). Replica i reboots at {@code stagger * (i + 1) + k * period}, k = 0, 1, ..., so
 * with {@code period >= n * stagger} the replicas recover one at a time; it is down for
 * {@code reboot}. PBFT then stays safe while at most f replicas are faulty within a window of
 * vulnerability (a compromise to that replica's next reboot), though more than f are over the run.
 *
 * @param periodNanos  how often each replica reboots
 * @param staggerNanos the gap between one replica's reboot and the next one's
 * @param rebootNanos  how long a replica is down while it reboots
 */
public record ProactiveRecovery(long periodNanos, long staggerNanos, long rebootNanos) {
    /** The first reboot of replica {@code replica} after {@code timeNanos}: a compromise at that time ends there. */
    public long nextRebootNanos(int replica, long timeNanos) {
        long first = staggerNanos * (replica + 1L);
        if (timeNanos < first) {
            return first;
        }
        return first + ((timeNanos - first) / periodNanos + 1) * periodNanos;
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (periodNanos <= 0) {
            problems.add("proactiveRecovery.period must be positive");
        }
        if (staggerNanos < 0) {
            problems.add("proactiveRecovery.stagger must not be negative");
        }
        if (rebootNanos <= 0 || rebootNanos >= periodNanos) {
            problems.add("proactiveRecovery.reboot must be positive and shorter than the period");
        }
        return problems;
    }
}
