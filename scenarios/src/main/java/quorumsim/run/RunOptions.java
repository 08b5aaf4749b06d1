package quorumsim.run;

import java.io.Writer;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * How a run is observed beyond its summary, and how it is called off.
 *
 * @param traceOut      where the full JSON-lines trace goes, or null for none
 * @param diagramEvents most trace lines kept for messages.svg (0 keeps none)
 * @param progress      told the virtual time reached, about a hundred times a run; may be null
 * @param cancelled     asked after every event; when it says true the run stops and
 *                      {@link ScenarioRunner#run} throws {@link RunCancelled}
 */
public record RunOptions(Writer traceOut, int diagramEvents, LongConsumer progress, BooleanSupplier cancelled) {
    private static final BooleanSupplier NEVER = () -> false;

    public RunOptions(Writer traceOut, int diagramEvents, LongConsumer progress) {
        this(traceOut, diagramEvents, progress, NEVER);
    }

    public static RunOptions plain() {
        return new RunOptions(null, 0, null);
    }

    public static RunOptions withDiagram() {
        return new RunOptions(null, 20_000, null);
    }

    /** As {@link #plain()}, called off when {@code cancelled} says so. */
    public static RunOptions cancellable(BooleanSupplier cancelled) {
        return new RunOptions(null, 0, null, cancelled);
    }
}
