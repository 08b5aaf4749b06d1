package quorumsim.zab;

import quorumsim.core.Simulation;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.zab.deploy.ZabDeployment;

/** A Zab run for tests: a simulation with the deployment on it. */
record ZabRun(Simulation sim, ZabDeployment zab) {
    /** A LAN of the paper's era: 0.1-0.3 ms one way, gigabit NICs, TCP-like links. */
    static NetworkConfig lan() {
        return NetworkConfig.ideal(200_000).withLatency(new LatencyDistribution.Uniform(100_000, 300_000)).withBandwidth(1_000_000_000L);
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
        return ZabConfig.defaults().withServers(servers).withTickNanos(10_000_000L).withSyncLimitTicks(2)
                .withSessionTimeoutNanos(120_000_000L).withElectionFinalizeWaitNanos(20_000_000L)
                .withWorkload(ZabWorkload.saturation(clients, 0.5, 2));
    }

    ZabRun run(long untilNanos) {
        sim.runUntil(untilNanos);
        return this;
    }
}
