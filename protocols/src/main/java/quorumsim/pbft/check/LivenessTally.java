package quorumsim.pbft.check;

import java.util.Comparator;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongFunction;

/**
 * Liveness judged as requests are answered, when the run says up front when the last fault
 * heals and what the bound is: an answer later than the bound is counted stuck (the first
 * few in issue order kept for the report); an answer in time is counted judged once its
 * deadline has passed (only deadlines still ahead are kept, by count). Nothing else of an
 * answered request is kept.
 */
final class LivenessTally {
    /** A request answered after its deadline. */
    record Late(String name, long issuedNanos, long acceptedNanos) {
    }

    static final Comparator<Late> ISSUE_ORDER = Comparator.comparingLong(Late::issuedNanos).thenComparing(Late::name);

    final long settledFromNanos;
    final long boundNanos;
    private final int named;
    /** "c0/0 t=249" from a call key, as the run's record names calls. */
    private final LongFunction<String> callNames;
    private long inTime;
    private long late;
    private final TreeSet<Late> firstLate = new TreeSet<>(ISSUE_ORDER);
    /** Answered in time, deadline not passed yet: how many per deadline. */
    private final TreeMap<Long, Long> deadlinesAhead = new TreeMap<>();

    LivenessTally(long settledFromNanos, long boundNanos, int named, LongFunction<String> callNames) {
        this.settledFromNanos = settledFromNanos;
        this.boundNanos = boundNanos;
        this.named = named;
        this.callNames = callNames;
    }

    void answered(long issuedNanos, long acceptedNanos, long callKey) {
        while (!deadlinesAhead.isEmpty() && deadlinesAhead.firstKey() <= acceptedNanos) {
            inTime += deadlinesAhead.pollFirstEntry().getValue();        // passed: judged, and it held
        }
        long deadline = Math.max(issuedNanos, settledFromNanos) + boundNanos;
        if (acceptedNanos > deadline) {
            late++;
            firstLate.add(new Late(callNames.apply(callKey), issuedNanos, acceptedNanos));
            if (firstLate.size() > named) {
                firstLate.pollLast();
            }
        } else {
            deadlinesAhead.merge(deadline, 1L, Long::sum);
        }
    }

    /** Answered requests judged by {@code endNanos}: those whose deadline had passed, and every late one. */
    long judged(long endNanos) {
        long judged = inTime + late;
        for (long count : deadlinesAhead.headMap(endNanos, true).values()) {
            judged += count;
        }
        return judged;
    }

    long late() {
        return late;
    }

    /** The first late answers in issue order (at most the number named). */
    TreeSet<Late> firstLate() {
        return firstLate;
    }
}
