package quorumsim.pbft;

import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.pbft.deploy.PbftDeployment;
import quorumsim.result.Verdict;

/** A PBFT run for tests: a simulation, its deployment, and the verdicts. */
final class PbftRun {
    final Simulation sim;
    final PbftDeployment deployment;

    private PbftRun(Simulation sim, PbftDeployment deployment) {
        this.sim = sim;
        this.deployment = deployment;
    }

    /** Uniform 0.5-1.5 ms links, 1 Gbit/s, default costs. */
    static PbftRun of(long seed, PbftConfig config) {
        return of(seed, config, NetworkConfig.ideal(1_000_000).toBuilder()
                .latency(new LatencyDistribution.Uniform(500_000, 1_500_000)).bandwidthBitsPerSec(1_000_000_000L).build());
    }

    static PbftRun of(long seed, PbftConfig config, NetworkConfig network) {
        Simulation sim = new Simulation(seed, network, PbftDeployment.costModel(config), 10_000_000);
        PbftDeployment d = PbftDeployment.deploy(sim, config);
        return new PbftRun(sim, d);
    }

    PbftRun byzantine(int replica, String behaviour, long fromNanos) {
        sim.scheduleFault(fromNanos, new Fault.Byzantine(Target.of(replica), behaviour, true));
        return this;
    }

    PbftRun run(long untilNanos) {
        sim.runUntil(untilNanos);
        return this;
    }

    Verdict safety() {
        return deployment.safety();
    }

    Verdict liveness(long settledNanos, long boundNanos) {
        return deployment.liveness(settledNanos, boundNanos, sim.now());
    }

    long completed() {
        return deployment.record().completed();
    }
}
