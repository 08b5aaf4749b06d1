package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;

/**
 * Ephemeral nodes and sessions: no ephemeral node outlives its session's expiry by more than
 * the timeout. A session whose client no server has heard from for {@code timeout} must be
 * closed (its ephemerals deleted) within one more timeout, not counting time without an
 * established leader (a new leader gives every session a fresh timeout, as ZooKeeper's does).
 */
final class SessionChecker {
    private final long timeoutNanos;
    private final TreeMap<Long, Long> lastTouchNanos = new TreeMap<>();
    private final TreeSet<Long> withEphemerals = new TreeSet<>();
    private final TreeMap<Long, Long> closedNanos = new TreeMap<>();
    /** Instants the service gained ([0]) or lost ([1]) an established leader. */
    private final List<long[]> leaderless = new ArrayList<>();
    private long leaderlessSince = 0;
    private int establishedLeader = -1;

    SessionChecker(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    void onTouched(long timeNanos, Observations.SessionTouched t) {
        if (!closedNanos.containsKey(t.sessionId())) {
            lastTouchNanos.put(t.sessionId(), timeNanos);
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        if (a.op().kind() == Op.Kind.CREATE && a.op().ephemeral() && a.result().code() == Code.OK) {
            withEphemerals.add(a.sessionId());
            lastTouchNanos.merge(a.sessionId(), timeNanos, Math::max);
        }
    }

    void onApplied(long timeNanos, Observations.Applied a) {
        if (a.closesSession()) {
            closedNanos.putIfAbsent(a.sessionId(), timeNanos);
        }
    }

    void onLeading(long timeNanos, Observations.Leading l) {
        if (establishedLeader < 0 && leaderlessSince >= 0) {
            leaderless.add(new long[] {leaderlessSince, timeNanos});
        }
        establishedLeader = l.server();
        leaderlessSince = -1;
    }

    void onLooking(long timeNanos, Observations.Looking l) {
        if (l.server() == establishedLeader) {
            establishedLeader = -1;
            leaderlessSince = timeNanos;
        }
    }

    private long leaderlessNanos(long from, long to) {
        long total = 0;
        List<long[]> spans = new ArrayList<>(leaderless);
        if (establishedLeader < 0 && leaderlessSince >= 0) {
            spans.add(new long[] {leaderlessSince, to});
        }
        for (long[] s : spans) {
            total += Math.max(0, Math.min(s[1], to) - Math.max(s[0], from));
        }
        return total;
    }

    List<Violation> violations(long endNanos) {
        List<Violation> out = new ArrayList<>();
        for (long session : withEphemerals) {
            long last = lastTouchNanos.getOrDefault(session, 0L);
            Long closed = closedNanos.get(session);
            long until = closed == null ? endNanos : closed;
            long allowed = 2 * timeoutNanos + leaderlessNanos(last, until);
            if (until - last > allowed) {
                out.add(new Violation("session", "session 0x" + Long.toHexString(session) + ", which made ephemeral nodes, was "
                        + (closed == null ? "still open at the end, " : "closed ") + (until - last) / 1_000_000
                        + " ms after its last heartbeat (allowed " + allowed / 1_000_000 + " ms: expiry plus one timeout)",
                        (last + allowed) / 1e9));
            }
        }
        return out;
    }

    int sessionsClosed() {
        return closedNanos.size();
    }
}
