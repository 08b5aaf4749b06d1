package quorumsim.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import quorumsim.core.Signature;
import quorumsim.core.StableStore;
import quorumsim.pbft.Auth;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftClient;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.Quorums;
import quorumsim.pbft.Timers;

/**
 * The PBFT client's rules (OSDI'99 4.1, TOCS'02 5.1.1), one client (node 4) of four replicas
 * driven through a recording context: it takes a result on f+1 matching replies from
 * different replicas, authenticated, for its current request; a quorum when they are
 * tentative or read-only; it follows the view f+1 replies vouch for; on a timeout it
 * multicasts the request with back-off, a read-only one as an ordered one.
 */
class PbftClientTest {
    private static final int SELF = 4;
    private static final long RETRY_NANOS = 50_000_000L;

    private RecordingContext ctx;
    private PbftClient client;

    private void start(boolean readOnly) {
        PbftConfig d = PbftConfig.defaults();
        PbftConfig config = d.toBuilder().readOnlyOptimization(readOnly)
                .workload(d.workload().toBuilder().outstanding(1).readRatio(readOnly ? 1 : 0).clientRetryNanos(RETRY_NANOS).build())
                .build();
        ctx = new RecordingContext(SELF, new StableStore());
        client = new PbftClient(config, Quorums.of(config));
        client.onStart(ctx);
    }

    @BeforeEach
    void writes() {
        start(false);
    }

    private Request sent(List<Effect> effects) {
        for (Effect e : effects) {
            if (e.subject() instanceof Request r) {
                return r;
            }
        }
        throw new AssertionError("no request in " + effects);
    }

    private static Reply reply(long view, int replica, long timestamp, String result, boolean tentative, boolean digest) {
        Reply unsigned = new Reply(view, SELF, 0, timestamp, replica, result, tentative, digest, 8, null);
        return unsigned.withAuth(new Auth(EngineHandles.sign(replica, unsigned, Signature.Kind.MAC), Auth.MAC_BYTES));
    }

    private static Reply reply(int replica, long timestamp, String result) {
        return reply(0, replica, timestamp, result, false, false);
    }

    private List<Observations.Accepted> accepted(List<Effect> effects) {
        return effects.stream().filter(e -> e.subject() instanceof Observations.Accepted)
                .map(e -> (Observations.Accepted) e.subject()).toList();
    }

    /** Effects as text: a multicast's receivers are an array, which records compare by identity. */
    private static List<String> shown(List<Effect> effects) {
        return effects.stream().map(e -> e instanceof Effect.Multicast m
                ? "multicast " + java.util.Arrays.toString(m.to()) + " " + m.message() : e.toString()).toList();
    }

    @Test
    void fPlusOneMatchingRepliesFromDifferentReplicasMakeAResult() {
        Request first = sent(ctx.drain());
        assertEquals(1, first.timestamp());
        client.onMessage(ctx, 1, reply(1, 1, "OK"));
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 1, reply(1, 1, "OK"));                 // the same replica again
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 2, reply(2, 1, "other"));
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 3, reply(3, 1, "OK"));
        List<Effect> effects = ctx.drain();
        assertEquals(1, accepted(effects).size(), effects.toString());
        assertEquals("OK", accepted(effects).get(0).result());
        assertTrue(effects.contains(new Effect.TimerCancelled(new Timers.ClientRetry(0, 1))), effects.toString());
        assertEquals(2, sent(effects).timestamp());                 // the next request
    }

    @Test
    void repliesNotForItsCurrentRequestOrNotAuthenticCountForNothing() {
        ctx.drain();
        client.onMessage(ctx, 1, reply(1, 1, "OK"));
        ctx.drain();
        // an older timestamp, another stream, another client
        client.onMessage(ctx, 2, reply(2, 0, "OK"));
        client.onMessage(ctx, 2, new Reply(0, SELF, 1, 1, 2, "OK", false, false, 8, null));
        client.onMessage(ctx, 2, new Reply(0, SELF, -1, 1, 2, "OK", false, false, 8, null));
        Reply otherClient = new Reply(0, SELF + 1, 0, 1, 2, "OK", false, false, 8, null);
        client.onMessage(ctx, 2, otherClient.withAuth(new Auth(EngineHandles.sign(2, otherClient, Signature.Kind.MAC), 10)));
        // in another replica's name, from a node that is no replica, unsigned, signed by another
        client.onMessage(ctx, 3, reply(2, 1, "OK"));
        Reply fromClient = new Reply(0, SELF, 0, 1, 5, "OK", false, false, 8, null);
        client.onMessage(ctx, 5, fromClient.withAuth(new Auth(EngineHandles.sign(5, fromClient, Signature.Kind.MAC), 10)));
        client.onMessage(ctx, 2, new Reply(0, SELF, 0, 1, 2, "OK", false, false, 8, null));
        Reply forged = new Reply(0, SELF, 0, 1, 2, "OK", false, false, 8, null);
        client.onMessage(ctx, 2, forged.withAuth(new Auth(EngineHandles.sign(3, forged, Signature.Kind.MAC), 10)));
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 2, reply(2, 1, "OK"));
        assertEquals(1, accepted(ctx.drain()).size());
    }

    @Test
    void tentativeRepliesNeedAQuorum() {
        ctx.drain();
        client.onMessage(ctx, 0, reply(0, 0, 1, "OK", true, false));
        client.onMessage(ctx, 1, reply(0, 1, 1, "OK", true, false));
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 2, reply(0, 2, 1, "OK", true, false));
        List<Observations.Accepted> done = accepted(ctx.drain());
        assertEquals(1, done.size());
        assertTrue(done.get(0).tentative());
        assertTrue(!done.get(0).readOnly());
    }

    @Test
    void aResultComesFromAFullReplyNotFromDigestsAlone() {
        ctx.drain();
        client.onMessage(ctx, 1, reply(0, 1, 1, "OK", false, true));
        client.onMessage(ctx, 2, reply(0, 2, 1, "OK", false, true));
        client.onMessage(ctx, 3, reply(0, 3, 1, "OK", false, true));
        assertEquals(List.of(), accepted(ctx.drain()));
        client.onMessage(ctx, 0, reply(0, 0, 1, "OK", false, false));
        assertEquals(1, accepted(ctx.drain()).size());
    }

    @Test
    void itFollowsTheViewThatFPlusOneRepliesVouchFor() {
        ctx.drain();
        client.onMessage(ctx, 0, reply(2, 0, 1, "OK", false, false));
        client.onMessage(ctx, 1, reply(1, 1, 1, "OK", false, false));
        List<Effect> effects = ctx.drain();
        assertEquals(1, accepted(effects).size());
        // replica 0 says view 2, replica 1 view 1: both vouch for view 1 at least, whose primary gets the next request
        assertTrue(effects.contains(new Effect.Send(1, sent(effects))), effects.toString());

        client.onMessage(ctx, 2, reply(3, 2, 2, "OK", false, false));
        client.onMessage(ctx, 3, reply(3, 3, 2, "OK", false, false));
        client.onMessage(ctx, 0, reply(3, 0, 2, "OK", false, false));
        effects = ctx.drain();
        assertTrue(effects.contains(new Effect.Send(3, sent(effects))), effects.toString());
    }

    @Test
    void onATimeoutItMulticastsAndBacksOffUpToEightTimes() {
        List<Effect> issued = ctx.drain();
        Request r = sent(issued);
        assertEquals(List.of(new Effect.Observe(new Observations.Issued(SELF, 0, 1, r.op())), new Effect.Send(0, r),
                new Effect.TimerSet(new Timers.ClientRetry(0, 1), RETRY_NANOS)), issued);
        long expected = RETRY_NANOS;
        for (int retry = 1; retry <= 5; retry++) {
            client.onTimer(ctx, new Timers.ClientRetry(0, 1));
            expected = Math.min(expected * 2, 8 * RETRY_NANOS);
            assertEquals(List.of("multicast [0, 1, 2, 3] " + r, new Effect.TimerSet(new Timers.ClientRetry(0, 1), expected).toString()),
                    shown(ctx.drain()), "retry " + retry);
        }
        assertEquals(5, ctx.metrics().counter("clientRetries"));
        client.onTimer(ctx, new Timers.ClientRetry(0, 0));             // an older request's timer
        assertEquals(List.of(), ctx.drain());
    }

    @Test
    void aReadOnlyRequestRetriesAsAnOrderedOne() {
        start(true);
        Request r = sent(ctx.drain());
        assertTrue(r.readOnly());
        client.onMessage(ctx, 0, reply(0, 0, 1, "", false, false));
        client.onTimer(ctx, new Timers.ClientRetry(0, 1));
        Request retried = sent(ctx.drain());
        assertTrue(!retried.readOnly());
        assertEquals(r.timestamp(), retried.timestamp());
        // the read-only reply before the retry is forgotten: one ordered reply is not yet f+1
        client.onMessage(ctx, 1, reply(0, 1, 1, "", false, false));
        assertEquals(List.of(), accepted(ctx.drain()));
        client.onMessage(ctx, 2, reply(0, 2, 1, "", false, false));
        List<Observations.Accepted> done = accepted(ctx.drain());
        assertEquals(1, done.size());
        assertTrue(!done.get(0).readOnly());
    }

    @Test
    void readOnlyRepliesNeedAQuorumAndAreMarkedSo() {
        start(true);
        ctx.drain();
        client.onMessage(ctx, 0, reply(0, 0, 1, "", true, false));
        client.onMessage(ctx, 1, reply(0, 1, 1, "", true, false));
        assertEquals(List.of(), ctx.drain());
        client.onMessage(ctx, 2, reply(0, 2, 1, "", true, false));
        List<Observations.Accepted> done = accepted(ctx.drain());
        assertEquals(1, done.size());
        assertTrue(done.get(0).readOnly());
    }
}
