package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.HdrHistogram.Histogram;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;

/**
 * Reads may be stale; this counts the reads that were and measures by how much, and checks the
 * one promise about it: after a sync answers, the same client never reads a state older than
 * the sync's point, which is at least every write acknowledged before the sync was issued.
 *
 * <p>A read is stale when a write to the node it reads (for getChildren, a create or delete of
 * a child) had been acknowledged to some client before the read was issued, and the state the
 * read saw does not include it. It was behind by the transactions from its state to that write,
 * and for the time from that write's acknowledgement to the read's answer. Reads issued right
 * after their client's sync are counted apart: the sync is there to make them fresh. A sync that
 * a read-only server refuses (NOT_READONLY) promises nothing, so the read after it is an ordinary
 * one, and a refused write was never done.
 */
final class StalenessChecker {
    /** The latest write to a node acknowledged so far: its place in the commit order, and when. */
    private record Acked(long position, long ackedNanos) {
    }

    private final ClientNames names;
    private final CommitLog log;
    private final Histogram zxidLag = new Histogram(1L << 40, 3);
    private final Histogram timeLagNanos = new Histogram(3_600_000_000_000L, 3);
    private final TreeMap<Long, Long> syncFloorAtCall = new TreeMap<>();
    private final TreeMap<Integer, Long> readFloor = new TreeMap<>();
    private final TreeMap<String, Acked> lastAckedWrite = new TreeMap<>();
    /** Reads in flight: the latest write to their node acknowledged before they were issued (absent if none). */
    private final TreeMap<Long, Acked> writeBeforeRead = new TreeMap<>();
    /** Reads in flight that their client issued right after a sync. */
    private final TreeSet<Long> readAfterSync = new TreeSet<>();
    /** Clients whose last call was a sync. */
    private final TreeSet<Integer> justSynced = new TreeSet<>();
    /** Each client's latest sync in flight, and the read issued right after it. */
    private final TreeMap<Integer, Long> lastSync = new TreeMap<>();
    private final TreeMap<Long, Long> readAfterSyncOf = new TreeMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private long maxAckedPosition;
    private long reads;
    private long staleReads;
    private long readsAfterSync;
    private long staleReadsAfterSync;

    StalenessChecker(CommitLog log, ClientNames names) {
        this.names = names;
        this.log = log;
    }

    void onCall(long timeNanos, Observations.Call c) {
        Op.Kind kind = c.op().kind();
        if (kind == Op.Kind.SYNC) {
            syncFloorAtCall.put(CallKey.of(c.client(), c.cxid()), maxAckedPosition);
            justSynced.add(c.client());
            lastSync.put(c.client(), CallKey.of(c.client(), c.cxid()));
            return;
        }
        boolean afterSync = justSynced.remove(c.client());
        if (kind.isWrite()) {
            return;
        }
        long key = CallKey.of(c.client(), c.cxid());
        Acked before = lastAckedWrite.get(c.op().path());
        if (before != null) {
            writeBeforeRead.put(key, before);
        }
        if (afterSync) {
            readAfterSync.add(key);
            Long sync = lastSync.remove(c.client());
            if (sync != null) {
                readAfterSyncOf.put(sync, key);
            }
        }
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        long key = CallKey.of(a.client(), a.cxid());
        if (a.result().code() == Code.CONNECTION_LOSS) {
            syncFloorAtCall.remove(key);
            writeBeforeRead.remove(key);
            readAfterSync.remove(key);
            readAfterSyncOf.remove(key);
            return;
        }
        if (a.result().code() == Code.NOT_READONLY) {               // refused: no write done, no sync point
            syncFloorAtCall.remove(key);
            Long read = readAfterSyncOf.remove(key);
            if (read != null) {
                readAfterSync.remove(read);
            }
            return;
        }
        readAfterSyncOf.remove(key);
        long position = log.position(a.zxid());
        Op.Kind kind = a.op().kind();
        if (kind.isWrite()) {
            maxAckedPosition = Math.max(maxAckedPosition, position);
            if (a.result().code() == Code.OK && position >= 0) {
                acknowledged(a, new Acked(position, timeNanos));
            }
        } else if (kind == Op.Kind.SYNC) {
            Long floor = syncFloorAtCall.remove(key);
            if (floor != null && position < floor) {
                violations.add(new Violation("sync", names.of(a.client()) + "'s sync answered at zxid " + Zxid.show(a.zxid())
                        + ", before a write acknowledged before the sync was issued", timeNanos / 1e9));
            }
            readFloor.merge(a.client(), position, Math::max);
        } else {
            measure(timeNanos, position, writeBeforeRead.remove(key), readAfterSync.remove(key));
            long floor = readFloor.getOrDefault(a.client(), 0L);
            if (position >= 0 && position < floor) {
                violations.add(new Violation("sync", names.of(a.client()) + " read state at zxid " + Zxid.show(a.zxid())
                        + ", older than the point of its earlier sync", timeNanos / 1e9));
            }
        }
    }

    /** A write was acknowledged: it is the latest for its node, and for the parent's children if it creates or deletes. */
    private void acknowledged(Observations.Answer a, Acked acked) {
        Op.Kind kind = a.op().kind();
        String path = kind == Op.Kind.CREATE ? a.result().path() : a.op().path();
        if (kind == Op.Kind.CREATE_SESSION || kind == Op.Kind.CLOSE_SESSION || path == null || path.isEmpty()) {
            return;
        }
        lastAckedWrite.put(path, acked);
        if (kind == Op.Kind.CREATE || kind == Op.Kind.DELETE) {
            lastAckedWrite.put(parent(path), acked);
        }
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private void measure(long timeNanos, long position, Acked before, boolean afterSync) {
        if (position < 0) {
            return;
        }
        reads++;
        if (afterSync) {
            readsAfterSync++;
        }
        if (before == null || position >= before.position()) {
            return;
        }
        staleReads++;
        if (afterSync) {
            staleReadsAfterSync++;
        }
        zxidLag.recordValue(before.position() - position);
        timeLagNanos.recordValue(Math.max(0, timeNanos - before.ackedNanos()));
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

    long reads() {
        return reads;
    }

    long staleReads() {
        return staleReads;
    }

    long readsAfterSync() {
        return readsAfterSync;
    }

    long staleReadsAfterSync() {
        return staleReadsAfterSync;
    }
}
