package quorumsim.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * The transcripts' one syntax for values: an atom ({@code 1}, {@code A}, {@code 1:2},
 * {@code /a}, {@code 100ms}), a call ({@code Prepare(v=0, n=1, d=A, i=2)}, arguments keyed or
 * not), or a list ({@code [0 1 3]}). Expected lines and what a replica did are both printed in
 * this form, so they compare as text whatever the spacing of the file.
 */
sealed interface Term {
    record Atom(String text) implements Term {
    }

    record Call(String name, List<Arg> args) implements Term {
        /** The argument named {@code key}, or null. */
        Term get(String key) {
            for (Arg a : args) {
                if (key.equals(a.key())) {
                    return a.value();
                }
            }
            return null;
        }

        /** The arguments without a key, in order. */
        List<Term> positional() {
            List<Term> out = new ArrayList<>();
            for (Arg a : args) {
                if (a.key() == null) {
                    out.add(a.value());
                }
            }
            return out;
        }
    }

    record Items(List<Term> items) implements Term {
    }

    /** {@code key=value}, or a bare value when {@code key} is null. */
    record Arg(String key, Term value) {
        @Override
        public String toString() {
            return key == null ? Term.print(value) : key + "=" + Term.print(value);
        }
    }

    static Atom atom(Object text) {
        return new Atom(String.valueOf(text));
    }

    static Call call(String name, Object... keysAndValues) {
        List<Arg> args = new ArrayList<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object v = keysAndValues[i + 1];
            args.add(new Arg((String) keysAndValues[i], v instanceof Term t ? t : atom(v)));
        }
        return new Call(name, args);
    }

    static String print(Term t) {
        if (t instanceof Atom a) {
            return a.text();
        }
        if (t instanceof Items l) {
            List<String> parts = new ArrayList<>();
            for (Term item : l.items()) {
                parts.add(print(item));
            }
            return "[" + String.join(" ", parts) + "]";
        }
        Call c = (Call) t;
        List<String> parts = new ArrayList<>();
        for (Arg a : c.args()) {
            parts.add(a.toString());
        }
        return c.name() + "(" + String.join(", ", parts) + ")";
    }

    /** Parses a whole line's worth of arguments: {@code multicast Prepare(v=0, n=1) to 0 1 3}. */
    static List<Arg> parseLine(String text) {
        Parser p = new Parser(text);
        List<Arg> out = new ArrayList<>();
        while (!p.atEnd()) {
            out.add(p.arg());
        }
        return out;
    }

    /** Parses exactly one term. */
    static Term parse(String text) {
        Parser p = new Parser(text);
        Term t = p.term();
        if (!p.atEnd()) {
            throw p.error("one value only");
        }
        return t;
    }

    /** A line in the canonical form: single spaces, ", " between arguments. */
    static String canonical(String text) {
        List<String> parts = new ArrayList<>();
        for (Arg a : parseLine(text)) {
            parts.add(a.toString());
        }
        return String.join(" ", parts);
    }

    final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            skipSpace();
            return pos >= s.length();
        }

        private void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private static boolean special(char c) {
            return c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == '=' || Character.isWhitespace(c);
        }

        private String word() {
            skipSpace();
            int start = pos;
            while (pos < s.length() && !special(s.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("a value");
            }
            return s.substring(start, pos);
        }

        private boolean peek(char c) {
            skipSpace();
            return pos < s.length() && s.charAt(pos) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
            pos++;
        }

        IllegalArgumentException error(String wanted) {
            return new IllegalArgumentException("expected " + wanted + " at column " + (pos + 1) + " of: " + s);
        }

        Arg arg() {
            if (peek('[')) {
                return new Arg(null, term());
            }
            int save = pos;
            String w = word();
            if (peek('=')) {
                pos++;
                return new Arg(w, term());
            }
            pos = save;
            return new Arg(null, term());
        }

        Term term() {
            if (peek('[')) {
                pos++;
                List<Term> items = new ArrayList<>();
                while (!peek(']')) {
                    if (atEnd()) {
                        throw error("']'");
                    }
                    items.add(term());
                    if (peek(',')) {
                        pos++;
                    }
                }
                pos++;
                return new Items(items);
            }
            String w = word();
            if (!peek('(')) {
                return new Atom(w);
            }
            pos++;
            List<Arg> args = new ArrayList<>();
            while (!peek(')')) {
                if (atEnd()) {
                    throw error("')'");
                }
                args.add(arg());
                if (peek(',')) {
                    pos++;
                }
            }
            pos++;
            return new Call(w, args);
        }
    }
}
