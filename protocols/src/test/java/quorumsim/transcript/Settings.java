package quorumsim.transcript;

import java.util.Map;
import java.util.Set;

/** A config line's KEY=VALUE pairs, with defaults, and an error for a key the protocol does not have. */
final class Settings {
    private final Map<String, Term> values;

    Settings(Map<String, Term> values, Set<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("config has no key '" + key + "'; keys: " + new java.util.TreeSet<>(allowed));
            }
        }
        this.values = values;
    }

    Term term(String key) {
        return values.get(key);
    }

    String text(String key, String fallback) {
        Term t = values.get(key);
        return t == null ? fallback : Term.print(t);
    }

    int integer(String key, int fallback) {
        return Integer.parseInt(text(key, Integer.toString(fallback)));
    }

    int required(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("config needs " + key + "=");
        }
        return Integer.parseInt(text(key, null));
    }
}
