package quorumsim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads one mapping of a scenario against the keys it allows, collecting problems instead of
 * stopping at the first: unknown keys (with "did you mean"), wrong types, out-of-range values.
 */
final class Fields {
    private final String source;
    private final Node node;
    private final String path;
    private final List<Problem> problems;

    Fields(String source, Node node, String path, List<Problem> problems, String... allowed) {
        this.source = source;
        this.node = node;
        this.path = path;
        this.problems = problems;
        if (node != null && node.kind == Node.Kind.OBJECT) {
            LinkedHashSet<String> keys = new LinkedHashSet<>(Arrays.asList(allowed));
            for (Map.Entry<String, int[]> key : node.keyPositions.entrySet()) {
                if (!keys.contains(key.getKey())) {
                    String suggestion = DidYouMean.closest(key.getKey(), keys);
                    problems.add(problem(node.get(key.getKey()), key.getValue()[0], key.getValue()[1], child(key.getKey()),
                            "unknown key '" + key.getKey() + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                                    + " Allowed here: " + String.join(", ", keys)));
                }
            }
        } else if (node != null && node.kind != Node.Kind.NULL) {
            problems.add(problem(node, node.line, node.column, path, "expected a mapping of keys (" + String.join(", ", allowed) + "), found " + node.describe()));
        }
    }

    private Problem problem(Node blamed, int line, int column, String where, String message) {
        String origin = line > 0 ? source : blamed != null && blamed.flag != null ? blamed.flag : "--set";
        return new Problem(origin, line, column, where, message);
    }

    String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        Node value = value(key);
        return value != null && value.kind != Node.Kind.NULL;
    }

    Node value(String key) {
        return node != null && node.kind == Node.Kind.OBJECT ? node.get(key) : null;
    }

    void report(Node at, String key, String message) {
        Node blamed = at != null ? at : node;
        problems.add(problem(blamed, at == null ? (node == null ? 0 : node.line) : at.line, at == null ? (node == null ? 0 : node.column) : at.column, child(key), message));
    }

    /** A nested mapping (absent: an empty reader whose every field takes its default). */
    Fields object(String key, String... allowed) {
        return new Fields(source, value(key), child(key), problems, allowed);
    }

    private <T> T scalar(String key, T fallback, String expected, Function<Node, T> parse) {
        Node value = value(key);
        if (value == null || value.kind == Node.Kind.NULL) {
            return fallback;
        }
        if (!value.isScalar()) {
            report(value, key, "expected " + expected + ", found " + value.describe());
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            report(value, key, e.getMessage());
            return fallback;
        }
    }

    String text(String key, String fallback) {
        return scalar(key, fallback, "text", v -> v.text);
    }

    String choice(String key, String fallback, List<String> allowed) {
        return scalar(key, fallback, "one of " + allowed, v -> {
            if (!allowed.contains(v.text)) {
                String suggestion = DidYouMean.closest(v.text, allowed);
                throw new IllegalArgumentException("'" + v.text + "' is not allowed" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                        + " Allowed: " + String.join(", ", allowed));
            }
            return v.text;
        });
    }

    boolean bool(String key, boolean fallback) {
        return scalar(key, fallback, "true or false", v -> {
            if (v.kind != Node.Kind.BOOLEAN) {
                throw new IllegalArgumentException("expected true or false, found " + v.describe());
            }
            return Boolean.parseBoolean(v.text);
        });
    }

    long integer(String key, long fallback, long min, long max) {
        return scalar(key, fallback, "a whole number", v -> {
            long parsed;
            try {
                parsed = Long.parseLong(v.text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number from " + min + " to " + max + ", found " + v.describe());
            }
            return inRange(parsed, min, max, Long.toString(parsed), Long.toString(min), Long.toString(max));
        });
    }

    double number(String key, double fallback, double min, double max) {
        return scalar(key, fallback, "a number", v -> {
            double parsed;
            try {
                parsed = Double.parseDouble(v.text.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number from " + min + " to " + max + ", found " + v.describe());
            }
            if (!Double.isFinite(parsed)) {
                throw new IllegalArgumentException("expected a finite number, found " + v.describe());
            }
            return inRange(parsed, min, max, v.text.trim(), fmt(min), fmt(max));
        });
    }

    long durationNanos(String key, long fallback, long minNanos, long maxNanos) {
        return scalar(key, fallback, "a duration", v -> inRange(Units.durationNanos(v.text), minNanos, maxNanos, v.text,
                Units.formatDuration(minNanos), Units.formatDuration(maxNanos)));
    }

    long bandwidth(String key, long fallback) {
        return scalar(key, fallback, "a bandwidth", v -> Units.bandwidthBitsPerSec(v.text));
    }

    long sizeBytes(String key, long fallback, long min, long max) {
        return scalar(key, fallback, "a size", v -> inRange(Units.sizeBytes(v.text), min, max, v.text, min + "B", max + "B"));
    }

    List<Node> list(String key) {
        Node value = value(key);
        if (value == null || value.kind == Node.Kind.NULL) {
            return List.of();
        }
        if (value.kind != Node.Kind.LIST) {
            report(value, key, "expected a list, found " + value.describe());
            return List.of();
        }
        return value.items;
    }

    String source() {
        return source;
    }

    List<Problem> problems() {
        return problems;
    }

    private static <T extends Comparable<T>> T inRange(T value, T min, T max, String shown, String minShown, String maxShown) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(shown + " is out of range; allowed " + minShown + " to " + maxShown);
        }
        return value;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static List<Problem> newProblems() {
        return new ArrayList<>();
    }
}
