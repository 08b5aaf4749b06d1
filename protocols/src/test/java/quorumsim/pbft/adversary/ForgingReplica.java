package quorumsim.pbft.adversary;

import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.ForwardingContext;
import quorumsim.core.Message;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftReplica;

/**
 * A test-only Byzantine replica: an honest {@link PbftReplica} inside, a {@link Forgery} deciding
 * what goes out in its name. It signs only as itself (the engine's keys), so it can lie,
 * equivocate and replay, never forge a correct replica's message. It tells the checkers at
 * once that it is faulty, so nothing it executes is judged.
 */
final class ForgingReplica implements Actor {
    /** What the adversary does with its own replica's traffic. */
    interface Forgery {
        /** Called before anything else, to set the adversary's own timers. */
        default void onStart(Context ctx) {
        }

        /** An adversary timer fired. */
        default void onTimer(Context ctx, Object timer) {
        }

        /** False: the replica never sees this message. */
        default boolean admit(Context ctx, int from, Message message) {
            return true;
        }

        /** What to send instead of {@code message} (null: nothing). */
        Message rewrite(Context ctx, int to, Message message);
    }

    /** The adversary's own timers carry this, so the honest replica never sees them. */
    record AttackTimer(String name) {
    }

    private final PbftReplica honest;
    private final Forgery forgery;

    ForgingReplica(PbftReplica honest, Forgery forgery) {
        this.honest = honest;
        this.forgery = forgery;
    }

    PbftReplica honest() {
        return honest;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.observe(new Observations.Behaviour(ctx.self(), "forge", true));
        forgery.onStart(ctx);
        honest.onStart(rewriting(ctx));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (forgery.admit(ctx, from, message)) {
            honest.onMessage(rewriting(ctx), from, message);
        }
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof AttackTimer) {
            forgery.onTimer(ctx, timer);
        } else {
            honest.onTimer(rewriting(ctx), timer);
        }
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        honest.onPersisted(rewriting(ctx), token);
    }

    private Context rewriting(Context ctx) {
        return new ForwardingContext(ctx) {
            @Override
            public void send(int to, Message message) {
                Message out = forgery.rewrite(delegate(), to, message);
                if (out != null) {
                    delegate().send(to, out);
                }
            }
        };
    }
}
