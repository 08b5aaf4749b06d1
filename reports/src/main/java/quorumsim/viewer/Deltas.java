package quorumsim.viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state changes of a run, in event order: at event e, node n's entry k became v (or went
 * away). Entries are a group number (the order the page lists them in) and a label; keys and
 * values are each written once and referred to by index, so a long run stays small.
 */
final class Deltas {
    private final Strings keys = new Strings();
    private final Strings values = new Strings();
    private final IntColumn rows = new IntColumn();
    /** Each node's entries now, to write a change only when there is one. */
    private final List<Map<Integer, Integer>> now = new ArrayList<>();
    private int event = -1;

    /** Changes from here on belong to event {@code index} (-1: the state before the first event). */
    void at(int index) {
        event = index;
    }

    void set(int node, int group, String label, String value) {
        int key = keys.index(group + "|" + label);
        int v = values.index(value);
        Map<Integer, Integer> entries = entries(node);
        Integer old = entries.put(key, v);
        if (old == null || old != v) {
            rows.add(event);
            rows.add(node);
            rows.add(key);
            rows.add(v);
        }
    }

    void remove(int node, int group, String label) {
        Integer key = keys.find(group + "|" + label);
        if (key == null || entries(node).remove(key) == null) {
            return;
        }
        rows.add(event);
        rows.add(node);
        rows.add(key);
        rows.add(-1);
    }

    /** Removes every entry of {@code node} in {@code group} (a crash loses a replica's log). */
    void removeGroup(int node, int group) {
        String prefix = group + "|";
        Map<Integer, Integer> entries = entries(node);
        List<Integer> gone = new ArrayList<>();
        for (Integer key : entries.keySet()) {
            if (keys.get(key).startsWith(prefix)) {
                gone.add(key);
            }
        }
        gone.sort(null);
        for (Integer key : gone) {
            entries.remove(key);
            rows.add(event);
            rows.add(node);
            rows.add(key);
            rows.add(-1);
        }
    }

    private Map<Integer, Integer> entries(int node) {
        while (now.size() <= node) {
            now.add(new HashMap<>());
        }
        return now.get(node);
    }

    Strings keys() {
        return keys;
    }

    Strings values() {
        return values;
    }

    /** (event, node, key, value or -1) rows, flat. */
    IntColumn rows() {
        return rows;
    }
}
