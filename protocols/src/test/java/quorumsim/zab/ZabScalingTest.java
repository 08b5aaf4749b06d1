package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import quorumsim.metrics.Metrics;

/** What a write and a read cost in messages: a write grows linearly with the servers, a read involves one server. */
class ZabScalingTest {
    private static long count(Map<String, Metrics.MessageCount> byType, String type) {
        Metrics.MessageCount c = byType.get(type);
        return c == null ? 0 : c.messages();
    }

    @Test
    void messagesPerWriteGrowLinearlyWithTheServers() {
        for (int n = 3; n <= 13; n += 2) {
            ZabConfig config = ZabRun.quick(n, 4).toBuilder().leaderServes(false)
                    .workload(ZabWorkload.saturation(4, 0.0, 2).toBuilder().loadStartNanos(10_000_000L).build()).build();
            ZabRun run = ZabRun.of(1, config).run(300_000_000L);
            double perWrite = run.zab().figures().get("serverMessagesPerWrite");
            // a follower forwards it (1), the leader proposes to, hears an ACK from, and commits to every follower
            assertEquals(3.0 * (n - 1) + 1, perWrite, 0.02 * (3.0 * (n - 1) + 1), "n=" + n);  // proposals in flight at the end
            System.out.printf("n=%d: %.2f server messages per write%n", n, perWrite);
        }
    }

    @Test
    void aReadInvolvesOnlyTheServerThatAnswersIt() {
        ZabConfig config = ZabRun.quick(5, 4).toBuilder().workload(ZabWorkload.saturation(4, 1.0, 2)).build();
        ZabRun run = ZabRun.of(1, config);
        run.run(60_000_000L);                                      // sessions and znodes are made by now
        Map<String, Metrics.MessageCount> before = run.sim().metrics().messagesByType();
        run.run(160_000_000L);
        Map<String, Metrics.MessageCount> after = run.sim().metrics().messagesByType();
        long reads = count(after, "Request") - count(before, "Request");
        assertTrue(reads > 1000, "reads " + reads);
        assertEquals(reads, count(after, "Reply") - count(before, "Reply"), 1 * 8.0, "one reply per request");
        for (String serverToServer : new String[] {"Forward", "Proposal", "Ack", "Commit"}) {
            assertEquals(count(before, serverToServer), count(after, serverToServer), serverToServer + " during reads");
        }
    }
}
