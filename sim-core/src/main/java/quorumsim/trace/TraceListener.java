package quorumsim.trace;

/** Receives every trace line as it happens. Used for the JSON-lines trace and diagrams. */
@FunctionalInterface
public interface TraceListener {
    void onTrace(TraceEvent event);
}
