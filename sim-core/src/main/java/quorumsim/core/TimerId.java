package quorumsim.core;

/** A handle to a timer, for {@link Context#cancelTimer}. */
public final class TimerId {
    final Object timer;
    boolean cancelled;

    TimerId(Object timer) {
        this.timer = timer;
    }

    public Object timer() {
        return timer;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
