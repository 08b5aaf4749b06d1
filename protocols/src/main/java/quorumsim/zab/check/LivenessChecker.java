package quorumsim.zab.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.tree.Code;

/**
 * What Zab promises once the faults have settled and a quorum can talk: every call is answered
 * within the bound (its result, or CONNECTION_LOSS when its connection broke), and the service
 * makes progress: no stretch longer than the bound in which some call was waiting passes
 * without a call completing (an answer other than CONNECTION_LOSS). A client that keeps losing
 * its connection and retrying is answered every time, but the service is stalled all the same.
 *
 * <p>When the faults settle is known only at the end, so the checker keeps, of the finished
 * stretches (call to answer, or completion to completion), only those that could still be the
 * worst for some settling time: a stretch that ended earlier and was no longer than a later one
 * can never be worse than it. Memory stays small however long the run.
 */
final class LivenessChecker {
    private final ClientNames names;

    LivenessChecker(ClientNames names) {
        this.names = names;
    }
    /** A stretch of time: a call's wait for its answer, or a wait for any completion. */
    private record Stretch(long fromNanos, long toNanos, String what) {
        long lengthNanos() {
            return toNanos - fromNanos;
        }

        /** How long of it lies after {@code settledNanos}. */
        long afterNanos(long settledNanos) {
            return toNanos - Math.max(fromNanos, settledNanos);
        }
    }

    private final TreeMap<Long, Long> pendingCalls = new TreeMap<>();
    private final ArrayDeque<Stretch> slowestAnswers = new ArrayDeque<>();
    private final ArrayDeque<Stretch> longestStalls = new ArrayDeque<>();
    /** Since when some call has waited without any call completing, or -1. */
    private long stallSinceNanos = -1;
    private long lastCompletionNanos = -1;

    void onCall(long timeNanos, Observations.Call c) {
        pendingCalls.put(CallKey.of(c.client(), c.cxid()), timeNanos);
        if (stallSinceNanos < 0) {
            stallSinceNanos = timeNanos;
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        long key = CallKey.of(a.client(), a.cxid());
        Long issued = pendingCalls.remove(key);
        if (issued != null) {
            keep(slowestAnswers, new Stretch(issued, timeNanos, "call " + CallKey.show(key, names) + " was answered"));
        }
        if (a.result().code() == Code.CONNECTION_LOSS) {
            return;                                                  // no progress: the call's outcome is unknown
        }
        lastCompletionNanos = timeNanos;
        if (stallSinceNanos >= 0) {
            keep(longestStalls, new Stretch(stallSinceNanos, timeNanos, "no call completed"));
        }
        stallSinceNanos = pendingCalls.isEmpty() ? -1 : timeNanos;
    }

    /** Adds a finished stretch, dropping the earlier ones it dominates (no longer than it, and ended before it). */
    private static void keep(ArrayDeque<Stretch> kept, Stretch s) {
        while (!kept.isEmpty() && kept.peekLast().lengthNanos() <= s.lengthNanos()) {
            kept.pollLast();
        }
        kept.addLast(s);
    }

    int pending() {
        return pendingCalls.size();
    }

    long lastCompletionNanos() {
        return lastCompletionNanos;
    }

    /** The promise, judged from {@code settledFromNanos} on, at {@code endNanos}. */
    List<Violation> violations(long settledFromNanos, long boundNanos, long endNanos) {
        List<Violation> out = new ArrayList<>();
        List<Stretch> stalls = new ArrayList<>(longestStalls);
        if (stallSinceNanos >= 0) {
            stalls.add(new Stretch(stallSinceNanos, endNanos, "no call completed"));
        }
        Stretch worstStall = worst(stalls, settledFromNanos);
        if (worstStall != null && worstStall.afterNanos(settledFromNanos) > boundNanos) {
            long from = Math.max(worstStall.fromNanos, settledFromNanos);
            out.add(new Violation("liveness", worstStall.what + " for " + (worstStall.toNanos - from) / 1_000_000 + " ms (from "
                    + from / 1_000_000 + " ms) while calls were waiting", (from + boundNanos) / 1e9));
        }
        Stretch slowest = worst(slowestAnswers, settledFromNanos);
        if (slowest != null && slowest.afterNanos(settledFromNanos) > boundNanos) {
            long from = Math.max(slowest.fromNanos, settledFromNanos);
            out.add(new Violation("liveness", slowest.what + " " + (slowest.toNanos - from) / 1_000_000
                    + " ms after it was issued or faults settled", (from + boundNanos) / 1e9));
        }
        for (var e : pendingCalls.entrySet()) {
            long from = Math.max(e.getValue(), settledFromNanos);
            if (from + boundNanos < endNanos) {
                out.add(new Violation("liveness", "call " + CallKey.show(e.getKey(), names) + " issued at " + e.getValue() / 1_000_000
                        + " ms is still unanswered", (from + boundNanos) / 1e9));
            }
        }
        return out;
    }

    private static Stretch worst(Iterable<Stretch> stretches, long settledFromNanos) {
        Stretch worst = null;
        for (Stretch s : stretches) {
            if (worst == null || s.afterNanos(settledFromNanos) > worst.afterNanos(settledFromNanos)) {
                worst = s;
            }
        }
        return worst;
    }
}
