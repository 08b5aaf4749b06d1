package quorumsim.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A scriptable actor for engine tests: it runs the handlers a test gives it and records what
 * it saw, with the true and local time of each handler.
 */
class Probe implements Actor {
    /** Something a handler saw: a message (with its sender), a timer or a persisted token. */
    record Seen(long trueNanos, long localNanos, int from, Object what) {
    }

    interface MessageHandler {
        void handle(Context ctx, int from, Message message);
    }

    final List<Seen> messages = new ArrayList<>();
    final List<Seen> timers = new ArrayList<>();
    final List<Seen> persisted = new ArrayList<>();
    /** Connection notices: {@code from} is the peer whose connection was lost. */
    final List<Seen> connectionsLost = new ArrayList<>();
    Consumer<Context> onStart = ctx -> { };
    MessageHandler onMessage = (ctx, from, message) -> { };
    BiConsumer<Context, Object> onTimer = (ctx, timer) -> { };
    BiConsumer<Context, Object> onPersisted = (ctx, token) -> { };
    int starts;

    @Override
    public void onStart(Context ctx) {
        starts++;
        onStart.accept(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        messages.add(new Seen(ctx.trueTimeNanos(), ctx.now(), from, message));
        onMessage.handle(ctx, from, message);
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        timers.add(new Seen(ctx.trueTimeNanos(), ctx.now(), -1, timer));
        onTimer.accept(ctx, timer);
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        persisted.add(new Seen(ctx.trueTimeNanos(), ctx.now(), -1, token));
        onPersisted.accept(ctx, token);
    }

    @Override
    public void onConnectionLost(Context ctx, int peer) {
        connectionsLost.add(new Seen(ctx.trueTimeNanos(), ctx.now(), peer, "lost"));
    }

    List<Long> messageTimes() {
        return messages.stream().map(Seen::trueNanos).toList();
    }

    List<Object> messageContents() {
        return messages.stream().map(Seen::what).toList();
    }

    List<Long> timerTimes() {
        return timers.stream().map(Seen::trueNanos).toList();
    }
}
