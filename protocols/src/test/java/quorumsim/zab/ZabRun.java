package quorumsim.zab;

import quorumsim.core.Simulation;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.zab.deploy.ZabDeployment;

/** A Zab run for tests: a simulation with the deployment on it. */
record ZabRun(Simulation sim, ZabDeployment zab) {
    /** A LAN of the paper's era: 0.1-0.3 ms one way, gigabit NICs, TCP-like links. */
    static NetworkConfig lan() {
        return NetworkConfig.ideal(200_000).toBuilder().latency(new LatencyDistribution.Uniform(100_000, 300_000))
                .bandwidthBitsPerSec(1_000_000_000L).build();
    }

    static ZabRun of(long seed, ZabConfig config) {
        return of(seed, config, lan());
    }

    static ZabRun of(long seed, ZabConfig config, NetworkConfig network) {
        Simulation sim = new Simulation(seed, network, ZabDeployment.costModel(config), 10_000_000L);
        ZabDeployment zab = ZabDeployment.deploy(sim, config);
        return new ZabRun(sim, zab);
    }

    /** Short timeouts so that a run of a few hundred virtual milliseconds sees failures and recovery. */
    static ZabConfig quick(int servers, int clients) {
        return ZabConfig.defaults().toBuilder().servers(servers).tickNanos(10_000_000L).syncLimitTicks(2)
                .sessionTimeoutNanos(120_000_000L).electionFinalizeWaitNanos(20_000_000L)
                .workload(ZabWorkload.saturation(clients, 0.5, 2)).build();
    }

    ZabRun run(long untilNanos) {
        sim.runUntil(untilNanos);
        return this;
    }
}
