package quorumsim.viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a Java record's {@code toString} prints ({@code Name[a=1, b=Other[c=2], d=[x, y]]})
 * back into a tree, so the recording can read a message's fields from its trace line without
 * knowing its class. A node is a {@link Rec} (name and fields in order), a {@code List} or a
 * {@code String} (a scalar, as printed).
 */
final class RecordText {
    /** A record: its simple name and its fields, in declaration order. */
    record Rec(String name, Map<String, Object> fields) {
        String text(String field) {
            Object value = fields.get(field);
            return value instanceof String s ? s : null;
        }

        long number(String field, long absent) {
            String s = text(field);
            if (s == null) {
                return absent;
            }
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                return absent;
            }
        }

        List<Object> list(String field) {
            Object value = fields.get(field);
            return value instanceof List<?> l ? castList(l) : List.of();
        }

        Rec rec(String field) {
            return fields.get(field) instanceof Rec r ? r : null;
        }

        @SuppressWarnings("unchecked")
        private static List<Object> castList(List<?> l) {
            return (List<Object>) l;
        }
    }

    private final String s;
    private int i;

    private RecordText(String s) {
        this.s = s;
    }

    /** The tree of {@code text}; a text that is not a record comes back as its own string. */
    static Object parse(String text) {
        RecordText p = new RecordText(text);
        Object value = p.value(Within.TOP);
        return p.i == text.length() ? value : text;
    }

    /** The record {@code text} prints, or null when it is not one. */
    static Rec record(String text) {
        return parse(text) instanceof Rec r ? r : null;
    }

    /** Where a value stands: alone, as a record's field, or as a list's item. */
    private enum Within { TOP, RECORD, LIST }

    private Object value(Within within) {
        if (i < s.length() && s.charAt(i) == '[') {
            return list();
        }
        int nameEnd = i;
        while (nameEnd < s.length() && Character.isJavaIdentifierPart(s.charAt(nameEnd))) {
            nameEnd++;
        }
        if (nameEnd > i && nameEnd < s.length() && s.charAt(nameEnd) == '[' && Character.isUpperCase(s.charAt(i))) {
            String name = s.substring(i, nameEnd);
            int save = i;
            i = nameEnd;
            Rec rec = rec(name);
            if (rec != null) {
                return rec;
            }
            i = save;
        }
        return scalar(within);
    }

    /** Fields up to the matching ']'; null (and the position kept) when this is not a record after all. */
    private Rec rec(String name) {
        i++;
        Map<String, Object> fields = new LinkedHashMap<>();
        if (peek(']')) {
            i++;
            return new Rec(name, fields);
        }
        while (true) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String key = s.substring(i, eq);
            if (!isIdentifier(key)) {
                return null;
            }
            i = eq + 1;
            fields.put(key, value(Within.RECORD));
            if (peek(']')) {
                i++;
                return new Rec(name, fields);
            }
            if (!s.startsWith(", ", i)) {
                return null;
            }
            i += 2;
        }
    }

    private List<Object> list() {
        i++;
        List<Object> items = new ArrayList<>();
        if (peek(']')) {
            i++;
            return items;
        }
        while (i < s.length()) {
            items.add(value(Within.LIST));
            if (peek(']')) {
                i++;
                return items;
            }
            if (!s.startsWith(", ", i)) {
                break;
            }
            i += 2;
        }
        return items;
    }

    /**
     * A scalar runs to the end of its enclosing record or list: up to a ']' or a ", " at its own
     * depth (in a record, a ", " counts as the next field only when a {@code key=} follows it).
     */
    private String scalar(Within within) {
        boolean inside = within != Within.TOP;
        int start = i;
        int depth = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0 && inside) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0 && inside && s.startsWith(", ", i) && (within == Within.LIST || nextIsField(i + 2))) {
                break;
            }
            i++;
        }
        return s.substring(start, i);
    }

    private boolean nextIsField(int from) {
        int end = from;
        while (end < s.length() && Character.isJavaIdentifierPart(s.charAt(end))) {
            end++;
        }
        return end > from && end < s.length() && s.charAt(end) == '=';
    }

    private boolean peek(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean isIdentifier(String key) {
        if (key.isEmpty() || !Character.isJavaIdentifierStart(key.charAt(0))) {
            return false;
        }
        for (int k = 1; k < key.length(); k++) {
            if (!Character.isJavaIdentifierPart(key.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
