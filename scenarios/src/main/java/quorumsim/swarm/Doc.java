package quorumsim.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A scenario document as the swarm builds and shrinks it: mappings in key order, lists, and
 * scalars (numbers, booleans, text). {@link #yaml} writes it in the shape of a hand-written
 * scenario file (top-level keys in block style, their values in flow style), and that text is
 * what the swarm runs, so a written file reproduces its run exactly.
 */
public final class Doc {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.+\\-]+");

    final LinkedHashMap<String, Object> root;

    Doc() {
        this(new LinkedHashMap<>());
    }

    private Doc(LinkedHashMap<String, Object> root) {
        this.root = root;
    }

    /** A document from a tree of maps, lists and scalars (as Jackson reads a file). */
    static Doc of(Map<?, ?> tree) {
        return new Doc(copyMap(tree));
    }

    Doc copy() {
        return new Doc(copyMap(root));
    }

    /** The value at a dotted path, or null. */
    Object get(String path) {
        Object at = root;
        for (String key : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(key);
        }
        return at;
    }

    /** Puts a value at a dotted path, creating mappings on the way; a null value removes the key. */
    Doc put(String path, Object value) {
        String[] keys = path.split("\\.");
        LinkedHashMap<String, Object> at = root;
        for (int i = 0; i < keys.length - 1; i++) {
            Object next = at.get(keys[i]);
            if (!(next instanceof LinkedHashMap<?, ?>)) {
                if (value == null) {
                    return this;
                }
                next = new LinkedHashMap<String, Object>();
                at.put(keys[i], next);
            }
            at = cast(next);
        }
        if (value == null) {
            at.remove(keys[keys.length - 1]);
            if (keys.length > 1 && at.isEmpty()) {
                put(path.substring(0, path.lastIndexOf('.')), null);
            }
        } else {
            at.put(keys[keys.length - 1], value);
        }
        return this;
    }

    /** Puts the top-level keys named in {@code order} first, in that order; others keep theirs after them. */
    Doc ordered(List<String> order) {
        LinkedHashMap<String, Object> old = new LinkedHashMap<>(root);
        root.clear();
        for (String key : order) {
            if (old.containsKey(key)) {
                root.put(key, old.remove(key));
            }
        }
        root.putAll(old);
        return this;
    }

    /** The list at a top-level key (empty when absent). */
    List<Object> list(String key) {
        Object value = root.get(key);
        return value instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    /** Sets a top-level list; an empty list removes the key. */
    Doc putList(String key, List<?> items) {
        if (items.isEmpty()) {
            root.remove(key);
        } else {
            root.put(key, copyValue(items));
        }
        return this;
    }

    /** A flow mapping from alternating keys and values, in that order. */
    static LinkedHashMap<String, Object> map(Object... keysAndValues) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    static LinkedHashMap<String, Object> cast(Object map) {
        return (LinkedHashMap<String, Object>) map;
    }

    /** The document as YAML, after {@code header} lines written as comments. */
    public String yaml(List<String> header) {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line).append('\n');
        }
        for (Map.Entry<String, Object> e : root.entrySet()) {
            Object value = e.getValue();
            out.append(e.getKey()).append(':');
            if (value instanceof List<?> items && !items.isEmpty() && items.get(0) instanceof Map<?, ?>) {
                out.append('\n');
                for (Object item : items) {
                    out.append("  - ").append(flow(item)).append('\n');
                }
            } else {
                out.append(' ').append(flow(value)).append('\n');
            }
        }
        return out.toString();
    }

    /** Lines of YAML, without comments. */
    public int lines() {
        return (int) yaml(List.of()).lines().count();
    }

    private static String flow(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{ ");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ", ").append(e.getKey()).append(": ").append(flow(e.getValue()));
                first = false;
            }
            return out.append(" }").toString();
        }
        if (value instanceof List<?> items) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < items.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(flow(items.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = String.valueOf(value);
        boolean plain = PLAIN.matcher(text).matches() && !text.equals("null") && !text.equals("true") && !text.equals("false")
                && !text.equals("yes") && !text.equals("no") && !text.equals("on") && !text.equals("off");
        return plain ? text : "'" + text.replace("'", "''") + "'";
    }

    private static LinkedHashMap<String, Object> copyMap(Map<?, ?> map) {
        LinkedHashMap<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), copyValue(v)));
        return out;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> items) {
            List<Object> out = new ArrayList<>();
            items.forEach(item -> out.add(copyValue(item)));
            return out;
        }
        return value;
    }
}
