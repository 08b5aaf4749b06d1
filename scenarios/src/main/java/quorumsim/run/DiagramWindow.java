package quorumsim.run;

import java.util.ArrayList;
import java.util.List;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;

/**
 * Keeps the trace lines a message-sequence diagram draws (sends, deliveries, drops, crashes,
 * recoveries, faults) from the window's start until the window ends or the budget is spent.
 */
final class DiagramWindow implements TraceListener {
    private final long fromNanos;
    private final long toNanos;
    private final int budget;
    private final List<TraceEvent> kept = new ArrayList<>();
    private boolean pastWindow;

    DiagramWindow(long fromNanos, long toNanos, int budget) {
        this.fromNanos = fromNanos;
        this.toNanos = toNanos <= 0 ? Long.MAX_VALUE : toNanos;
        this.budget = budget;
    }

    @Override
    public void onTrace(TraceEvent event) {
        if (event.timeNanos() > toNanos) {
            pastWindow = true;
            return;
        }
        if (kept.size() >= budget || event.timeNanos() < fromNanos) {
            return;
        }
        if (event.kind() == TraceKind.TIMER || event.kind() == TraceKind.OBSERVE) {
            return;
        }
        kept.add(event);
    }

    @Override
    public boolean isDone() {
        return kept.size() >= budget || pastWindow;
    }

    List<TraceEvent> events() {
        return kept;
    }
}
