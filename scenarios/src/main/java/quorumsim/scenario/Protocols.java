package quorumsim.scenario;

import java.util.List;

/** The protocols a scenario can name. */
public final class Protocols {
    static final PbftAdapter PBFT = new PbftAdapter();
    static final ZabAdapter ZAB = new ZabAdapter();
    static final UnreplicatedAdapter UNREPLICATED = new UnreplicatedAdapter();
    private static final List<ProtocolAdapter<?>> ALL = List.of(PBFT, ZAB, UNREPLICATED);

    private Protocols() {
    }

    public static List<String> names() {
        return ALL.stream().map(ProtocolAdapter::name).toList();
    }

    /** Every role name some protocol has (primary, leader), in a stable order. */
    static List<String> roles() {
        return ALL.stream().flatMap(a -> a.roles().stream()).distinct().sorted().toList();
    }

    public static ProtocolAdapter<?> get(String name) {
        for (ProtocolAdapter<?> adapter : ALL) {
            if (adapter.name().equals(name)) {
                return adapter;
            }
        }
        throw new IllegalArgumentException("unknown protocol '" + name + "'; known: " + names());
    }
}
