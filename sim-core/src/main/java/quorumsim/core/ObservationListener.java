package quorumsim.core;

/** Receives what actors report through {@link Context#observe}: the raw material of checkers. */
@FunctionalInterface
public interface ObservationListener {
    void onObservation(long trueTimeNanos, int node, Object event);
}
