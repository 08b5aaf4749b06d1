package quorumsim.scenario;

import java.util.HashMap;
import java.util.Map;

/**
 * YAML anchors ({@code &name}) and aliases ({@code *name}) in a scenario file: an alias stands
 * for a copy of the anchored mapping or list, so a later {@code --set} on one place does not
 * change the other. The YAML parser does not report anchors on single values, so an alias of
 * one is refused with a message rather than read as its own name. The copies count toward a
 * bound on the file's values, so that nested aliases cannot blow a small file up into millions
 * of values.
 */
final class Anchors {
    /** More values than any scenario needs (a 1000-node cluster's roles and faults included). */
    static final int MAX_VALUES = 1_000_000;

    private final String source;
    private final Map<String, Node> byName = new HashMap<>();
    private long values;

    Anchors(String source) {
        this.source = source;
    }

    void define(String name, Node value) {
        byName.put(name, value);
    }

    Node resolve(String name, int line, int column) {
        Node anchored = byName.get(name);
        if (anchored == null) {
            throw new ScenarioException(new Problem(source, line, column, "",
                    "alias '*" + name + "' names no mapping or list anchored before it (an alias can stand for a mapping or a list"
                            + " marked '&" + name + "' earlier in the file, not for a single value); write the value itself here"));
        }
        Node copy = anchored.copy();
        count(copy.size(), line, column);
        return copy;
    }

    /** Counts values read or copied in. */
    void count(long more, int line, int column) {
        values += more;
        if (values > MAX_VALUES) {
            throw new ScenarioException(new Problem(source, line, column, "",
                    "more than " + MAX_VALUES + " values once aliases are expanded; write the scenario without nested aliases"));
        }
    }
}
