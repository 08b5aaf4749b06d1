package quorumsim.viewer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/**
 * A small JSON writer for the recording: numbers and strings only, written straight to the page.
 * Strings escape {@code <}, {@code >} and {@code &}, so the data can sit inside a
 * {@code <script>} element whatever the messages say.
 */
final class JsonOut {
    private final Writer out;

    JsonOut(Writer out) {
        this.out = out;
    }

    JsonOut raw(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    JsonOut key(String name) {
        return string(name).raw(":");
    }

    JsonOut number(long value) {
        return raw(Long.toString(value));
    }

    JsonOut number(double value) {
        return raw(Double.isFinite(value) ? Double.toString(value) : "null");
    }

    JsonOut string(String s) {
        if (s == null) {
            return raw("null");
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '<' -> b.append("\\u003c");
                case '>' -> b.append("\\u003e");
                case '&' -> b.append("\\u0026");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return raw(b.append('"').toString());
    }

    JsonOut ints(IntColumn column) {
        return numbers(column.size(), column::get);
    }

    JsonOut longs(LongColumn column) {
        return numbers(column.size(), column::get);
    }

    /** A JSON array of {@code size} whole numbers, written in chunks so a long column needs no one huge string. */
    private JsonOut numbers(int size, java.util.function.IntToLongFunction at) {
        raw("[");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append(at.applyAsLong(i));
            if (b.length() > 8192) {
                raw(b.toString());
                b.setLength(0);
            }
        }
        return raw(b.toString()).raw("]");
    }

    JsonOut strings(List<String> list) {
        raw("[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                raw(",");
            }
            string(list.get(i));
        }
        return raw("]");
    }
}
