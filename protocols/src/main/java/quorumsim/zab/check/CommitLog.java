package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.TreeMap;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;

/**
 * The committed history as the servers report it: for each zxid, the transaction and the
 * digest of the whole history up to it. Two servers that apply different transactions at the
 * same zxid, the same transaction after different histories, or different transactions right
 * after the same one (a committed transaction undone), break agreement (Zab's integrity and
 * total order).
 */
public final class CommitLog {
    /** One transaction of the history. */
    public static final class Entry {
        final long zxid;
        final long previousZxid;
        final long txnDigest;
        final long chain;
        final long sessionId;
        final long cxid;
        final long position;
        final long firstAppliedNanos;
        /** The zxid applied right after this one, once some server has. */
        long successor;

        Entry(Observations.Applied a, long position, long timeNanos) {
            this.zxid = a.zxid();
            this.previousZxid = a.previousZxid();
            this.txnDigest = a.txnDigest();
            this.chain = a.chain();
            this.sessionId = a.sessionId();
            this.cxid = a.cxid();
            this.position = position;
            this.firstAppliedNanos = timeNanos;
        }
    }

    private final TreeMap<Long, Entry> byZxid = new TreeMap<>();
    private final ArrayList<Entry> byPosition = new ArrayList<>();
    private final List<Violation> violations = new ArrayList<>();
    private final Set<Long> conflicted = new TreeSet<>();
    private Entry latest;
    /** The first transaction any server applied (the successor of the empty state), or 0. */
    private long firstZxid;

    void onApplied(long timeNanos, Observations.Applied a) {
        Entry known = byZxid.get(a.zxid());
        if (known != null) {
            if (known.chain != a.chain() && conflicted.add(a.zxid())) {
                violations.add(new Violation("agreement", "s" + a.server() + " applied a different "
                        + (known.txnDigest != a.txnDigest() ? "transaction" : "history") + " at zxid " + Zxid.show(a.zxid())
                        + " than was applied first elsewhere", timeNanos / 1e9));
            }
            return;
        }
        Entry previous = byZxid.get(a.previousZxid());
        long successor = a.previousZxid() == 0 ? firstZxid : previous == null ? 0 : previous.successor;
        if (successor != 0 && successor != a.zxid() && conflicted.add(a.zxid())) {
            violations.add(new Violation("agreement", "s" + a.server() + " applied zxid " + Zxid.show(a.zxid()) + " right after "
                    + (a.previousZxid() == 0 ? "the empty state" : Zxid.show(a.previousZxid())) + ", where " + Zxid.show(successor)
                    + " had been applied: a committed transaction was undone", timeNanos / 1e9));
        }
        if (a.previousZxid() == 0 && firstZxid == 0) {
            firstZxid = a.zxid();
        } else if (previous != null && previous.successor == 0) {
            previous.successor = a.zxid();
        }
        long position = previous == null ? (a.previousZxid() == 0 ? 1 : -1) : previous.position + 1;
        Entry e = new Entry(a, position, timeNanos);
        byZxid.put(a.zxid(), e);
        if (position == byPosition.size() + 1) {
            byPosition.add(e);
        }
        if (latest == null || a.zxid() > latest.zxid) {
            latest = e;
        }
    }

    void onInstalled(long timeNanos, Observations.Installed i) {
        Entry known = byZxid.get(i.zxid());
        if (i.zxid() != 0 && known != null && known.chain != i.chain() && conflicted.add(i.zxid())) {
            violations.add(new Violation("agreement", "s" + i.server() + " installed a state at zxid " + Zxid.show(i.zxid())
                    + " whose history differs from the one applied elsewhere", timeNanos / 1e9));
        }
    }

    List<Violation> violations() {
        return violations;
    }

    Entry get(long zxid) {
        return byZxid.get(zxid);
    }

    /** Position of a zxid in the history (1 = first transaction), 0 for the empty state, -1 if unknown. */
    long position(long zxid) {
        if (zxid == 0) {
            return 0;
        }
        Entry e = byZxid.get(zxid);
        return e == null ? -1 : e.position;
    }

    Entry latest() {
        return latest;
    }

    long latestPosition() {
        return latest == null ? 0 : latest.position;
    }

    /** The entry at a position of the first-seen history, or null. */
    Entry atPosition(long position) {
        return position >= 1 && position <= byPosition.size() ? byPosition.get((int) (position - 1)) : null;
    }

    public int size() {
        return byZxid.size();
    }
}
