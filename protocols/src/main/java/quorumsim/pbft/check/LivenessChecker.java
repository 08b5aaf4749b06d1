package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.List;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/**
 * Liveness: every request is answered within {@code boundNanos} of its issue or of
 * {@code settledFromNanos} (when the last fault healed), whichever is later. Requests
 * younger than the bound at the end are not judged. Stuck requests are named, with which
 * the agreed order has them and the views the replicas are in.
 */
public final class LivenessChecker {
    private static final int NAMED = 20;

    private LivenessChecker() {
    }

    public static Verdict check(RunRecord run, long settledFromNanos, long boundNanos, long endNanos) {
        List<RunRecord.ClientCall> stuck = new ArrayList<>();
        long judged = 0;
        for (RunRecord.ClientCall call : run.calls()) {
            long start = Math.max(call.issuedNanos, settledFromNanos);
            if (start + boundNanos > endNanos) {
                continue;
            }
            judged++;
            if (call.acceptedNanos < 0 || call.acceptedNanos > start + boundNanos) {
                stuck.add(call);
            }
        }
        if (stuck.isEmpty()) {
            return Verdict.ok(judged == 0
                    ? String.format("liveness: nothing to judge (no request issued at least %.1f ms before the end, after the last fault)", boundNanos / 1e6)
                    : String.format("liveness: %d requests answered within %.1f ms", judged, boundNanos / 1e6));
        }
        StringBuilder views = new StringBuilder();
        for (int r = 0; r < run.replicas(); r++) {
            views.append(r == 0 ? "" : ", ").append(run.name(r)).append(" v").append(run.lastViewInstalled[r])
                    .append(run.isCorrect(r) ? "" : " (faulty)");
        }
        List<Violation> violations = new ArrayList<>();
        for (RunRecord.ClientCall call : stuck.subList(0, Math.min(NAMED, stuck.size()))) {
            String answer = call.acceptedNanos < 0 ? "no answer by the end"
                    : String.format("answered only at %.6fs", RunRecord.seconds(call.acceptedNanos));
            violations.add(new Violation("liveness", String.format(
                    "%s issued at %.6fs: %s; %s; last views installed: %s",
                    call.name(), RunRecord.seconds(call.issuedNanos), answer,
                    call.executedSeq == 0 ? "no correct replica executed it" : "agreed at seq " + call.executedSeq, views),
                    RunRecord.seconds(Math.max(call.issuedNanos, settledFromNanos) + boundNanos)));
        }
        if (stuck.size() > NAMED) {
            violations.add(new Violation("liveness", (stuck.size() - NAMED) + " more requests stuck", RunRecord.seconds(endNanos)));
        }
        return new Verdict(false, violations, String.format("liveness: %d of %d requests not answered within %.1f ms; first: %s",
                stuck.size(), judged, boundNanos / 1e6, violations.get(0).detail()));
    }
}
