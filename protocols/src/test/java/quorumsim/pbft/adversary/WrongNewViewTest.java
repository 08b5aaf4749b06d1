package quorumsim.pbft.adversary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.pbft.Authenticator;
import quorumsim.pbft.Messages.NewView;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.result.Verdict;

/**
 * OSDI'99 section 4.4: a backup accepts NEW-VIEW only if O is what it computes from V itself.
 * The new primary r1 is Byzantine: it sends the 2f+1 genuine VIEW-CHANGEs it got, and an O
 * that re-issues the null request at n = 1, where the correct replicas executed a client's
 * request in view 0. A replica that missed view 0 would execute the null request there if it
 * took O on trust.
 */
class WrongNewViewTest {
    private static final long HEAL_NANOS = 40_000_000L;
    private static final long RUN_NANOS = 300_000_000L;

    /** As primary of a new view, replaces the first entry of O by the null request, signed by itself. */
    private static final class NullAtFirstSlot implements ForgingReplica.Forgery {
        private final Authenticator auth = new Authenticator(ForgeryRun.config());

        @Override
        public Message rewrite(Context ctx, int to, Message message) {
            if (!(message instanceof NewView nv) || nv.prePrepares().isEmpty()) {
                return message;
            }
            List<PrePrepare> o = new ArrayList<>(nv.prePrepares());
            PrePrepare first = o.get(0);
            PrePrepare unsigned = new PrePrepare(nv.view(), first.seq(), PrePrepare.digestOf(List.of()), List.of(), ctx.self(), null);
            o.set(0, new PrePrepare(nv.view(), first.seq(), unsigned.digest(), List.of(), ctx.self(), auth.forReceivers(ctx, unsigned, 3)));
            NewView forged = new NewView(nv.view(), nv.viewChanges(), o, ctx.self(), null);
            return new NewView(nv.view(), nv.viewChanges(), o, ctx.self(), auth.signed(ctx, forged));
        }
    }

    @Test
    void aNewViewWhoseOSetIsNotWhatVImpliesIsRefusedAndTheNextPrimaryReissuesTheRightOne() {
        // r3 misses view 0; then the correct primary r0 is cut off, so r1 (the forger) leads view 1.
        ForgeryRun run = ForgeryRun.of(11, 1, new NullAtFirstSlot()).isolate(3, 0, HEAL_NANOS);
        run.sim.scheduleFault(HEAL_NANOS, new Fault.Isolate(Target.of(0)));
        run.run(RUN_NANOS);

        Verdict safety = run.safety();
        assertTrue(safety.holds(), safety.detail());
        assertTrue(run.replicas[3].view() >= 2, "r3 left the forger's view, in view " + run.replicas[3].view());
        assertTrue(run.replicas[3].lastExecuted() > run.replicas[2].lastExecuted() - 5,
                "r3 caught up: executed " + run.replicas[3].lastExecuted() + " of " + run.replicas[2].lastExecuted());
        assertTrue(run.completedAfter(HEAL_NANOS + 100_000_000L) > 20, "requests complete in view 2 without r0");
    }
}
