package quorumsim.fault;

import java.util.Arrays;

/** Whom a fault hits: fixed nodes, whoever holds a role at that moment, or everyone. */
public sealed interface Target {
    record Nodes(int... ids) implements Target {
        @Override
        public String toString() {
            return ids.length == 1 ? Integer.toString(ids[0]) : Arrays.toString(ids);
        }
    }

    /** "leader" or "primary": resolved when the fault fires, by the protocol's role resolver. */
    record Role(String name) implements Target {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Every server (for recover: every crashed one). */
    record All() implements Target {
        @Override
        public String toString() {
            return "all";
        }
    }

    static Target of(int... ids) {
        return new Nodes(ids);
    }
}
