package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.Code;

/**
 * FIFO client order: a client's calls are answered in the order it issued them, and what it
 * sees never goes back in the write order (a read after its own write sees that write; a new
 * server it moves to is at least as recent as what it saw).
 */
final class FifoChecker {
    private final ClientNames names;
    private final TreeMap<Integer, Long> lastCxid = new TreeMap<>();
    private final TreeMap<Integer, Long> lastZxid = new TreeMap<>();
    private final CommitLog log;
    private final List<Violation> violations = new ArrayList<>();
    private long answers;

    FifoChecker(CommitLog log, ClientNames names) {
        this.names = names;
        this.log = log;
    }

    void onAnswer(long timeNanos, Observations.Answer a) {
        if (a.result().code() == Code.CONNECTION_LOSS) {
            return;
        }
        answers++;
        long previousCxid = lastCxid.getOrDefault(a.client(), 0L);
        if (a.cxid() <= previousCxid) {
            violations.add(new Violation("fifo", names.of(a.client()) + " got the answer to call #" + a.cxid()
                    + " after the answer to its later call #" + previousCxid, timeNanos / 1e9));
        }
        lastCxid.put(a.client(), Math.max(previousCxid, a.cxid()));
        long seen = lastZxid.getOrDefault(a.client(), 0L);
        long seenPosition = log.position(seen);
        long position = log.position(a.zxid());
        if (position >= 0 && seenPosition >= 0 && position < seenPosition) {
            violations.add(new Violation("fifo", names.of(a.client()) + "'s call #" + a.cxid() + " (" + a.op().kind()
                    + ") saw zxid " + Zxid.show(a.zxid()) + ", older than the " + Zxid.show(seen) + " it had already seen", timeNanos / 1e9));
        }
        if (position >= seenPosition) {
            lastZxid.put(a.client(), a.zxid());
        }
    }

    long answers() {
        return answers;
    }

    List<Violation> violations() {
        return violations;
    }
}
