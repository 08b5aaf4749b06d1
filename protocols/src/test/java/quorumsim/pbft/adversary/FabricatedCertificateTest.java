package quorumsim.pbft.adversary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.pbft.Authenticator;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.result.Verdict;

/**
 * OSDI'99 section 4.4: a VIEW-CHANGE is valid only if every certificate in P is a prepared
 * certificate: a pre-prepare signed by its view's primary and 2f matching prepares from
 * different backups. A Byzantine primary r0 can sign any pre-prepare of its own view, so it
 * can claim "prepared" for the null request at a sequence number where the correct replicas
 * executed a client's request; it cannot sign the 2f prepares. If the new primary counted
 * the claim, the O set could re-issue the null request there, and a replica that had not
 * executed that number yet would execute something else than the others.
 */
class FabricatedCertificateTest {
    private static final long STOP_NANOS = 35_000_000L;
    private static final long HEAL_NANOS = 40_000_000L;
    private static final long ATTACK_NANOS = 41_000_000L;
    private static final long RUN_NANOS = 300_000_000L;

    /** r0 primary of view 0: orders honestly until it stops, then claims the null request prepared at n = 1. */
    private static final class ClaimsNullPrepared implements ForgingReplica.Forgery {
        private final Authenticator auth = new Authenticator(ForgeryRun.config());
        private final int[] others = {1, 2, 3};
        private PreparedProof fabricated;

        @Override
        public void onStart(Context ctx) {
            ctx.setTimer(ATTACK_NANOS, new ForgingReplica.AttackTimer("claim"));
        }

        @Override
        public boolean admit(Context ctx, int from, Message message) {
            boolean stopped = ctx.now() >= STOP_NANOS;
            return !(stopped && (message instanceof Request || message instanceof Status));   // no more ordering, no help to catch up
        }

        @Override
        public void onTimer(Context ctx, Object timer) {
            ctx.multicast(others, forged(ctx, new ViewChange(1, 0, List.of(), List.of(), ctx.self(), null)));
        }

        @Override
        public Message rewrite(Context ctx, int to, Message message) {
            return message instanceof ViewChange vc ? forged(ctx, vc) : message;
        }

        /** Its VIEW-CHANGE, with the pre-prepare of the null request at n = 1, signed by itself, and no prepares. */
        private ViewChange forged(Context ctx, ViewChange vc) {
            if (fabricated == null) {
                PrePrepare unsigned = new PrePrepare(0, 1, PrePrepare.digestOf(List.of()), List.of(), ctx.self(), null);
                PrePrepare pp = new PrePrepare(0, 1, unsigned.digest(), List.of(), ctx.self(), auth.forReceivers(ctx, unsigned, 3));
                fabricated = new PreparedProof(pp, List.of());
            }
            List<PreparedProof> p = new ArrayList<>();
            p.add(fabricated);
            for (PreparedProof real : vc.prepared()) {
                if (real.prePrepare().seq() != 1) {
                    p.add(real);
                }
            }
            ViewChange unsigned = new ViewChange(vc.newView(), vc.stableSeq(), vc.checkpointProof(), p, ctx.self(), null);
            return new ViewChange(vc.newView(), vc.stableSeq(), vc.checkpointProof(), p, ctx.self(), auth.signed(ctx, unsigned));
        }
    }

    @Test
    void aPreparedCertificateWithoutTwoFPreparesIsRefusedAndTheLaggingReplicaExecutesWhatTheOthersDid() {
        // r1 (the next primary) misses view 0 entirely; r0, r2, r3 execute the first requests.
        ForgeryRun run = ForgeryRun.of(7, 0, new ClaimsNullPrepared()).isolate(1, 0, HEAL_NANOS).run(RUN_NANOS);

        Verdict safety = run.safety();
        assertTrue(safety.holds(), safety.detail());
        assertTrue(run.replicas[1].view() >= 1, "r1 moved past the forger's view, in view " + run.replicas[1].view());
        assertTrue(run.replicas[1].lastExecuted() > run.replicas[2].lastExecuted() - 5,
                "r1 caught up: executed " + run.replicas[1].lastExecuted() + " of " + run.replicas[2].lastExecuted());
        assertTrue(run.completedAfter(HEAL_NANOS + 50_000_000L) > 20, "requests complete in the new view");
    }
}
