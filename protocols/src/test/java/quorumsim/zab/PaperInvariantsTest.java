package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import quorumsim.core.Context;
import quorumsim.core.InvariantViolation;

/** Each of Zab's invariants accepts a legal state and stops the run on a forged broken one. */
class PaperInvariantsTest {
    /** Server 1 at 3 ms: what a violation names besides the seed the engine adds. */
    private static final Context SERVER_1 = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                case "self" -> 1;
                case "trueTimeNanos", "now" -> 3_000_000L;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static String broken(Executable check) {
        InvariantViolation v = assertThrows(InvariantViolation.class, check);
        assertEquals(1, v.node());
        assertEquals(3_000_000L, v.timeNanos());
        return v.rule();
    }

    @Test
    void anAcceptedEpochOnlyGrows() {
        PaperInvariants.acceptedEpochGrows(SERVER_1, 2, 2);
        PaperInvariants.acceptedEpochGrows(SERVER_1, 2, 3);
        assertEquals("the accepted epoch goes back from 3 to 2", broken(() -> PaperInvariants.acceptedEpochGrows(SERVER_1, 3, 2)));
    }

    @Test
    void theLeaderProposesZxidsInOrderInItsEpoch() {
        PaperInvariants.proposesInOrder(SERVER_1, 2, Zxid.of(2, 4), Zxid.of(2, 3), Zxid.of(2, 5));
        assertEquals("the leader proposes " + Zxid.show(Zxid.of(2, 5)) + " after " + Zxid.show(Zxid.of(2, 6))
                        + ": zxids must be proposed in order",
                broken(() -> PaperInvariants.proposesInOrder(SERVER_1, 2, Zxid.of(2, 6), Zxid.of(2, 3), Zxid.of(2, 5))));
        assertEquals("the leader of epoch 2 proposes " + Zxid.show(Zxid.of(1, 9)),
                broken(() -> PaperInvariants.proposesInOrder(SERVER_1, 2, Zxid.of(1, 8), Zxid.of(1, 8), Zxid.of(1, 9))));
    }

    @Test
    void aCommittedZxidIsNeverProposedAgain() {
        assertEquals("the leader proposes " + Zxid.show(Zxid.of(2, 3)) + " again after committing up to " + Zxid.show(Zxid.of(2, 4)),
                broken(() -> PaperInvariants.proposesInOrder(SERVER_1, 2, Zxid.of(2, 2), Zxid.of(2, 4), Zxid.of(2, 3))));
    }
}
