package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;

/**
 * Writes are linearizable, and no acknowledged write is lost. Every write a client saw
 * answered (OK or a definite error: both are transactions) must be in the surviving history
 * at the zxid its answer named; and the history's order must respect real time: a write that
 * completed before another began comes first.
 */
final class WriteChecker {
    private record Acked(int client, long sessionId, long cxid, long zxid, long invokedNanos, long answeredNanos) {
    }

    private final CommitLog log;
    private final TreeMap<Long, Long> invoked = new TreeMap<>();
    private final List<Acked> acked = new ArrayList<>();

    WriteChecker(CommitLog log) {
        this.log = log;
    }

    void onCall(long timeNanos, Observations.Call c) {
        if (c.op().kind().isWrite()) {
            invoked.put(key(c.client(), c.cxid()), timeNanos);
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        if (!a.op().kind().isWrite()) {
            return;
        }
        Long at = invoked.remove(key(a.client(), a.cxid()));
        if (at == null || a.result().code() == Code.CONNECTION_LOSS) {
            return;
        }
        acked.add(new Acked(a.client(), a.sessionId(), a.cxid(), a.zxid(), at, timeNanos));
    }

    private static long key(int client, long cxid) {
        return CallKey.of(client, cxid);
    }

    int ackedWrites() {
        return acked.size();
    }

    List<Violation> lost() {
        List<Violation> out = new ArrayList<>();
        TreeMap<Long, CommitLog.Entry> surviving = log.survivingHistory();
        for (Acked w : acked) {
            CommitLog.Entry e = surviving.get(w.zxid);
            if (e == null) {
                out.add(new Violation("lost-write", "c" + w.client + "'s write #" + w.cxid + " was acknowledged at zxid "
                        + Zxid.show(w.zxid) + " but is not in the surviving history", w.answeredNanos / 1e9));
            } else if (e.sessionId != w.sessionId || e.cxid != w.cxid) {
                out.add(new Violation("lost-write", "c" + w.client + "'s write #" + w.cxid + " was acknowledged at zxid "
                        + Zxid.show(w.zxid) + " but the surviving history holds another transaction there", w.answeredNanos / 1e9));
            }
        }
        return out;
    }

    /** Real-time order: no write is ordered before a write that was acknowledged before it was issued. */
    List<Violation> linearizable() {
        List<Violation> out = new ArrayList<>();
        TreeMap<Long, CommitLog.Entry> surviving = log.survivingHistory();
        List<Acked> placed = new ArrayList<>();
        for (Acked w : acked) {
            if (surviving.containsKey(w.zxid)) {
                placed.add(w);
            }
        }
        List<Acked> byInvoke = new ArrayList<>(placed);
        byInvoke.sort(Comparator.comparingLong(Acked::invokedNanos));
        List<Acked> byAnswer = new ArrayList<>(placed);
        byAnswer.sort(Comparator.comparingLong(Acked::answeredNanos));
        int next = 0;
        Acked latestDone = null;
        for (Acked w : byInvoke) {
            while (next < byAnswer.size() && byAnswer.get(next).answeredNanos < w.invokedNanos) {
                Acked done = byAnswer.get(next++);
                if (latestDone == null || done.zxid > latestDone.zxid) {
                    latestDone = done;
                }
            }
            if (latestDone != null && w.zxid < latestDone.zxid) {
                out.add(new Violation("linearizability", "c" + w.client + "'s write #" + w.cxid + " (zxid " + Zxid.show(w.zxid)
                        + ") is ordered before c" + latestDone.client + "'s write #" + latestDone.cxid + " (zxid "
                        + Zxid.show(latestDone.zxid) + "), which was acknowledged before it was issued", w.answeredNanos / 1e9));
            }
        }
        return out;
    }
}
