package quorumsim.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.disk.DiskConfig;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.result.Verdict;
import quorumsim.zab.Observations;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.client.SaturationDriver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;

/**
 * The ZooKeeper paper's throughput under failures (section 5.1, Figure 8), with the Table 1
 * calibration unchanged: 5 servers, 30% writes, the 250 saturating clients. A follower's
 * process crashes and restarts, then the leader's does. The timeline is completions per
 * {@link #ROW_NANOS}; for each failure it reports the rate before, how deep the dip went, the
 * time until the rate is back to 90% of what it was, and for the leader's the election (crash
 * to the next leader broadcasting) and the outage (crash to the first write issued after it
 * being answered).
 *
 * @param seed        the seed it ran with
 * @param timeline    completions per row, from time zero
 * @param events      what happened and what followed
 * @param electionMs  leader crash to the next leader broadcasting
 * @param outageMs    leader crash to the first write issued after it being answered
 * @param safetyHolds the Zab checkers found nothing
 */
public record ZkFailures(long seed, List<Point> timeline, List<Event> events, double electionMs, double outageMs, int leaderChanges,
                         boolean safetyHolds, String safety, long simEvents, String digest, double wallSeconds) {
    public static final int SERVERS = 5;
    public static final int READ_PCT = 70;
    static final long ROW_NANOS = 100_000_000L;
    static final long CLIENT_START_NANOS = 1_000_000_000L;
    /** The follower s0 crashes, then restarts; then the leader, s4, does. */
    static final int FOLLOWER = 0;
    static final int LEADER = SERVERS - 1;
    static final long FOLLOWER_CRASH_NANOS = 4_000_000_000L;
    static final long FOLLOWER_RECOVER_NANOS = 6_000_000_000L;
    static final long LEADER_CRASH_NANOS = 9_000_000_000L;
    static final long LEADER_RECOVER_NANOS = 11_000_000_000L;
    static final long END_NANOS = 14_000_000_000L;
    /** The rate before an event is the mean over this long before it. */
    static final long BEFORE_NANOS = 1_000_000_000L;
    /** Back to full throughput: a row at this share of the rate before. */
    static final double RECOVERED_SHARE = 0.9;

    /** One row of timeline.csv. */
    public record Point(double second, double opsPerSec) {
    }

    /**
     * @param what           e.g. "crash s0 (follower)"
     * @param second         when
     * @param beforeOpsPerSec the mean rate over the second before
     * @param lowestOpsPerSec the lowest row until the next event
     * @param backMs          from the event to the first row at 90% of the rate before, or -1 if none before the next event
     */
    public record Event(String what, double second, double beforeOpsPerSec, double lowestOpsPerSec, double backMs) {
    }

    public static ZkFailures run(ZkExperiment experiment, long seed) {
        long wallStart = System.nanoTime();
        ZabConfig config = experiment.config(SERVERS, READ_PCT);
        Simulation sim = new Simulation(seed, experiment.calibration().networkConfig(), ZabDeployment.costModel(config), ROW_NANOS);
        ZabDeployment deployment = ZabDeployment.deploy(sim, config);
        int serving = config.servingServers();
        NodeSpec clientSpec = NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).disk(DiskConfig.INSTANT).build();
        for (int c = 0; c < experiment.clients(); c++) {
            int first = c % serving;
            SaturationDriver driver = new SaturationDriver("/c" + c, READ_PCT / 100.0, experiment.outstanding(), ZkPaper.REQUEST_BYTES, 0);
            sim.addNode("c" + c, clientSpec, (self, store) ->
                    new DelayedStart(new ZkClient(first, SERVERS, config.sessionTimeoutNanos(), driver), CLIENT_START_NANOS));
        }
        sim.at(LEADER_CRASH_NANOS, () -> {
            int[] leader = sim.resolve(new Target.Role("leader"), false);
            if (leader.length != 1 || leader[0] != LEADER) {
                throw new IllegalStateException("s" + LEADER + " should lead when it crashes; the leaders are " + java.util.Arrays.toString(leader));
            }
        });
        sim.scheduleFault(FOLLOWER_CRASH_NANOS, new Fault.Crash(new Target.Nodes(FOLLOWER)));
        sim.scheduleFault(FOLLOWER_RECOVER_NANOS, new Fault.Recover(new Target.Nodes(FOLLOWER)));
        sim.scheduleFault(LEADER_CRASH_NANOS, new Fault.Crash(new Target.Nodes(LEADER)));
        sim.scheduleFault(LEADER_RECOVER_NANOS, new Fault.Recover(new Target.Nodes(LEADER)));
        LeaderFailure watch = new LeaderFailure();
        sim.addObserver(watch::observe);
        sim.runUntil(END_NANOS);
        Verdict safety = deployment.safety();

        long[] perRow = sim.metrics().completionsPerBucket();
        List<Point> timeline = new ArrayList<>();
        int rows = (int) (END_NANOS / ROW_NANOS);
        for (int i = 0; i < rows; i++) {
            timeline.add(new Point((i + 1) * ROW_NANOS / 1e9, rate(perRow, i)));
        }
        List<Event> events = List.of(
                event("crash s" + FOLLOWER + " (follower)", FOLLOWER_CRASH_NANOS, FOLLOWER_RECOVER_NANOS, perRow),
                event("restart s" + FOLLOWER, FOLLOWER_RECOVER_NANOS, LEADER_CRASH_NANOS, perRow),
                event("crash s" + LEADER + " (leader)", LEADER_CRASH_NANOS, LEADER_RECOVER_NANOS, perRow),
                event("restart s" + LEADER, LEADER_RECOVER_NANOS, END_NANOS, perRow));
        return new ZkFailures(seed, timeline, events, watch.electionNanos / 1e6, watch.outageNanos / 1e6,
                deployment.leaderChanges(), safety.holds(), safety.detail(), sim.events(), sim.digestHex(),
                (System.nanoTime() - wallStart) / 1e9);
    }

    /** The failures as stretches and the new leader as an instant, for the chart. */
    public List<quorumsim.result.FaultWindow> windows() {
        List<quorumsim.result.FaultWindow> w = new ArrayList<>();
        w.add(new quorumsim.result.FaultWindow("s" + FOLLOWER + " (follower) down", FOLLOWER_CRASH_NANOS / 1e9, FOLLOWER_RECOVER_NANOS / 1e9));
        w.add(new quorumsim.result.FaultWindow("s" + LEADER + " (leader) down", LEADER_CRASH_NANOS / 1e9, LEADER_RECOVER_NANOS / 1e9));
        if (electionMs >= 0) {
            double elected = LEADER_CRASH_NANOS / 1e9 + electionMs / 1e3;
            w.add(new quorumsim.result.FaultWindow("new leader", elected, elected));
        }
        return w;
    }

    private static double rate(long[] perRow, int row) {
        return (row < perRow.length ? perRow[row] : 0) * 1e9 / ROW_NANOS;
    }

    private static Event event(String what, long atNanos, long nextNanos, long[] perRow) {
        int at = (int) (atNanos / ROW_NANOS);
        int next = (int) (nextNanos / ROW_NANOS);
        int beforeRows = (int) (BEFORE_NANOS / ROW_NANOS);
        double before = 0;
        for (int i = at - beforeRows; i < at; i++) {
            before += rate(perRow, i) / beforeRows;
        }
        double lowest = Double.MAX_VALUE;
        double backMs = -1;
        for (int i = at; i < next; i++) {
            lowest = Math.min(lowest, rate(perRow, i));
            if (backMs < 0 && rate(perRow, i) >= RECOVERED_SHARE * before) {
                backMs = ((i + 1) * ROW_NANOS - atNanos) / 1e6;      // the end of the first row back
            }
        }
        return new Event(what, atNanos / 1e9, before, lowest, backMs);
    }

    /** The election and the outage after the leader's crash. */
    private static final class LeaderFailure {
        long electionNanos = -1;
        long outageNanos = -1;
        private final TreeSet<Long> writesIssued = new TreeSet<>();

        void observe(long timeNanos, int node, Object event) {
            if (timeNanos < LEADER_CRASH_NANOS) {
                return;
            }
            if (event instanceof Observations.Leading && electionNanos < 0) {
                electionNanos = timeNanos - LEADER_CRASH_NANOS;
            } else if (event instanceof Observations.Call c && c.op().kind().isWrite() && outageNanos < 0) {
                writesIssued.add(((long) c.client() << 40) | c.cxid());
            } else if (event instanceof Observations.Answer a && outageNanos < 0 && a.result().code() != Code.CONNECTION_LOSS
                    && a.result().code() != Code.SESSION_EXPIRED && writesIssued.contains(((long) a.client() << 40) | a.cxid())) {
                outageNanos = timeNanos - LEADER_CRASH_NANOS;
            }
        }
    }
}
