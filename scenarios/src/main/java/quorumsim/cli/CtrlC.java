package quorumsim.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a long command. The first one calls {@code onInterrupt} and nothing else: the
 * JVM does not start shutting down, so the command stops its work and writes what it has on
 * its own thread, as at a normal end (a shutdown hook could not: charts and report.html need
 * services that refuse to start once shutdown is in progress). A second Ctrl-C quits at once.
 */
final class CtrlC implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    /** What a shell reports for a process that Ctrl-C ended: 128 + SIGINT. */
    private static final int QUIT = 128 + 2;
    private final SignalHandler previous;

    private CtrlC(SignalHandler previous) {
        this.previous = previous;
    }

    /**
     * Until {@link #close()}, the first Ctrl-C runs {@code onInterrupt}; the next one quits. Where
     * the JVM keeps SIGINT to itself ({@code -Xrs}), Ctrl-C keeps its default effect.
     */
    static CtrlC onInterrupt(Runnable onInterrupt) {
        try {
            return new CtrlC(Signal.handle(INT, first -> {
                Signal.handle(INT, second -> System.exit(QUIT));
                onInterrupt.run();
            }));
        } catch (IllegalArgumentException jvmKeepsIt) {
            return new CtrlC(null);
        }
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
