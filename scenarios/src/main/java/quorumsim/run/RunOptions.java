package quorumsim.run;

import java.io.Writer;
import java.util.function.LongConsumer;

/**
 * How a run is observed beyond its summary.
 *
 * @param traceOut      where the full JSON-lines trace goes, or null for none
 * @param diagramEvents most trace lines kept for messages.svg (0 keeps none)
 * @param progress      told the virtual time reached, about a hundred times a run; may be null
 */
public record RunOptions(Writer traceOut, int diagramEvents, LongConsumer progress) {
    public static RunOptions plain() {
        return new RunOptions(null, 0, null);
    }

    public static RunOptions withDiagram() {
        return new RunOptions(null, 20_000, null);
    }
}
