package quorumsim.scenario;

import java.util.List;
import java.util.Set;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Simulation;
import quorumsim.net.Framing;
import quorumsim.net.NetworkConfig;
import quorumsim.protocols.Deployment;

/**
 * What the scenario layer needs of a protocol: the keys of its own section, how to turn a
 * scenario into its config (reporting problems, never throwing), its cost model, and how to
 * deploy it on a simulation. {@code C} is the type of its config, one of
 * {@link ProtocolConfig}'s records.
 */
public interface ProtocolAdapter<C extends ProtocolConfig> {
    String name();

    /** Keys of the protocol's own section ("pbft:", "zab:"); empty if it has none. */
    List<String> sectionKeys();

    /** Workload kinds this protocol runs, the first being the default. */
    List<String> workloadKinds();

    /** How its messages are framed unless {@code network:} says otherwise: UDP over IPv4 over Ethernet. */
    default Framing framing() {
        return Framing.UDP_ETHERNET;
    }

    /** Keys of {@code hardware:} this protocol uses; a scenario that sets another is refused. */
    List<String> hardwareKeys();

    /** Keys of {@code workload:} beyond kind, clients, outstanding, readRatio and requestSize that it uses. */
    default List<String> workloadKeys() {
        return List.of();
    }

    /** Names {@code hardware.profile} may take, the default first; empty if the protocol has no choice of profile. */
    default List<String> costProfiles() {
        return List.of();
    }

    /** Keys of {@code hardware.costs:}, each a number overriding the profile's cost. */
    default List<String> costKeys() {
        return List.of();
    }

    /** Byzantine behaviour names it understands. */
    Set<String> behaviours();

    /** Whether a behaviour name is one this protocol runs (some take a parameter, e.g. drop-requests:c3). */
    default boolean acceptsBehaviour(String behaviour) {
        return behaviours().contains(behaviour);
    }

    /**
     * Role names a fault or Byzantine entry may target instead of a node id ("primary" for
     * PBFT, "leader" for Zab): whoever holds the role when the entry starts.
     */
    List<String> roles();

    /**
     * Reports each way {@code config} breaks what the protocol assumes of its links, at the
     * field of {@code network} that says so, unless {@code unsafe}.
     */
    default void checkNetwork(Fields network, NetworkConfig config, boolean unsafe) {
    }

    /** How many Byzantine nodes the config tolerates (f for PBFT; 0 for crash-fault protocols). */
    default int byzantineTolerance(C config) {
        return 0;
    }

    /**
     * How many Byzantine nodes the timeline has at once, for the check against
     * {@link #byzantineTolerance}: {@code counted} (every node named, over the whole run) unless
     * the protocol ends compromises itself (PBFT's proactive recovery).
     */
    default int byzantineAtOnce(C config, List<ScenarioSpec.TimedFault> timeline, long durationNanos, int counted) {
        return counted;
    }

    /** Builds the protocol's config; adds a problem for each thing wrong. */
    C bind(Fields section, ScenarioSpec.Cluster cluster, ScenarioSpec.Workload workload, ScenarioSpec.Hardware hardware,
                boolean unsafe, List<Problem> problems);

    /** How many servers the config runs (node ids 0..servers-1). */
    int servers(C config);

    /** The quorum a decision needs (PBFT's certificate, Zab's acks), for the viewer's marks. */
    int quorum(C config);

    /** The log window L (PBFT: H = h + L), for the viewer; 0 for a protocol without one. */
    default long logWindow(C config) {
        return 0;
    }

    /** Heap the protocol's own state needs at most, beyond the engine's per node and per message (see MemoryBudget). */
    default long stateBytes(C config) {
        return 0;
    }

    CpuCostModel costModel(C config);

    Deployment deploy(Simulation sim, C config);
}
