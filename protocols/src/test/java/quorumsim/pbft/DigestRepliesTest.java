package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.kv.Workload;
import quorumsim.metrics.Metrics;
import quorumsim.net.NetworkConfig;

/**
 * TOCS'02 section 5.1.1: one designated replica sends each result, the others its digest, and a
 * client falls back to full replies when the designated replica's result does not match.
 */
class DigestRepliesTest {
    private static final int REPLY_BYTES = 4096;

    /** f = 1, one client, 4 KB results, free CPU on a constant 1 ms network. */
    private static PbftConfig config(boolean digestReplies) {
        return PbftConfig.defaults().toBuilder().costs(PbftCosts.free()).digestReplies(digestReplies)
                .workload(Workload.defaults().toBuilder().clients(1).requestSizeBytes(64)
                        .replySizeBytes(REPLY_BYTES).clientRetryNanos(50_000_000L).build()).build();
    }

    private static Metrics.MessageCount replies(PbftRun run) {
        return run.sim.metrics().messagesByType().get("Reply");
    }

    @Test
    void oneFullResultAndThreeDigestsPerRequest() {
        PbftRun full = PbftRun.of(1, config(false), NetworkConfig.ideal(1_000_000)).run(100_000_000L);
        PbftRun digests = PbftRun.of(1, config(true), NetworkConfig.ideal(1_000_000)).run(100_000_000L);
        assertEquals(full.completed(), digests.completed(), "no latency lost on free CPU and an unlimited network");
        long requests = digests.completed();
        assertTrue(requests > 0);
        assertEquals(4 * requests, replies(full).messages(), "four replies a request either way");
        assertEquals(4 * requests, replies(digests).messages());
        long header = Messages.HEADER_BYTES;
        long fullBytes = replies(full).bytes() / requests;
        long digestBytes = replies(digests).bytes() / requests;
        long mac = fullBytes / 4 - header - REPLY_BYTES;                       // one MAC for the client
        assertEquals(4 * (header + REPLY_BYTES + mac), fullBytes);
        assertEquals((header + REPLY_BYTES + mac) + 3 * (header + Messages.DIGEST_BYTES + mac), digestBytes);
        assertTrue(digests.safety().holds() && full.safety().holds());
    }

    @Test
    void aDesignatedReplicaThatLiesIsCaughtAndTheClientFallsBackToFullReplies() {
        // every replica lies when it is the designated one: replica 1 sends wrong results throughout
        PbftRun run = PbftRun.of(3, config(true), NetworkConfig.ideal(1_000_000)).byzantine(1, "wrong-reply", 0).run(400_000_000L);
        assertTrue(run.safety().holds(), () -> run.safety().toString());
        assertTrue(run.completed() > 10, "requests complete: " + run.completed());
        long fallbacks = run.sim.metrics().counter("digestReplyFallbacks");
        assertTrue(fallbacks > 0, "the client saw replica 1's result disagree with the digests and asked again");
    }
}
