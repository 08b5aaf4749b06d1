package quorumsim.trace;

/**
 * Receives every trace line as it happens. Used for the JSON-lines trace and diagrams. Trace
 * lines cost something to build, so a listener that has all it wants says so with
 * {@link #isDone()} and is dropped; when none is left the engine builds no more lines.
 */
@FunctionalInterface
public interface TraceListener {
    void onTrace(TraceEvent event);

    /** True once this listener wants no more lines. */
    default boolean isDone() {
        return false;
    }
}
