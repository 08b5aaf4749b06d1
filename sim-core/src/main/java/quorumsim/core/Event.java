package quorumsim.core;

/**
 * A scheduled event. Events are totally ordered by (time, seq): seq is the insertion order,
 * so two events at the same instant run in the order they were scheduled.
 */
abstract class Event {
    long time;
    long seq;
    /** The next event of the same instant in the queue's run (see {@link EventQueue}). */
    Event next;
    /** The next run's head added into the same bucket after its cut (see {@link EventQueue}). */
    Event link;

    /** Runs the event; the simulation has already advanced its clock to {@link #time}. */
    abstract void fire(Simulation sim);

    /** A small code for the trace digest. */
    abstract int kindCode();
}
