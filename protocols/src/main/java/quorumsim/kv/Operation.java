package quorumsim.kv;

/**
 * One call on the key-value store. {@code value} is the written value for PUT and APPEND,
 * the decimal amount for INCREMENT, and empty for GET.
 */
public record Operation(Kind kind, String key, String value) {
    public enum Kind { GET, PUT, INCREMENT, APPEND }

    public Operation {
        if (kind == null || key == null || value == null) {
            throw new IllegalArgumentException("an operation needs a kind, a key and a value (empty for GET)");
        }
    }

    public static Operation get(String key) {
        return new Operation(Kind.GET, key, "");
    }

    public static Operation put(String key, String value) {
        return new Operation(Kind.PUT, key, value);
    }

    public static Operation increment(String key, long amount) {
        return new Operation(Kind.INCREMENT, key, Long.toString(amount));
    }

    public static Operation append(String key, String suffix) {
        return new Operation(Kind.APPEND, key, suffix);
    }

    public boolean isRead() {
        return kind == Kind.GET;
    }

    /** A stable 64-bit digest (never the record's hashCode: an enum's hashCode varies between runs). */
    public long digest() {
        return Hashing.mix(Hashing.mix(kind.ordinal(), Hashing.of(key)), Hashing.of(value));
    }

    @Override
    public String toString() {
        return kind == Kind.GET ? "get " + key : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + key + " " + value;
    }
}
