package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import quorumsim.core.Context;
import quorumsim.core.InvariantViolation;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;

/** Each of OSDI'99's invariants accepts a legal state and stops the run on a forged broken one. */
class PaperInvariantsTest {
    /** Replica 2 at 5 ms: what a violation names besides the seed the engine adds. */
    private static final Context REPLICA_2 = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
            new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                case "self" -> 2;
                case "trueTimeNanos", "now" -> 5_000_000L;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private static final PrePrepare PP = new PrePrepare(0, 7, 42, List.of(), 0, null);

    private static String broken(Executable check) {
        InvariantViolation v = assertThrows(InvariantViolation.class, check);
        assertEquals(2, v.node());
        assertEquals(5_000_000L, v.timeNanos());
        return v.rule();
    }

    @Test
    void thePrimaryAssignsOnlyWithinTheWaterMarksAndAboveWhatItExecuted() {
        PaperInvariants.assignsWithinWaterMarks(REPLICA_2, 128, 130, 131, 256);
        assertEquals("the primary assigns n = 385 outside h = 128 < n <= H = 384",
                broken(() -> PaperInvariants.assignsWithinWaterMarks(REPLICA_2, 128, 130, 385, 256)));
        assertEquals("the primary assigns n = 129 at or below the last executed 130",
                broken(() -> PaperInvariants.assignsWithinWaterMarks(REPLICA_2, 128, 130, 129, 256)));
    }

    @Test
    void requestsExecuteInSequenceOrderAboveTheLowWaterMark() {
        PaperInvariants.executesInOrder(REPLICA_2, 0, 6, 7);
        assertEquals("executes 9 after 7: sequence numbers must execute in order",
                broken(() -> PaperInvariants.executesInOrder(REPLICA_2, 0, 7, 9)));
        assertEquals("executes 7 at or below h = 128", broken(() -> PaperInvariants.executesInOrder(REPLICA_2, 128, 6, 7)));
    }

    @Test
    void aPreparedCertificateHas2fMatchingPreparesFromDistinctBackups() {
        Prepare from1 = new Prepare(0, 7, 42, 1, null);
        Prepare from2 = new Prepare(0, 7, 42, 2, null);
        PaperInvariants.preparedCertificate(REPLICA_2, new PreparedProof(PP, List.of(from1, from2)), 0, 2);
        assertEquals("a prepared certificate for n = 7 counts replica 1 twice or counts the primary",
                broken(() -> PaperInvariants.preparedCertificate(REPLICA_2, new PreparedProof(PP, List.of(from1, from1)), 0, 2)));
        assertEquals("a prepared certificate for n = 7 counts replica 0 twice or counts the primary",
                broken(() -> PaperInvariants.preparedCertificate(REPLICA_2,
                        new PreparedProof(PP, List.of(from1, new Prepare(0, 7, 42, 0, null))), 0, 2)));
        assertEquals("a prepared certificate for n = 7 holds a prepare that does not match its pre-prepare",
                broken(() -> PaperInvariants.preparedCertificate(REPLICA_2,
                        new PreparedProof(PP, List.of(from1, new Prepare(0, 7, 43, 2, null))), 0, 2)));
        assertEquals("a prepared certificate for n = 7 has 1 prepares from distinct backups, fewer than 2f = 2",
                broken(() -> PaperInvariants.preparedCertificate(REPLICA_2, new PreparedProof(PP, List.of(from1)), 0, 2)));
    }

    @Test
    void aViewOnlyGrows() {
        PaperInvariants.viewGrows(REPLICA_2, 3, 3);
        PaperInvariants.viewGrows(REPLICA_2, 3, 4);
        assertEquals("the view goes back from 4 to 3", broken(() -> PaperInvariants.viewGrows(REPLICA_2, 4, 3)));
    }

    @Test
    void theEngineAddsTheRunsSeed() {
        InvariantViolation v = assertThrows(InvariantViolation.class, () -> PaperInvariants.viewGrows(REPLICA_2, 4, 3));
        assertEquals("invariant broken at node 2, 5000000 ns, seed 17: the view goes back from 4 to 3", v.withSeed(17).getMessage());
    }
}
