package quorumsim.scenario;

import quorumsim.pbft.PbftConfig;
import quorumsim.zab.ZabConfig;

/**
 * A scenario's protocol settings: one record per protocol a scenario can name, each holding that
 * protocol's config and knowing the adapter that runs it, so nothing casts a config from
 * {@code Object} or guesses the protocol from its type.
 *
 * <p>The records wrap the configs rather than the configs implementing this interface: Java
 * seals an interface over other packages only inside a named module, and {@code PbftConfig} and
 * {@code ZabConfig} live in two packages of the classpath's unnamed module (JLS 8.1.6).
 */
public sealed interface ProtocolConfig permits ProtocolConfig.Pbft, ProtocolConfig.Zab, ProtocolConfig.Unreplicated {

    /** This config with the adapter that runs it. */
    Configured<?> configured();

    /** PBFT, as {@code protocol: pbft} runs it. */
    record Pbft(PbftConfig config) implements ProtocolConfig {
        @Override
        public Configured<Pbft> configured() {
            return new Configured<>(Protocols.PBFT, this);
        }
    }

    /** Zab (ZooKeeper), as {@code protocol: zab} runs it. */
    record Zab(ZabConfig config) implements ProtocolConfig {
        @Override
        public Configured<Zab> configured() {
            return new Configured<>(Protocols.ZAB, this);
        }
    }

    /** The unreplicated baseline: PBFT's clients, workload and costs in a PBFT config, one server. */
    record Unreplicated(PbftConfig config) implements ProtocolConfig {
        @Override
        public Configured<Unreplicated> configured() {
            return new Configured<>(Protocols.UNREPLICATED, this);
        }
    }
}
