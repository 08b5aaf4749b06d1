package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.net.NetworkConfig;

class AuthenticationTest {
    record Vote(long view, String value) {
    }

    record Signed(Vote vote, Signature signature) implements Message {
        public int sizeBytes() {
            return 200;
        }
    }

    /** Node 0 signs a vote for node 2; node 1 (Byzantine) tries every trick it has; node 2 checks. */
    @Test
    void aNodeCannotProduceASignatureThatVerifiesAsAnotherNode() {
        Probes probes = Probes.ideal(1_000);
        List<String> verdicts = new ArrayList<>();
        probes.add((id, p) -> p.onStart = ctx -> {
            Vote vote = new Vote(1, "a");
            ctx.send(2, new Signed(vote, ctx.sign(vote, Signature.Kind.SIGNATURE)));
        });
        probes.add((id, p) -> {
            p.onStart = ctx -> {
                Vote forged = new Vote(1, "b");
                ctx.send(2, new Signed(forged, ctx.sign(forged, Signature.Kind.SIGNATURE))); // signs as itself
            };
            p.onMessage = (ctx, from, m) -> { };
        });
        probes.add((id, p) -> p.onMessage = (ctx, from, m) -> {
            Signed s = (Signed) m;
            verdicts.add(from + " as 0: " + ctx.verify(s.signature(), 0, s.vote()));
            verdicts.add(from + " as itself: " + ctx.verify(s.signature(), from, s.vote()));
            verdicts.add(from + " tampered: " + ctx.verify(s.signature(), s.signature().signer(), new Vote(1, "c")));
            verdicts.add(from + " missing: " + ctx.verify(null, 0, s.vote()));
            if (from == 0) {
                // node 1 replays node 0's signature over its own content: it does not verify
                Vote other = new Vote(2, "a");
                verdicts.add("replayed over other content: " + ctx.verify(s.signature(), 0, other));
                verdicts.add("replayed over equal content: " + ctx.verify(s.signature(), 0, new Vote(1, "a")));
            }
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(
                "0 as 0: true", "0 as itself: true", "0 tampered: false", "0 missing: false",
                "replayed over other content: false", "replayed over equal content: true",
                "1 as 0: false", "1 as itself: true", "1 tampered: false", "1 missing: false"), verdicts);
    }

    @Test
    void onlyTheEngineMakesSignatures() {
        assertTrue(Arrays.stream(Signature.class.getDeclaredConstructors()).noneMatch(c -> Modifier.isPublic(c.getModifiers())
                || Modifier.isProtected(c.getModifiers())));
        assertTrue(Modifier.isFinal(Signature.class.getModifiers()));
    }

    @Test
    void signingAndVerifyingAreChargedAsCpu() {
        // receive 10 us; signature sign 300 us, verify 100 us; MAC 5 us
        CpuCostModel costs = new CpuCostModel.Linear(10_000, 0, 0, 0, 300_000, 100_000, 5_000);
        Probes probes = Probes.of(NetworkConfig.ideal(1_000), costs);
        int sink = probes.add(NodeSpec.simple().toBuilder().cores(4).build(), (id, p) -> { });
        int checker = probes.add((id, p) -> p.onMessage = (ctx, from, m) -> {
            Signed s = (Signed) m;
            for (int i = 0; i < 3; i++) {
                assertTrue(ctx.verify(s.signature(), from, s.vote()));
            }
            ctx.send(sink, Msg.of(0));
        });
        probes.add((id, p) -> p.onStart = ctx -> {
            Vote vote = new Vote(1, "a");
            Signature mac = ctx.sign(vote, Signature.Kind.MAC);
            assertFalse(mac.kind() == Signature.Kind.SIGNATURE);
            ctx.send(checker, new Signed(vote, ctx.sign(vote, Signature.Kind.SIGNATURE)));
        });
        probes.sim.runToCompletion();
        // signed (300 us) and MAC'd (5 us), 1 us on the wire, 10 us to receive, 3 x 100 us verified, 1 us to the sink
        assertEquals(List.of(305_000L + 1_000 + 10_000 + 300_000 + 1_000), probes.probe(sink).messageTimes());
    }
}
