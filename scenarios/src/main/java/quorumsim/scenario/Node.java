package quorumsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A parsed scenario value with the line and column it came from: an object (keys in file
 * order), a list, or a scalar (text plus whether it was quoted/numeric/boolean/null).
 */
public final class Node {
    public enum Kind { OBJECT, LIST, STRING, NUMBER, BOOLEAN, NULL }

    final Kind kind;
    final String text;
    int line;
    int column;
    /** The command-line flag this value came from ({@code --set}, {@code --vary}); null in a file. */
    String flag;
    final LinkedHashMap<String, Node> fields;
    final List<Node> items;
    /** Where each key of an object stands (for "unknown key" errors). */
    final LinkedHashMap<String, int[]> keyPositions;

    private Node(Kind kind, String text, int line, int column) {
        this.kind = kind;
        this.text = text;
        this.line = line;
        this.column = column;
        this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.keyPositions = kind == Kind.OBJECT ? new LinkedHashMap<>() : null;
        this.items = kind == Kind.LIST ? new ArrayList<>() : null;
    }

    static Node object(int line, int column) {
        return new Node(Kind.OBJECT, null, line, column);
    }

    static Node list(int line, int column) {
        return new Node(Kind.LIST, null, line, column);
    }

    static Node scalar(Kind kind, String text, int line, int column) {
        return new Node(kind, text, line, column);
    }

    public Kind kind() {
        return kind;
    }

    public String text() {
        return text;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public Node get(String key) {
        return fields == null ? null : fields.get(key);
    }

    public List<Node> items() {
        return items;
    }

    public boolean isScalar() {
        return kind != Kind.OBJECT && kind != Kind.LIST;
    }

    /** What the value is, for "expected X, found Y" messages. */
    String describe() {
        switch (kind) {
            case OBJECT:
                return "a mapping";
            case LIST:
                return "a list";
            case NULL:
                return "nothing";
            default:
                return "'" + text + "'";
        }
    }

    /** Forgets where this value stood: it came from the command line's {@code flag}, not a file. */
    Node fromCommandLine(String flag) {
        line = 0;
        column = 0;
        this.flag = flag;
        if (fields != null) {
            fields.values().forEach(v -> v.fromCommandLine(flag));
            keyPositions.values().forEach(p -> { p[0] = 0; p[1] = 0; });
        }
        if (items != null) {
            items.forEach(v -> v.fromCommandLine(flag));
        }
        return this;
    }

    /** A deep copy (a YAML alias stands for its own copy of the anchored value), positions kept. */
    Node copy() {
        Node copy = new Node(kind, text, line, column);
        copy.flag = flag;
        if (fields != null) {
            fields.forEach((key, value) -> copy.fields.put(key, value.copy()));
            keyPositions.forEach((key, at) -> copy.keyPositions.put(key, at.clone()));
        }
        if (items != null) {
            items.forEach(item -> copy.items.add(item.copy()));
        }
        return copy;
    }

    /** This value and every value under it. */
    long size() {
        long size = 1;
        if (fields != null) {
            for (Node value : fields.values()) {
                size += value.size();
            }
        }
        if (items != null) {
            for (Node item : items) {
                size += item.size();
            }
        }
        return size;
    }

    /** Puts {@code value} at a dotted path, creating objects on the way (for --set). */
    void set(String[] path, int from, Node value) {
        Node current = this;
        for (int i = from; i < path.length - 1; i++) {
            Node next = current.fields.get(path[i]);
            if (next == null || next.kind != Kind.OBJECT) {
                next = object(0, 0);
                current.fields.put(path[i], next);
                current.keyPositions.put(path[i], new int[] {0, 0});
            }
            current = next;
        }
        current.fields.put(path[path.length - 1], value);
        current.keyPositions.put(path[path.length - 1], new int[] {value.line, value.column});
    }
}
