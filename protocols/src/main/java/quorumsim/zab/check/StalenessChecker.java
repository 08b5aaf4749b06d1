package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;

/**
 * Reads may be stale; this measures how stale (transactions behind the newest one any server
 * had applied, and for how long the first missing one had existed) and checks the one promise
 * about it: after a sync answers, the same client never reads a state older than the sync's
 * point, which is at least every write acknowledged before the sync was issued.
 */
final class StalenessChecker {
    private final ClientNames names;
    private final CommitLog log;
    private final Histogram zxidLag = new Histogram(1L << 40, 3);
    private final Histogram timeLagNanos = new Histogram(3_600_000_000_000L, 3);
    private final TreeMap<Long, Long> syncFloorAtCall = new TreeMap<>();
    private final TreeMap<Integer, Long> readFloor = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long maxAckedPosition;
    private long staleReads;

    StalenessChecker(CommitLog log, ClientNames names) {
        this.names = names;
        this.log = log;
    }

    void onCall(long timeNanos, Observations.Call c) {
        if (c.op().kind() == Op.Kind.SYNC) {
            syncFloorAtCall.put(CallKey.of(c.client(), c.cxid()), maxAckedPosition);
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        if (a.result().code() == Code.CONNECTION_LOSS) {
            if (a.op().kind() == Op.Kind.SYNC) {
                syncFloorAtCall.remove(CallKey.of(a.client(), a.cxid()));
            }
            return;
        }
        long position = log.position(a.zxid());
        Op.Kind kind = a.op().kind();
        if (kind.isWrite()) {
            maxAckedPosition = Math.max(maxAckedPosition, position);
        } else if (kind == Op.Kind.SYNC) {
            Long floor = syncFloorAtCall.remove(CallKey.of(a.client(), a.cxid()));
            if (floor != null && position < floor) {
                violations.add(new Violation("sync", names.of(a.client()) + "'s sync answered at zxid " + Zxid.show(a.zxid())
                        + ", before a write acknowledged before the sync was issued", timeNanos / 1e9));
            }
            readFloor.merge(a.client(), position, Math::max);
        } else {
            measure(timeNanos, position);
            long floor = readFloor.getOrDefault(a.client(), 0L);
            if (position >= 0 && position < floor) {
                violations.add(new Violation("sync", names.of(a.client()) + " read state at zxid " + Zxid.show(a.zxid())
                        + ", older than the point of its earlier sync", timeNanos / 1e9));
            }
        }
    }

    private void measure(long timeNanos, long position) {
        if (position < 0) {
            return;
        }
        long lag = Math.max(0, log.latestPosition() - position);
        zxidLag.recordValue(lag);
        if (lag == 0) {
            timeLagNanos.recordValue(0);
            return;
        }
        staleReads++;
        CommitLog.Entry missing = log.atPosition(position + 1);
        timeLagNanos.recordValue(missing == null ? 0 : Math.max(0, timeNanos - missing.firstAppliedNanos));
    }

    List<Violation> violations() {
        return violations;
    }

    Histogram zxidLag() {
        return zxidLag;
    }

    Histogram timeLagNanos() {
        return timeLagNanos;
    }

    long staleReads() {
        return staleReads;
    }
}
