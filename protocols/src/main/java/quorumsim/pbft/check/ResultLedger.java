package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.kv.Hashing;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.ServiceState;
import quorumsim.result.Violation;

/**
 * The clients' results checked as the run goes: the agreed order is replayed on a sequential
 * key-value store (with the replicas' exactly-once rule) as soon as it is known without gaps,
 * and each accepted result is compared with the replay's when both are known, then
 * forgotten. What is kept: per client stream the replay's result its client has not accepted
 * yet; results accepted before their request was replayed; batches agreed after a gap; and,
 * only when read-only requests are possible, per key a digest of each value it held after
 * the floor below (with the last sequence number that left it in place).
 *
 * <p>What PBFT promises (OSDI'99 section 4; TOCS'02 sections 5.1.2 and 5.1.3):
 * <ul>
 * <li>a result accepted from f+1 final replies, or from 2f+1 tentative ones to an ordered
 *     request, is the result of that request at its place in the agreed order (a request
 *     accepted tentatively may not commit before the run ends: then nothing is compared);
 * <li>a result accepted from 2f+1 replies to a request that went out read-only (read-only
 *     replies, maybe mixed with tentative ones after the client retried it as an ordered
 *     request) is the value its key held after some prefix of the agreed order, a prefix
 *     that ends at or after the checkpoint every correct replica had saved when the request
 *     was issued: f+1 of the replies come from correct replicas, each answering from its
 *     state, which never goes below its saved checkpoint. No tighter bound holds: a correct
 *     replica recovered from that checkpoint answers from it, and f+1 correct replicas can
 *     lag behind a write another client saw complete.
 * </ul>
 */
final class ResultLedger {
    /** A result the replay computed that the client has not accepted yet (one per stream: the latest). */
    private record Expected(long timestamp, String result) {
    }

    /** A result a client accepted before the replay reached its request. */
    private record Early(String name, String result, boolean tentative, long acceptedNanos) {
    }

    /** A read-only result whose value the key has not held in the replay so far. */
    private record Read(String name, String key, long valueDigest, String result, long acceptedNanos, long floorSeq) {
    }

    /** What one key held: its value now (since {@code writtenAt}) and, per earlier value, the last prefix it was held after. */
    private static final class Values {
        long current = Hashing.of("");
        long writtenAt;
        /** Looked up and pruned, never iterated in an order that matters: a HashMap is safe here. */
        final HashMap<Long, Long> heldThrough = new HashMap<>();

        boolean heldAtOrAfter(long valueDigest, long floorSeq) {
            return valueDigest == current || heldThrough.getOrDefault(valueDigest, -1L) >= floorSeq;
        }

        void write(long valueDigest, long seq) {
            if (writtenAt < seq) {
                heldThrough.merge(current, seq - 1, Math::max);           // (a value overwritten in its own batch was never held)
            }
            current = valueDigest;
            writtenAt = seq;
        }
    }

    private final boolean readOnlyPossible;
    private final ServiceState replay = new ServiceState();
    private long replayedThrough;
    private long replayedSeqs;
    private final TreeMap<Long, List<Request>> afterGap = new TreeMap<>();
    /** Looked up by client stream, never iterated: a HashMap is safe here. */
    private final HashMap<Long, Expected> unclaimed = new HashMap<>();
    private final TreeMap<Long, Early> early = new TreeMap<>();
    /** What each key held (when read-only requests are possible). */
    private final TreeMap<String, Values> held = new TreeMap<>();
    private final TreeMap<String, List<Read>> unmatchedReads = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long accepted;

    ResultLedger(boolean readOnlyPossible) {
        this.readOnlyPossible = readOnlyPossible;
    }

    /** The batch a correct replica was first to execute at {@code seq}. */
    void agreed(long seq, List<Request> batch) {
        afterGap.put(seq, batch);
        while (!afterGap.isEmpty() && afterGap.firstKey() == replayedThrough + 1) {
            Map.Entry<Long, List<Request>> next = afterGap.pollFirstEntry();
            replay(next.getKey(), next.getValue());
        }
    }

    private void replay(long seq, List<Request> batch) {
        replayedThrough = seq;
        replayedSeqs++;
        TreeSet<String> written = new TreeSet<>();
        for (Request r : batch) {
            ServiceState.CachedReply last = replay.lastReply(r.client(), r.stream());
            if (last != null && last.timestamp() >= r.timestamp()) {
                continue;                                                 // executed once already
            }
            String result = replay.execute(r.client(), r.stream(), r.timestamp(), r.op(), false);
            passedOver(r);
            Early e = early.remove(RunRecord.key(r.client(), r.stream(), r.timestamp()));
            if (e != null) {
                compare(e.name(), e.result(), e.acceptedNanos(), result);
            } else {
                unclaimed.put(ServiceState.clientStream(r.client(), r.stream()), new Expected(r.timestamp(), result));
            }
            if (readOnlyPossible && !r.op().isRead()) {
                String key = r.op().key();
                valuesOf(key).write(Hashing.of(replay.read(Operation.get(key))), seq);
                written.add(key);
            }
        }
        for (String key : written) {
            matchReads(key, valuesOf(key).current);
        }
    }

    /** Earlier requests of {@code r}'s stream accepted and not replayed will never be: the order skips them. */
    private void passedOver(Request r) {
        Map<Long, Early> skipped = early.subMap(RunRecord.key(r.client(), r.stream(), 0), RunRecord.key(r.client(), r.stream(), r.timestamp()));
        for (Early e : skipped.values()) {
            if (!e.tentative()) {
                violations.add(neverExecuted(e));
            }
        }
        skipped.clear();
    }

    /** A result a client accepted; {@code call.floorSeq} is the checkpoint every correct replica had saved at its issue. */
    void accepted(RunRecord.ClientCall call, long acceptedNanos, String result, boolean readOnly, boolean tentative) {
        accepted++;
        if (readOnly) {
            if (!readOnlyPossible) {
                throw new IllegalStateException(call.name() + " was accepted as read-only in a run without read-only requests");
            }
            long digest = Hashing.of(result);
            if (!valuesOf(call.op.key()).heldAtOrAfter(digest, call.floorSeq)) {
                unmatchedReads.computeIfAbsent(call.op.key(), k -> new ArrayList<>())
                        .add(new Read(call.name(), call.op.key(), digest, result, acceptedNanos, call.floorSeq));
            }
            return;
        }
        long stream = ServiceState.clientStream(call.client, call.stream);
        Expected want = unclaimed.get(stream);
        if (want != null && want.timestamp() == call.timestamp) {
            unclaimed.remove(stream);
            compare(call.name(), result, acceptedNanos, want.result());
        } else {
            early.put(RunRecord.key(call.client, call.stream, call.timestamp), new Early(call.name(), result, tentative, acceptedNanos));
        }
    }

    private Values valuesOf(String key) {
        return held.computeIfAbsent(key, k -> new Values());
    }

    /** No read-only request in flight or to come can return a value held only before {@code floorSeq}: forget those. */
    void forgetValuesBefore(long floorSeq) {
        for (Values values : held.values()) {
            values.heldThrough.values().removeIf(through -> through < floorSeq);
        }
    }

    private void matchReads(String key, long valueDigest) {
        List<Read> reads = unmatchedReads.get(key);
        if (reads != null) {
            reads.removeIf(read -> read.valueDigest() == valueDigest);
            if (reads.isEmpty()) {
                unmatchedReads.remove(key);
            }
        }
    }

    private void compare(String name, String result, long acceptedNanos, String want) {
        if (!want.equals(result)) {
            violations.add(new Violation("client-result", String.format("%s accepted result '%s' at %.6fs, but the agreed order gives '%s'",
                    name, result, RunRecord.seconds(acceptedNanos), want), RunRecord.seconds(acceptedNanos)));
        }
    }

    private static Violation neverExecuted(Early e) {
        return new Violation("client-result", String.format("%s accepted result '%s' at %.6fs, but no correct replica executed it",
                e.name(), e.result(), RunRecord.seconds(e.acceptedNanos())), RunRecord.seconds(e.acceptedNanos()));
    }

    /**
     * The violations so far and those the end of the run settles: an ordered result accepted
     * from final replies whose request no correct replica executed, a read-only value its key
     * never held. Batches still waiting behind a gap in the agreed order are replayed first.
     */
    List<Violation> violationsAtEnd() {
        while (!afterGap.isEmpty()) {
            Map.Entry<Long, List<Request>> next = afterGap.pollFirstEntry();
            replay(next.getKey(), next.getValue());
        }
        List<Violation> all = new ArrayList<>(violations);
        for (Early e : early.values()) {
            if (!e.tentative()) {
                all.add(neverExecuted(e));                                // (a tentative one may commit after the run)
            }
        }
        for (List<Read> reads : unmatchedReads.values()) {
            for (Read read : reads) {
                all.add(new Violation("client-result", String.format(
                        "%s accepted read-only result '%s' at %.6fs, a value %s held after no prefix of the agreed order from seq %d on"
                                + " (the checkpoint every correct replica had saved when it was issued)",
                        read.name(), read.result(), RunRecord.seconds(read.acceptedNanos()), read.key(), read.floorSeq()),
                        RunRecord.seconds(read.acceptedNanos())));
            }
        }
        all.sort(java.util.Comparator.comparingDouble(Violation::time));
        return all;
    }

    long accepted() {
        return accepted;
    }

    long replayedSeqs() {
        return replayedSeqs;
    }
}
