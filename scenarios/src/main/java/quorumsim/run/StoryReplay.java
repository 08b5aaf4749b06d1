package quorumsim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import quorumsim.report.ViolationStory;
import quorumsim.result.RunResult;
import quorumsim.result.Violation;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceListener;

/**
 * The story of a run's first agreement violation: the run is replayed from its seed up to the
 * violation, keeping only the trace lines of the sequence number it is about (a run keeps too
 * little trace to tell it, and does not know beforehand which sequence number to keep).
 */
public final class StoryReplay {
    private StoryReplay() {
    }

    public static Optional<ViolationStory> of(ScenarioSpec spec, RunResult result, Map<String, String> configuration) {
        if (result.summary().safety() == null) {
            return Optional.empty();
        }
        Optional<Violation> agreement = ViolationStory.firstAgreement(result.summary().safety().violations());
        if (agreement.isEmpty()) {
            return Optional.empty();
        }
        long seq = ViolationStory.sequenceOf(agreement.get());
        long untilNanos = (long) Math.ceil(agreement.get().time() * 1e9) + 1;
        Keep keep = new Keep(seq, untilNanos);
        try {
            ScenarioRunner.replay(spec, keep, keep::isDone);
        } catch (RunCancelled expected) {
            // called off once past the violation: the rest of the run is not needed
        }
        return ViolationStory.of(agreement.get(), keep.kept, result.lanes(), configuration);
    }

    /** Keeps the sequence number's lines until the violation, then tells the engine it needs no more. */
    private static final class Keep implements TraceListener {
        private final long sequence;
        private final long untilNanos;
        private final List<TraceEvent> kept = new ArrayList<>();
        private boolean done;

        Keep(long sequence, long untilNanos) {
            this.sequence = sequence;
            this.untilNanos = untilNanos;
        }

        @Override
        public void onTrace(TraceEvent event) {
            if (event.timeNanos() > untilNanos) {
                done = true;
                return;
            }
            if (ViolationStory.keeps(event, sequence)) {
                kept.add(event);
            }
        }

        @Override
        public boolean isDone() {
            return done;
        }
    }
}
