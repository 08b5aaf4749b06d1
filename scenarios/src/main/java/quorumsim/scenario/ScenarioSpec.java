package quorumsim.scenario;

import java.util.List;
import java.util.Map;
import quorumsim.disk.DiskConfig;
import quorumsim.net.NetworkConfig;

/**
 * A validated scenario: everything a run needs, with units resolved to nanoseconds, bits per
 * second and bytes. Built by {@link ScenarioBinder}; the protocol's own settings are in
 * {@code protocolConfig}, the {@link ProtocolConfig} record of the protocol named.
 */
public record ScenarioSpec(
        String name,
        String description,
        String protocol,
        long seed,
        long durationNanos,
        long warmupNanos,
        boolean unsafe,
        Cluster cluster,
        NetworkConfig network,
        Hardware hardware,
        Workload workload,
        List<TimedFault> faults,
        Expect expect,
        long livenessBoundNanos,
        Diagram diagram,
        ProtocolConfig protocolConfig) {

    /** f, and n and quorum when the scenario sets them (0 = the protocol's default). */
    public record Cluster(int f, int n, int quorum) {
    }

    /**
     * Server hardware. {@code costProfile} null and no {@code costOverrides} take the protocol's
     * default costs; {@code cores} 0, {@code disk} null and {@code clientBandwidthBitsPerSec} -1
     * take the protocol's defaults (PBFT's clients have the network's bandwidth, Zab's unlimited
     * NICs); a client bandwidth of 0 is unlimited. {@code clockDriftPpm} applies to every server.
     */
    public record Hardware(int cores, DiskConfig disk, double clockDriftPpm, long clientBandwidthBitsPerSec, String costProfile,
                           Map<String, Double> costOverrides) {
    }

    /**
     * @param kind        "kv" (PBFT/unreplicated), "saturation", "lock", "election", "idle", "create-delete" or "broadcast" (Zab)
     * @param outstanding requests in flight per client
     * @param replySizeBytes result payload bytes of each reply; -1 takes the protocol's default
     * @param syncRatio   Zab saturation: share of reads preceded by a sync
     */
    public record Workload(String kind, int clients, int outstanding, double readRatio, int requestSizeBytes, int replySizeBytes,
                           double syncRatio) {
        public Workload(String kind, int clients, int outstanding, double readRatio, int requestSizeBytes) {
            this(kind, clients, outstanding, readRatio, requestSizeBytes, -1, 0);
        }
    }

    /**
     * A fault at a time and, when {@code untilNanos >= 0}, its end: the engine then undoes exactly
     * that fault on the nodes its target resolved to at {@code atNanos}.
     */
    public record TimedFault(long atNanos, long untilNanos, quorumsim.fault.Fault fault) {
        /** A fault with no end of its own. */
        public TimedFault(long atNanos, quorumsim.fault.Fault fault) {
            this(atNanos, -1, fault);
        }

        public boolean ends() {
            return untilNanos >= 0;
        }
    }

    /**
     * @param safety   "holds", "violated" or null (not checked)
     * @param liveness likewise
     * @param min      lower bounds on summary figures, by figure name
     * @param max      upper bounds
     */
    public record Expect(String safety, String liveness, Map<String, Double> min, Map<String, Double> max) {
        public boolean isEmpty() {
            return safety == null && liveness == null && min.isEmpty() && max.isEmpty();
        }
    }

    /**
     * Which part of the run messages.svg draws: a time range, or {@code requests} requests from
     * number {@code firstRequest} (1-based, counted from {@code fromNanos}).
     */
    public record Diagram(long fromNanos, long toNanos, int firstRequest, int requests, List<Integer> nodes) {
    }

    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(name, description, protocol, newSeed, durationNanos, warmupNanos, unsafe, cluster, network,
                hardware, workload, faults, expect, livenessBoundNanos, diagram, protocolConfig);
    }
}
