package quorumsim.kv;

import java.util.Map;
import java.util.TreeMap;

/**
 * The replicated service: a deterministic key-value store. Every replica and the checkers'
 * sequential replay run this same code, so equal operation orders give equal results.
 * Results: GET returns the value ("" when absent); PUT returns "OK"; INCREMENT returns the
 * new number (an absent or non-numeric value counts as 0); APPEND returns the new length.
 */
public final class KvStore {
    private final TreeMap<String, String> values;

    public KvStore() {
        this.values = new TreeMap<>();
    }

    private KvStore(TreeMap<String, String> values) {
        this.values = values;
    }

    public String apply(Operation op) {
        switch (op.kind()) {
            case GET:
                return values.getOrDefault(op.key(), "");
            case PUT:
                values.put(op.key(), op.value());
                return "OK";
            case INCREMENT: {
                long next = parse(values.get(op.key())) + parse(op.value());
                values.put(op.key(), Long.toString(next));
                return Long.toString(next);
            }
            case APPEND: {
                String next = values.getOrDefault(op.key(), "") + op.value();
                values.put(op.key(), next);
                return Integer.toString(next.length());
            }
            default:
                throw new IllegalStateException("unknown operation " + op);
        }
    }

    /** The value of a key, or null when absent (for undo logs). */
    public String valueOf(String key) {
        return values.get(key);
    }

    /** Puts back a value an undo log saved (null removes the key). */
    public void restore(String key, String valueOrNull) {
        if (valueOrNull == null) {
            values.remove(key);
        } else {
            values.put(key, valueOrNull);
        }
    }

    private static long parse(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public KvStore copy() {
        return new KvStore(new TreeMap<>(values));
    }

    public int size() {
        return values.size();
    }

    /** A digest of the whole state, in key order. */
    public long digest() {
        long d = 17;
        for (Map.Entry<String, String> e : values.entrySet()) {
            d = Hashing.mix(Hashing.mix(d, Hashing.of(e.getKey())), Hashing.of(e.getValue()));
        }
        return d;
    }
}
