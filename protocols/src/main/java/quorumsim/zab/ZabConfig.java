package quorumsim.zab;

import java.util.ArrayList;
import java.util.List;
import quorumsim.disk.DiskConfig;

/**
 * Everything a Zab deployment needs, immutable, with defaults from the ZooKeeper paper and the
 * era's code. Change fields with {@link #toBuilder()}; {@link #validate()} lists what is
 * wrong in one line each instead of throwing.
 *
 * @param servers                   number of servers (2f+1 by default)
 * @param quorum                    servers that must agree; 0 means a majority
 * @param unsafe                    allow a quorum below a majority (an experiment on what breaks)
 * @param leaderServes              whether the leader takes client connections
 * @param throttle                  requests in process over all serving servers (the paper: 2,000)
 * @param sessionTimeoutNanos       a session expires after this long without a word from its client
 * @param tickNanos                 ZooKeeper's tick: heartbeats go out every half tick
 * @param syncLimitTicks            a follower or leader that hears nothing for this many ticks gives up
 * @param electionFinalizeWaitNanos how long an election waits for a better vote once a quorum agrees
 * @param snapshotThreshold         a follower further behind than this many transactions gets a SNAP
 * @param cores                     CPU cores per server (the paper's Xeons had 2)
 * @param workload                  what the clients do
 * @param costs                     CPU costs per message, byte and request kind
 * @param disk                      each server's transaction log disk
 * @param readOnlyMode              a server cut off from the quorum serves reads, flagged possibly stale
 *                                  (ZooKeeper 3.4's readonlymode.enabled, with clients that accept
 *                                  read-only servers); off by default, as there
 * @param observers                 non-voting members beside the {@code servers} voters (ZooKeeper 3.3's
 *                                  observers): they take committed writes from the leader (INFORM) and
 *                                  serve clients, and take no part in quorums or elections
 * @param snapCount                 a server snapshots its tree after between snapCount/2 and snapCount logged
 *                                  transactions (3.3.6's zookeeper.snapCount, default 100,000; see {@link Snapshots})
 * @param dedicatedLogDevice        the transaction log has a device of its own, and snapshots go to another
 *                                  of the same model ({@code dataLogDir} apart from {@code dataDir}, the paper's
 *                                  set-up); false: one device holds both, as ZooKeeper's default does
 */
public record ZabConfig(int servers, int quorum, boolean unsafe, boolean leaderServes, int throttle,
                        long sessionTimeoutNanos, long tickNanos, int syncLimitTicks, long electionFinalizeWaitNanos,
                        int snapshotThreshold, int cores, ZabWorkload workload, ZabCosts costs, DiskConfig disk,
                        boolean readOnlyMode, int observers, int snapCount, boolean dedicatedLogDevice) {

    /**
     * What Zab assumes of its links, for the error that refuses a network breaking it: ZooKeeper
     * servers and clients talk over TCP, and Zab's proofs lean on it (a follower that acks
     * proposal k has every proposal before k).
     */
    public static final String TCP_LINKS = "its links are TCP connections, which deliver every message once and in order"
            + " while the connection lives";

    /**
     * Three servers, a majority quorum, every server serving, 2,000 requests in process, 2 cores,
     * a tick of 100 ms with a sync limit of 5 ticks (the era's defaults were 2 s and 5; a shorter
     * tick keeps runs short, and half a second still rides out a burst that fills a NIC),
     * a SATA log disk (an fsync of about 2 ms, 60 MB/s, group commit of up to 1,000
     * transactions), ten saturation clients reading and writing 1 KB.
     */
    public static ZabConfig defaults() {
        return new ZabConfig(3, 0, false, true, 2_000, 1_000_000_000L, 100_000_000L, 5, 200_000_000L,
                500, 2, new ZabWorkload("saturation", 10, 0.5, 1, 1024, 20_000_000L, 100_000_000L),
                ZabCosts.defaults(), new DiskConfig(2_000_000L, 60_000_000L, 1_000), false, 0, 100_000, false);
    }

    /** A quorum of {@code quorum()} or, when it is 0, a majority. */
    public int quorumSize() {
        return quorum > 0 ? quorum : Quorums.majority(servers);
    }

    public Quorums quorums() {
        return new Quorums(servers, quorumSize());
    }

    /** Every problem with this configuration, one line each; empty when it can run. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (servers < 1) {
            problems.add("servers " + servers + " must be at least 1");
        }
        int majority = Quorums.majority(Math.max(servers, 1));
        if (quorum < 0 || quorum > servers) {
            problems.add("quorum " + quorum + " must be between 1 and the " + servers + " servers (0 means a majority)");
        } else if (quorum > 0 && quorum < majority && !unsafe) {
            problems.add("quorum " + quorum + " is below a majority of " + servers + " (" + majority
                    + "); set unsafe: true to run it and see two leaders commit conflicting writes");
        }
        if (!leaderServes && servers < 2) {
            problems.add("leaderServes: false needs at least 2 servers, or nobody serves clients");
        }
        if (throttle < 1) {
            problems.add("throttle " + throttle + " must be at least 1 request in process");
        }
        if (tickNanos <= 0) {
            problems.add("tick must be positive");
        }
        if (syncLimitTicks < 1) {
            problems.add("syncLimit " + syncLimitTicks + " must be at least 1 tick");
        }
        if (sessionTimeoutNanos < 2 * tickNanos) {
            problems.add("session timeout must be at least 2 ticks, as ZooKeeper requires");
        }
        if (electionFinalizeWaitNanos < 0) {
            problems.add("election finalize wait must not be negative");
        }
        if (snapshotThreshold < 0) {
            problems.add("snapshot threshold must not be negative");
        }
        if (snapCount < 2) {
            problems.add("snapCount " + snapCount + " must be at least 2");
        }
        if (cores < 1) {
            problems.add("a server needs at least 1 core");
        }
        if (workload == null || !ZabWorkload.KINDS.contains(workload.kind())) {
            problems.add("workload kind " + (workload == null ? null : "'" + workload.kind() + "'") + " is not one of " + ZabWorkload.KINDS);
        } else {
            if (workload.clients() < 0) {
                problems.add("clients " + workload.clients() + " must not be negative");
            }
            if (!(workload.readRatio() >= 0 && workload.readRatio() <= 1)) {
                problems.add("readRatio " + workload.readRatio() + " must be within [0, 1]");
            }
            if (workload.outstanding() < 1) {
                problems.add("outstanding " + workload.outstanding() + " must be at least 1");
            }
            if (workload.loadStartNanos() < 0) {
                problems.add("loadStart must not be negative");
            }
            if (workload.requestSizeBytes() < 0) {
                problems.add("requestSize must not be negative");
            }
            if (!(workload.syncRatio() >= 0 && workload.syncRatio() <= 1)) {
                problems.add("sync " + workload.syncRatio() + " must be within [0, 1]");
            }
            if (workload.readNext() && !workload.kind().equals("saturation")) {
                problems.add("readNext is for the saturation workload only, not " + workload.kind());
            }
            if (workload.kind().equals("broadcast") && workload.clients() != 0) {
                problems.add("clients must be 0 with workload kind broadcast (the leader generates the transactions), got " + workload.clients());
            }
        }
        if (costs == null) {
            problems.add("costs are required");
        }
        if (disk == null) {
            problems.add("disk is required");
        }
        if (observers < 0 || observers > 1000) {
            problems.add("observers must be 0 to 1000, not " + observers);
        }
        return problems;
    }

    /** Servers that take client connections: all, or all but the leader (which is not known in advance: the followers of the first election, s0..s(n-2), since the highest id wins a tie). */
    public int servingServers() {
        return (leaderServes ? servers : Math.max(1, servers - 1)) + observers;
    }

    /** Voters and observers: nodes 0..members()-1 (voters first); clients come after them. */
    public int members() {
        return servers + observers;
    }

    /** The {@code index}-th serving member: voters 0..(serving voters - 1), then the observers. */
    public int servingMember(int index) {
        int voters = servingServers() - observers;
        return index < voters ? index : servers + (index - voters);
    }

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a ZabConfig is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private int servers;
        private int quorum;
        private boolean unsafe;
        private boolean leaderServes;
        private int throttle;
        private long sessionTimeoutNanos;
        private long tickNanos;
        private int syncLimitTicks;
        private long electionFinalizeWaitNanos;
        private int snapshotThreshold;
        private int cores;
        private ZabWorkload workload;
        private ZabCosts costs;
        private DiskConfig disk;
        private boolean readOnlyMode;
        private int observers;
        private int snapCount;
        private boolean dedicatedLogDevice;

        private Builder(ZabConfig c) {
            this.servers = c.servers;
            this.quorum = c.quorum;
            this.unsafe = c.unsafe;
            this.leaderServes = c.leaderServes;
            this.throttle = c.throttle;
            this.sessionTimeoutNanos = c.sessionTimeoutNanos;
            this.tickNanos = c.tickNanos;
            this.syncLimitTicks = c.syncLimitTicks;
            this.electionFinalizeWaitNanos = c.electionFinalizeWaitNanos;
            this.snapshotThreshold = c.snapshotThreshold;
            this.cores = c.cores;
            this.workload = c.workload;
            this.costs = c.costs;
            this.disk = c.disk;
            this.readOnlyMode = c.readOnlyMode;
            this.observers = c.observers;
            this.snapCount = c.snapCount;
            this.dedicatedLogDevice = c.dedicatedLogDevice;
        }

        public Builder servers(int value) {
            this.servers = value;
            return this;
        }

        /** 2f+1 servers: the fewest whose majority survives f crashes. */
        public Builder tolerating(int faults) {
            return servers(2 * faults + 1);
        }

        public Builder quorum(int value) {
            this.quorum = value;
            return this;
        }

        public Builder unsafe(boolean value) {
            this.unsafe = value;
            return this;
        }

        public Builder leaderServes(boolean value) {
            this.leaderServes = value;
            return this;
        }

        public Builder throttle(int value) {
            this.throttle = value;
            return this;
        }

        public Builder sessionTimeoutNanos(long value) {
            this.sessionTimeoutNanos = value;
            return this;
        }

        public Builder tickNanos(long value) {
            this.tickNanos = value;
            return this;
        }

        public Builder syncLimitTicks(int value) {
            this.syncLimitTicks = value;
            return this;
        }

        public Builder electionFinalizeWaitNanos(long value) {
            this.electionFinalizeWaitNanos = value;
            return this;
        }

        public Builder snapshotThreshold(int value) {
            this.snapshotThreshold = value;
            return this;
        }

        public Builder cores(int value) {
            this.cores = value;
            return this;
        }

        public Builder workload(ZabWorkload value) {
            this.workload = value;
            return this;
        }

        public Builder costs(ZabCosts value) {
            this.costs = value;
            return this;
        }

        public Builder disk(DiskConfig value) {
            this.disk = value;
            return this;
        }

        public Builder readOnlyMode(boolean value) {
            this.readOnlyMode = value;
            return this;
        }

        public Builder observers(int value) {
            this.observers = value;
            return this;
        }

        public Builder snapCount(int value) {
            this.snapCount = value;
            return this;
        }

        public Builder dedicatedLogDevice(boolean value) {
            this.dedicatedLogDevice = value;
            return this;
        }

        public ZabConfig build() {
            return new ZabConfig(servers, quorum, unsafe, leaderServes, throttle, sessionTimeoutNanos, tickNanos, syncLimitTicks, electionFinalizeWaitNanos, snapshotThreshold, cores, workload, costs, disk,
                    readOnlyMode, observers, snapCount, dedicatedLogDevice);
        }
    }
}
