package quorumsim.swarm;

/**
 * What one run of a swarm scenario came to.
 *
 * @param failure     its class
 * @param kind        for safety the first violation's kind (agreement, lost-write, ...), for an
 *                    exception its class; empty otherwise
 * @param detail      one line a reader can act on
 * @param digest      the trace digest ("" when the run did not end)
 * @param wallSeconds how long it took
 */
public record Outcome(Failure failure, String kind, String detail, String digest, double wallSeconds) {
    public boolean failed() {
        return failure != Failure.OK;
    }

    /** What a shrunk scenario must still show to fail "the same way": the class, and the kind where it has one. */
    public String signature() {
        return kind.isEmpty() ? failure.label : failure.label + " (" + kind + ")";
    }
}
