package quorumsim.viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A table of distinct strings, numbered in the order they were first seen. */
final class Strings {
    private final List<String> list = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    int index(String s) {
        Integer i = index.get(s);
        if (i == null) {
            i = list.size();
            list.add(s);
            index.put(s, i);
        }
        return i;
    }

    Integer find(String s) {
        return index.get(s);
    }

    String get(int i) {
        return list.get(i);
    }

    int size() {
        return list.size();
    }

    List<String> all() {
        return list;
    }
}
