package quorumsim.core;

/**
 * A message between actors. Protocols define theirs as records in one sealed interface each.
 * The engine uses the size for NIC serialization and byte counts, and the type name for
 * counters, traces and charts.
 */
public interface Message {
    /** Bytes on the wire, headers and authenticators included. */
    int sizeBytes();

    /** Name used in counters, traces and diagrams; the record's simple name by default. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
