package quorumsim.zab.check;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import quorumsim.core.ObservationListener;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;
import quorumsim.zab.Observations;

/**
 * Every Zab checker, fed by the servers' and clients' observations: agreement on the
 * committed history, linearizable writes, no acknowledged write lost, FIFO client order,
 * sync and staleness, sessions and ephemeral nodes. Also the liveness bookkeeping
 * (calls not yet answered) and election timing.
 */
public final class ZabChecks implements ObservationListener {
    private final CommitLog log = new CommitLog();
    private final WriteChecker writes;
    private final FifoChecker fifo;
    private final StalenessChecker staleness;
    private final SessionChecker sessions;
    private final LivenessChecker liveness;
    private final List<Double> electionMillis = new ArrayList<>();
    private long lastEventNanos;
    private int establishedLeader = -1;
    private long leaderEpoch;
    private long leaderLostNanos = -1;
    private int leaderships;

    private final boolean steadyLoad;

    /**
     * @param steadyLoad the clients call all the time (the saturation benchmark), so a stretch
     *                   with no answer at all means the service stopped serving
     */
    public ZabChecks(long sessionTimeoutNanos, boolean steadyLoad) {
        this(sessionTimeoutNanos, steadyLoad, 0);
    }

    /** As {@link #ZabChecks(long, boolean)}, naming client node {@code servers + K} "cK" in violations, as charts do. */
    public ZabChecks(long sessionTimeoutNanos, boolean steadyLoad, int servers) {
        ClientNames names = new ClientNames(servers);
        this.writes = new WriteChecker(log, names);
        this.fifo = new FifoChecker(log, names);
        this.staleness = new StalenessChecker(log, names);
        this.liveness = new LivenessChecker(names);
        this.sessions = new SessionChecker(sessionTimeoutNanos);
        this.steadyLoad = steadyLoad;
    }

    @Override
    public void onObservation(long timeNanos, int node, Object event) {
        lastEventNanos = timeNanos;
        if (event instanceof Observations.Applied a) {
            if (leaderLostNanos >= 0 && node == establishedLeader && quorumsim.zab.Zxid.epoch(a.zxid()) == leaderEpoch) {
                leaderLostNanos = -1;                                // the leader itself still commits: a follower only flapped
            }
            log.onApplied(timeNanos, a);
            sessions.onApplied(timeNanos, a);
        } else if (event instanceof Observations.Answer a) {
            liveness.onAnswer(timeNanos, a);
            writes.onAnswer(timeNanos, a);
            fifo.onAnswer(timeNanos, a);
            staleness.onAnswer(timeNanos, a);
            sessions.onAnswer(timeNanos, a);
        } else if (event instanceof Observations.Call c) {
            liveness.onCall(timeNanos, c);
            writes.onCall(timeNanos, c);
            staleness.onCall(timeNanos, c);
        } else if (event instanceof Observations.SessionTouched t) {
            sessions.onTouched(timeNanos, t);
        } else if (event instanceof Observations.Installed i) {
            log.onInstalled(timeNanos, i);
        } else if (event instanceof Observations.Leading l) {
            if (leaderships++ > 0 && leaderLostNanos >= 0) {
                electionMillis.add((timeNanos - leaderLostNanos) / 1e6);
            }
            establishedLeader = l.server();
            leaderEpoch = l.epoch();
            leaderLostNanos = -1;
            sessions.onLeading(timeNanos, l);
        } else if (event instanceof Observations.Looking l) {
            if (leaderLostNanos < 0) {
                leaderLostNanos = timeNanos;                         // someone lost the leader (a crashed leader says nothing)
            }
            sessions.onLooking(timeNanos, l);
        }
    }

    /** Every safety property over the run so far. */
    public Verdict safety(long endNanos) {
        List<Violation> all = new ArrayList<>(log.violations());
        all.addAll(writes.lost());
        all.addAll(writes.linearizable());
        all.addAll(fifo.violations());
        all.addAll(staleness.violations());
        all.addAll(sessions.violations(endNanos));
        all.sort(java.util.Comparator.comparingDouble(Violation::time));
        return Verdict.of(all, "agreement on " + log.size() + " transactions; " + writes.ackedWrites()
                + " acknowledged writes linearizable and kept; FIFO order of " + fifo.answers() + " answers; sync and sessions");
    }

    /**
     * Once faults settled: every call answered within the bound, no stretch of the bound with calls
     * waiting and none completing, and (under a steady load) some answer in the last bound.
     */
    public Verdict liveness(long settledFromNanos, long boundNanos, long endNanos) {
        if (settledFromNanos + boundNanos >= endNanos) {
            return Verdict.notJudged("the run ends less than " + boundNanos / 1_000_000 + " ms (the bound) after the last fault;"
                    + " run longer or lower checks.livenessBound");
        }
        List<Violation> stuck = new ArrayList<>(liveness.violations(settledFromNanos, boundNanos, endNanos));
        if (steadyLoad && settledFromNanos + boundNanos < endNanos && liveness.lastCompletionNanos() < endNanos - boundNanos) {
            stuck.add(0, new Violation("liveness", "no call was answered in the last " + boundNanos / 1_000_000 + " ms",
                    (endNanos - boundNanos) / 1e9));
        }
        return Verdict.of(stuck, "every call answered within " + boundNanos / 1_000_000 + " ms once faults settled");
    }

    public int pendingCalls() {
        return liveness.pending();
    }

    /** Leader elections after the first: from the first server that lost the leader to the new one broadcasting, in ms. */
    public List<Double> electionMillis() {
        return electionMillis;
    }

    /** Figures for the summary: staleness distribution, elections, checked counts (sorted by name). */
    public TreeMap<String, Double> figures() {
        TreeMap<String, Double> f = new TreeMap<>();
        f.put("staleReadZxidLagP50", (double) staleness.zxidLag().getValueAtPercentile(50));
        f.put("staleReadZxidLagP99", (double) staleness.zxidLag().getValueAtPercentile(99));
        f.put("staleReadZxidLagMax", (double) staleness.zxidLag().getMaxValue());
        f.put("staleReadTimeLagMsP50", staleness.timeLagNanos().getValueAtPercentile(50) / 1e6);
        f.put("staleReadTimeLagMsP99", staleness.timeLagNanos().getValueAtPercentile(99) / 1e6);
        f.put("staleReadTimeLagMsMax", staleness.timeLagNanos().getMaxValue() / 1e6);
        f.put("staleReads", (double) staleness.staleReads());
        f.put("readsMeasured", (double) staleness.reads());
        f.put("staleReadsAfterSync", (double) staleness.staleReadsAfterSync());
        f.put("readsAfterSync", (double) staleness.readsAfterSync());
        f.put("acknowledgedWrites", (double) writes.ackedWrites());
        f.put("committedTransactions", (double) log.size());
        f.put("sessionsClosed", (double) sessions.sessionsClosed());
        f.put("electionMsMax", electionMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        return f;
    }

    public long lastEventNanos() {
        return lastEventNanos;
    }
}
