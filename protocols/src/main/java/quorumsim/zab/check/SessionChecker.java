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
 * Ephemeral nodes and sessions. What ZooKeeper promises: the leader expires a session it has
 * not heard of for one timeout on its clock, and a new leader gives every session a fresh
 * timeout when it starts broadcasting. So a session that made ephemeral nodes is closed (its
 * ephemerals deleted) within two timeouts (expiry, plus one timeout of slack for the heartbeat
 * reports and the close's commit) of the later of its last heartbeat and the last time a leader
 * was established; time at the end of the run without an established leader (the leader went
 * back to election and none followed) does not count, as nobody can close anything then.
 */
final class SessionChecker {
    private final long timeoutNanos;
    private final TreeMap<Long, Long> lastTouchNanos = new TreeMap<>();
    private final TreeSet<Long> withEphemerals = new TreeSet<>();
    private final TreeMap<Long, Long> closedNanos = new TreeMap<>();
    /** When a leader was established (started broadcasting); one entry per election. */
    private final TreeSet<Long> establishedNanos = new TreeSet<>();
    /** Since when no leader is established (the established one went back to election), or -1. */
    private long leaderlessSince = -1;
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
        establishedNanos.add(timeNanos);
        establishedLeader = l.server();
        leaderlessSince = -1;
    }

    void onLooking(long timeNanos, Observations.Looking l) {
        if (l.server() == establishedLeader) {
            establishedLeader = -1;
            leaderlessSince = timeNanos;
        }
    }

    /** When the session's timeout last started: its last heartbeat, or a later leader's establishment. */
    private long timeoutStartNanos(long lastTouch, long until) {
        Long established = establishedNanos.floor(until);
        return established == null ? lastTouch : Math.max(lastTouch, established);
    }

    List<Violation> violations(long endNanos) {
        List<Violation> out = new ArrayList<>();
        for (long session : withEphemerals) {
            long last = lastTouchNanos.getOrDefault(session, 0L);
            Long closed = closedNanos.get(session);
            long until = closed == null ? endNanos : closed;
            long from = timeoutStartNanos(last, until);
            long leaderless = closed == null && leaderlessSince >= 0 ? until - Math.max(from, leaderlessSince) : 0;
            long allowed = (from - last) + 2 * timeoutNanos + Math.max(0, leaderless);
            if (until - last > allowed) {
                out.add(new Violation("session", "session 0x" + Long.toHexString(session) + ", which made ephemeral nodes, was "
                        + (closed == null ? "still open at the end, " : "closed ") + (until - last) / 1_000_000
                        + " ms after its last heartbeat (allowed " + allowed / 1_000_000
                        + " ms: two timeouts from the later of that heartbeat and the last leader's establishment)",
                        (last + allowed) / 1e9));
            }
        }
        return out;
    }

    int sessionsClosed() {
        return closedNanos.size();
    }
}
