package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/**
 * Liveness: every request is answered within {@code boundNanos} of its issue or of
 * {@code settledFromNanos} (when the last fault healed), whichever is later. Requests
 * younger than the bound at the end are not judged. Stuck requests are named, in issue
 * order, with which the agreed order has them (for those never answered) and the views the
 * replicas are in. When the run said up front when the last fault heals and what the bound
 * is ({@link RunRecord#judgeLivenessWith}), answered requests were judged as they were
 * answered ({@link LivenessTally}); otherwise every answer was kept to judge now.
 */
public final class LivenessChecker {
    static final int NAMED = 20;

    private LivenessChecker() {
    }

    /** A request not answered in time: its name, when issued, when answered (-1: never), its agreed seq (0: none). */
    private record Stuck(String name, long issuedNanos, long acceptedNanos, long executedSeq) {
    }

    public static Verdict check(RunRecord run, long settledFromNanos, long boundNanos, long endNanos) {
        List<Stuck> stuck = new ArrayList<>();
        long judged = 0;
        long late = 0;
        LivenessTally tally = run.tally;
        if (tally != null) {
            if (tally.settledFromNanos != settledFromNanos || tally.boundNanos != boundNanos) {
                throw new IllegalArgumentException(String.format("liveness was to be judged from %d ns with a bound of %d ns,"
                        + " not from %d ns with %d ns", tally.settledFromNanos, tally.boundNanos, settledFromNanos, boundNanos));
            }
            judged = tally.judged(endNanos);
            late = tally.late();
            for (LivenessTally.Late l : tally.firstLate()) {
                stuck.add(new Stuck(l.name(), l.issuedNanos(), l.acceptedNanos(), -1));
            }
        } else {
            AnsweredCalls answered = run.answered;
            for (int i = 0; i < answered.size(); i++) {
                long start = Math.max(answered.issuedNanos(i), settledFromNanos);
                if (start + boundNanos > endNanos) {
                    continue;
                }
                judged++;
                if (answered.acceptedNanos(i) > start + boundNanos) {
                    late++;
                    stuck.add(new Stuck(run.callName(answered.callKey(i)), answered.issuedNanos(i), answered.acceptedNanos(i), -1));
                }
            }
        }
        long unanswered = 0;
        for (RunRecord.ClientCall call : run.inFlight()) {
            if (Math.max(call.issuedNanos, settledFromNanos) + boundNanos > endNanos) {
                continue;
            }
            judged++;
            unanswered++;
            stuck.add(new Stuck(call.name(), call.issuedNanos, -1, call.executedSeq));
        }
        long stuckCount = late + unanswered;
        if (stuckCount == 0) {
            return judged == 0
                    ? Verdict.notJudged(String.format(Locale.ROOT, "no request was issued at least %.0f ms (the bound) before the end and after the last fault;"
                            + " run longer or lower checks.livenessBound", boundNanos / 1e6))
                    : Verdict.ok(String.format(Locale.ROOT, "all %,d requests issued at least %.0f ms before the end (and after the last fault)"
                            + " were answered within %.0f ms", judged, boundNanos / 1e6, boundNanos / 1e6));
        }
        stuck.sort(Comparator.comparingLong(Stuck::issuedNanos).thenComparing(Stuck::name));
        StringBuilder views = new StringBuilder();
        for (int r = 0; r < run.replicas(); r++) {
            views.append(r == 0 ? "" : ", ").append(run.name(r)).append(" v").append(run.lastViewInstalled[r])
                    .append(run.isCorrect(r) ? "" : " (faulty)");
        }
        List<Violation> violations = new ArrayList<>();
        for (Stuck call : stuck.subList(0, Math.min(NAMED, stuck.size()))) {
            String answer = call.acceptedNanos() < 0
                    ? "no answer by the end; " + (call.executedSeq() == 0 ? "no correct replica executed it" : "agreed at seq " + call.executedSeq())
                    : String.format("answered only at %.6fs", RunRecord.seconds(call.acceptedNanos()));
            violations.add(new Violation("liveness", String.format("%s issued at %.6fs: %s; last views installed: %s",
                    call.name(), RunRecord.seconds(call.issuedNanos()), answer, views),
                    RunRecord.seconds(Math.max(call.issuedNanos(), settledFromNanos) + boundNanos)));
        }
        if (stuckCount > NAMED) {
            violations.add(new Violation("liveness", (stuckCount - NAMED) + " more requests stuck", RunRecord.seconds(endNanos)));
        }
        return new Verdict(false, violations, String.format(Locale.ROOT, "%,d of %,d requests not answered within %.0f ms; first: %s",
                stuckCount, judged, boundNanos / 1e6, violations.get(0).detail()));
    }
}
