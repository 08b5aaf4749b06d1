package quorumsim.zab.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;

/**
 * Writes are linearizable, and no acknowledged write is lost. Every write a client saw answered
 * (OK or a definite error: both are transactions) was applied at the zxid its answer names
 * (the server that answered applied it first); that it stays in the history is agreement's
 * promise ({@link CommitLog}: a committed transaction is never undone). And the history's order
 * respects real time: a write that completed before another began comes first.
 *
 * <p>Checked as answers come, keeping only the calls in flight and the answers that a call in
 * flight could still be compared with.
 */
final class WriteChecker {
    private final ClientNames names;
    /** By {@code answeredNanos}, the write with the highest zxid answered so far: {@code client}'s {@code cxid} at {@code zxid}. */
    private record Done(long answeredNanos, int client, long cxid, long zxid) {
    }

    private final CommitLog log;
    private final TreeMap<Long, Long> invoked = new TreeMap<>();
    /** Invocation times of the writes in flight, counted: the earliest bounds what must be kept. */
    private final TreeMap<Long, Integer> inFlightSince = new TreeMap<>();
    /** In answer order, each with the highest-zxid write answered up to then. */
    private final ArrayDeque<Done> answered = new ArrayDeque<>();
    private final List<Violation> lost = new ArrayList<>();
    private final List<Violation> unordered = new ArrayList<>();
    private int ackedWrites;

    WriteChecker(CommitLog log, ClientNames names) {
        this.names = names;
        this.log = log;
    }

    void onCall(long timeNanos, Observations.Call c) {
        if (c.op().kind().isWrite()) {
            invoked.put(key(c.client(), c.cxid()), timeNanos);
            inFlightSince.merge(timeNanos, 1, Integer::sum);
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        if (!a.op().kind().isWrite()) {
            return;
        }
        Long at = invoked.remove(key(a.client(), a.cxid()));
        if (at == null) {
            return;
        }
        inFlightSince.compute(at, (t, n) -> n == 1 ? null : n - 1);
        if (a.result().code() == Code.CONNECTION_LOSS || a.result().code() == Code.NOT_READONLY) {
            return;                                                  // not done, or maybe not: nothing acknowledged
        }
        ackedWrites++;
        checkApplied(timeNanos, a);
        checkRealTimeOrder(timeNanos, at, a);
        Done latest = answered.isEmpty() || answered.peekLast().zxid() < a.zxid()
                ? new Done(timeNanos, a.client(), a.cxid(), a.zxid()) : answered.peekLast();
        answered.addLast(new Done(timeNanos, latest.client(), latest.cxid(), latest.zxid()));
        forgetWhatNoCallInFlightNeeds();
    }

    private void checkApplied(long timeNanos, Observations.Answer a) {
        CommitLog.Entry e = log.get(a.zxid());
        if (e == null) {
            lost.add(new Violation("lost-write", names.of(a.client()) + "'s write #" + a.cxid() + " was acknowledged at zxid "
                    + Zxid.show(a.zxid()) + ", which no server has applied", timeNanos / 1e9));
        } else if (e.sessionId != a.sessionId() || e.cxid != a.cxid()) {
            lost.add(new Violation("lost-write", names.of(a.client()) + "'s write #" + a.cxid() + " was acknowledged at zxid "
                    + Zxid.show(a.zxid()) + " but the history holds another transaction there", timeNanos / 1e9));
        }
    }

    /** No write is ordered before a write that was acknowledged before it was issued. */
    private void checkRealTimeOrder(long timeNanos, long invokedNanos, Observations.Answer a) {
        Done before = null;
        for (Iterator<Done> it = answered.descendingIterator(); it.hasNext(); ) {
            Done d = it.next();
            if (d.answeredNanos() < invokedNanos) {
                before = d;
                break;
            }
        }
        if (before != null && a.zxid() < before.zxid()) {
            unordered.add(new Violation("linearizability", names.of(a.client()) + "'s write #" + a.cxid() + " (zxid " + Zxid.show(a.zxid())
                    + ") is ordered before " + names.of(before.client()) + "'s write #" + before.cxid() + " (zxid "
                    + Zxid.show(before.zxid()) + "), which was acknowledged before it was issued", timeNanos / 1e9));
        }
    }

    /** Answers before the earliest write in flight matter only through the last of them (it carries the highest zxid). */
    private void forgetWhatNoCallInFlightNeeds() {
        long horizon = inFlightSince.isEmpty() ? Long.MAX_VALUE : inFlightSince.firstKey();
        while (answered.size() > 1) {
            Iterator<Done> it = answered.iterator();
            it.next();
            if (it.next().answeredNanos() >= horizon) {
                break;
            }
            answered.pollFirst();
        }
    }

    private static long key(int client, long cxid) {
        return CallKey.of(client, cxid);
    }

    int ackedWrites() {
        return ackedWrites;
    }

    List<Violation> lost() {
        return lost;
    }

    List<Violation> linearizable() {
        return unordered;
    }
}
