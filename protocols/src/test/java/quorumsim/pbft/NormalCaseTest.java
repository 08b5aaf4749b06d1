package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import quorumsim.kv.Workload;
import quorumsim.metrics.Metrics;
import quorumsim.net.NetworkConfig;

/**
 * The normal case as the paper counts it, on a network where every message takes exactly
 * one millisecond and CPU is free, so latency is a count of one-way delays.
 */
class NormalCaseTest {
    private static final long DELAY_NANOS = 1_000_000L;

    private static PbftConfig oneClient(int f) {
        return PbftConfig.defaults().toBuilder().tolerating(f).costs(PbftCosts.free())
                .workload(Workload.defaults().toBuilder().clients(1).clientRetryNanos(50_000_000L).build()).build();
    }

    private static PbftRun constantNetwork(PbftConfig config) {
        return PbftRun.of(1, config, NetworkConfig.ideal(DELAY_NANOS)).run(100_000_000L);
    }

    private static double meanDelays(PbftRun run) {
        return run.sim.metrics().latency().getMean() / DELAY_NANOS;
    }

    @Test
    void aRequestTakesFiveOneWayDelays() {
        PbftRun run = constantNetwork(oneClient(1));
        assertEquals(5.0, meanDelays(run), 0.01);                   // request, pre-prepare, prepare, commit, reply
        assertEquals(20, run.completed());
    }

    @Test
    void tentativeExecutionSavesTheCommitDelay() {
        assertEquals(4.0, meanDelays(constantNetwork(oneClient(1).toBuilder().tentativeExecution(true).build())), 0.01);
    }

    @Test
    void readOnlyRequestsTakeOneRoundTrip() {
        PbftConfig reads = oneClient(1).toBuilder().readOnlyOptimization(true)
                .workload(Workload.defaults().toBuilder().clients(1).readRatio(1.0).build()).build();
        assertEquals(2.0, meanDelays(constantNetwork(reads)), 0.01);
    }

    /** Per request: 1 request, n-1 pre-prepares, (n-1)^2 prepares, n(n-1) commits, n replies = 2n^2 - n + 1. */
    @ParameterizedTest(name = "f = {0}")
    @ValueSource(ints = {1, 2, 3})
    void messagesPerRequestGrowAsNSquared(int f) {
        PbftRun run = constantNetwork(oneClient(f));
        int n = 3 * f + 1;
        long requests = run.completed();
        Map<String, Metrics.MessageCount> byType = run.sim.metrics().messagesByType();
        assertEquals(requests * (n - 1), byType.get("PrePrepare").messages());
        assertEquals(requests * (n - 1) * (n - 1), byType.get("Prepare").messages());
        assertEquals(requests * n * (n - 1), byType.get("Commit").messages());
        assertEquals(requests * n, byType.get("Reply").messages());
        long inFlight = run.deployment.record().issued() - requests;          // issued at the very end
        assertEquals(requests + inFlight, byType.get("Request").messages());
        long perRequest = 1 + (n - 1) + (long) (n - 1) * (n - 1) + (long) n * (n - 1) + n;
        assertEquals(requests * perRequest + inFlight, run.sim.metrics().messagesTotal());
    }

    @Test
    void batchingPutsManyRequestsInOnePrePrepare() {
        PbftConfig batched = PbftConfig.defaults().toBuilder().batchSize(16).batchWindowNanos(500_000L)
                .workload(Workload.defaults().toBuilder().clients(32).build()).build();
        PbftRun run = PbftRun.of(1, batched).run(100_000_000L);
        long prePrepares = run.sim.metrics().messagesByType().get("PrePrepare").messages() / (batched.n() - 1);
        assertTrue(run.completed() > 4 * prePrepares, run.completed() + " requests in " + prePrepares + " batches");
        assertTrue(run.safety().holds(), run.safety().detail());
    }

    @Test
    void signaturesCostMoreThanMacs() {
        PbftConfig macs = PbftConfig.defaults().toBuilder().workload(Workload.defaults().toBuilder().clients(8).build()).build();
        PbftRun withMacs = PbftRun.of(1, macs).run(100_000_000L);
        PbftRun withSignatures = PbftRun.of(1, macs.toBuilder().authentication(PbftConfig.Authentication.SIGNATURE).build()).run(100_000_000L);
        assertTrue(withSignatures.completed() * 3 < withMacs.completed(),
                withSignatures.completed() + " with signatures vs " + withMacs.completed() + " with MACs");
        long macBytes = withMacs.sim.metrics().messagesByType().get("Prepare").bytes() / withMacs.sim.metrics().messagesByType().get("Prepare").messages();
        long sigBytes = withSignatures.sim.metrics().messagesByType().get("Prepare").bytes() / withSignatures.sim.metrics().messagesByType().get("Prepare").messages();
        assertEquals(Messages.HEADER_BYTES + Messages.DIGEST_BYTES + 3 * Auth.MAC_BYTES, macBytes);
        assertEquals(Messages.HEADER_BYTES + Messages.DIGEST_BYTES + Auth.SIGNATURE_BYTES, sigBytes);
        assertTrue(withSignatures.safety().holds());
    }
}
