package quorumsim.pbft.adversary;

import java.util.List;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.kv.Workload;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.PbftClient;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftReplica;
import quorumsim.pbft.Quorums;
import quorumsim.pbft.check.AgreementChecker;
import quorumsim.pbft.check.ResultChecker;
import quorumsim.pbft.check.RunRecord;
import quorumsim.pbft.deploy.PbftDeployment;
import quorumsim.result.Verdict;

/**
 * PBFT with f = 1 (r0..r3) built as {@link PbftDeployment} builds it (real replicas, real
 * clients, the same checkers through the same {@link RunRecord}), except that one replica is a
 * {@link ForgingReplica}: the deployment's Byzantine wrapper has no behaviour that forges what
 * these tests need, and a test-only behaviour should not ship in it.
 */
final class ForgeryRun {
    static final long TIMEOUT_NANOS = 10_000_000L;

    final Simulation sim;
    final RunRecord record;
    final PbftReplica[] replicas;

    private ForgeryRun(Simulation sim, RunRecord record, PbftReplica[] replicas) {
        this.sim = sim;
        this.record = record;
        this.replicas = replicas;
    }

    static PbftConfig config() {
        return PbftConfig.defaults().toBuilder().tolerating(1).viewChangeTimeoutNanos(TIMEOUT_NANOS)
                .workload(Workload.defaults().toBuilder().clients(2).clientRetryNanos(5_000_000L).build()).build();
    }

    static ForgeryRun of(long seed, int forger, ForgingReplica.Forgery forgery) {
        PbftConfig config = config();
        NetworkConfig network = NetworkConfig.ideal(1_000_000).toBuilder()
                .latency(new LatencyDistribution.Uniform(500_000, 1_500_000)).bandwidthBitsPerSec(1_000_000_000L).build();
        Simulation sim = new Simulation(seed, network, PbftDeployment.costModel(config), 10_000_000);
        int n = config.n();
        List<String> lanes = PbftDeployment.lanes(config);
        RunRecord record = new RunRecord(n, lanes);
        PbftReplica[] replicas = new PbftReplica[n];
        for (int i = 0; i < n; i++) {
            sim.addNode(lanes.get(i), NodeSpec.simple(), (self, store) -> {
                replicas[self] = new PbftReplica(config, self, store);
                return self == forger ? new ForgingReplica(replicas[self], forgery) : replicas[self];
            });
        }
        Quorums quorums = Quorums.of(config);
        for (int j = 0; j < config.workload().clients(); j++) {
            sim.addNode(lanes.get(n + j), NodeSpec.simple(), (self, store) -> new PbftClient(config, quorums));
        }
        sim.setServerCount(n);
        sim.addObserver(record);
        return new ForgeryRun(sim, record, replicas);
    }

    /** Cuts {@code replica} off from everyone (clients included) from {@code fromNanos} until {@code untilNanos}. */
    ForgeryRun isolate(int replica, long fromNanos, long untilNanos) {
        sim.scheduleFault(fromNanos, new Fault.Isolate(Target.of(replica)));
        sim.scheduleFault(untilNanos, new Fault.Heal());
        return this;
    }

    ForgeryRun run(long untilNanos) {
        sim.runUntil(untilNanos);
        return this;
    }

    /** What a user sees as safety: agreement among correct replicas and results of one sequential order. */
    Verdict safety() {
        return AgreementChecker.check(record).and(ResultChecker.check(record));
    }

    long completedAfter(long fromNanos) {
        return record.completedAfter(fromNanos);
    }
}
