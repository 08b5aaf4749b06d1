package quorumsim.core;

/**
 * A scheduled event. Events are totally ordered by (time, seq): seq is the insertion order,
 * so two events at the same instant run in the order they were scheduled.
 */
abstract class Event {
    long time;
    long seq;

    /** Runs the event; the simulation has already advanced its clock to {@link #time}. */
    abstract void fire(Simulation sim);

    /** A small code for the trace digest. */
    abstract int kindCode();

    final boolean before(Event other) {
        return time < other.time || (time == other.time && seq < other.seq);
    }
}
