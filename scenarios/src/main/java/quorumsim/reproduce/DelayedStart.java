package quorumsim.reproduce;

import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Message;

/**
 * Holds an actor back until {@code delayNanos} after the run starts, then starts it. The
 * paper's clients connected to an ensemble that was already serving; started at time zero
 * they would be refused during the first election and scatter over the servers at random.
 */
final class DelayedStart implements Actor {
    /** The one timer of this wrapper; every other timer is the inner actor's. */
    private record Begin() {
    }

    private final Actor inner;
    private final long delayNanos;
    private boolean started;

    DelayedStart(Actor inner, long delayNanos) {
        this.inner = inner;
        this.delayNanos = delayNanos;
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(delayNanos, new Begin());
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (started) {
            inner.onMessage(ctx, from, message);
        }
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof Begin) {
            started = true;
            inner.onStart(ctx);
        } else {
            inner.onTimer(ctx, timer);
        }
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        inner.onPersisted(ctx, token);
    }
}
