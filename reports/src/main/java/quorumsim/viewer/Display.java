package quorumsim.viewer;

import java.util.List;
import java.util.Map;
import quorumsim.viewer.RecordText.Rec;

/**
 * Short text for the page: a message or observation as its record prints it, less what a
 * reader does not need (authenticators), with long numbers (digests) cut to four hex digits,
 * long lists cut to their first items and deep nesting cut off.
 */
final class Display {
    static final int MAX_CHARS = 400;
    private static final int LIST_ITEMS = 3;
    private static final int DEPTH = 3;

    private Display() {
    }

    /** {@code text} shortened; text that is not a record is only cut to length. */
    static String of(String text) {
        Object tree = RecordText.parse(text);
        if (!(tree instanceof Rec rec)) {
            return cut(text);
        }
        return of(rec);
    }

    static String of(Rec rec) {
        StringBuilder b = new StringBuilder();
        append(b, rec, 0);
        return cut(b.toString());
    }

    /** A 64-bit digest as its last four hex digits, {@code #3f2a}. */
    static String digest(String number) {
        try {
            return digest(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return number;
        }
    }

    static String digest(long value) {
        String hex = Long.toHexString(value);
        return "#" + (hex.length() > 4 ? hex.substring(hex.length() - 4) : hex);
    }

    /** A node as the page will name it. */
    static String node(long id) {
        return "@" + id;
    }

    private static void append(StringBuilder b, Object value, int depth) {
        if (value instanceof Rec r) {
            if (depth >= DEPTH) {
                b.append(r.name()).append("[\u2026]");
                return;
            }
            b.append(r.name()).append('[');
            boolean first = true;
            for (Map.Entry<String, Object> f : r.fields().entrySet()) {
                if (f.getKey().equals("auth")) {
                    continue;
                }
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(f.getKey()).append('=');
                append(b, f.getValue(), depth + 1);
            }
            b.append(']');
        } else if (value instanceof List<?> l) {
            if (depth >= DEPTH && !l.isEmpty()) {
                b.append("[").append(l.size()).append(" items]");
                return;
            }
            b.append('[');
            for (int k = 0; k < Math.min(LIST_ITEMS, l.size()); k++) {
                if (k > 0) {
                    b.append(", ");
                }
                append(b, l.get(k), depth + 1);
            }
            if (l.size() > LIST_ITEMS) {
                b.append(", \u2026 ").append(l.size() - LIST_ITEMS).append(" more");
            }
            b.append(']');
        } else {
            b.append(scalar((String) value));
        }
    }

    private static String scalar(String s) {
        if (s.length() >= 13 && s.length() <= 20 && looksNumeric(s)) {
            return digest(s);
        }
        return s;
    }

    private static boolean looksNumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isDigit(c) || i == 0 && c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String cut(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "\u2026";
    }
}
