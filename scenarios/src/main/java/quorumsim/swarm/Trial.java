package quorumsim.swarm;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.run.RunCancelled;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * Runs one scenario document exactly as {@code quorumsim run} would run its YAML file, and
 * classifies the result. A run that has not ended after the wall-time limit is called off (a
 * watchdog raises the flag the engine's loop asks after every event).
 */
final class Trial {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "swarm-watchdog");
        t.setDaemon(true);
        return t;
    });

    private Trial() {
    }

    static Outcome run(Doc doc, long limitWallNanos) {
        long start = System.nanoTime();
        ScenarioSpec spec;
        try {
            spec = ScenarioLoader.bind(new ScenarioLoader.Source("swarm", doc.yaml(List.of()), true, "swarm"), List.of());
        } catch (ScenarioException e) {
            return new Outcome(Failure.EXCEPTION, "invalid scenario", e.problems().get(0).toString(), "", seconds(start));
        }
        AtomicBoolean overLimit = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> overLimit.set(true), limitWallNanos, TimeUnit.NANOSECONDS);
        try {
            return classify(ScenarioRunner.run(spec, RunOptions.cancellable(overLimit::get)), start);
        } catch (RunCancelled e) {
            return new Outcome(Failure.OVER_LIMIT, "", String.format("did not end within %.0f s of wall time", limitWallNanos / 1e9), "",
                    seconds(start));
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            return new Outcome(Failure.EXCEPTION, e.getClass().getSimpleName(), describe(e), "", seconds(start));
        } finally {
            alarm.cancel(false);
        }
    }

    private static Outcome classify(RunResult result, long start) {
        RunSummary s = result.summary();
        if (!s.safety().holds()) {
            String kind = s.safety().violations().isEmpty() ? "safety" : s.safety().violations().get(0).kind();
            return new Outcome(Failure.SAFETY, kind, oneLine(s.safety().detail()), s.traceDigest(), seconds(start));
        }
        if (!s.liveness().holds()) {
            return new Outcome(Failure.LIVENESS, "", oneLine(s.liveness().detail()), s.traceDigest(), seconds(start));
        }
        return new Outcome(Failure.OK, "", "", s.traceDigest(), seconds(start));
    }

    /** The exception, where in quorumsim it was thrown (first: long messages are cut), and its message. */
    private static String describe(Throwable e) {
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("quorumsim.")) {
                where = " at " + frame;
                break;
            }
        }
        return oneLine(e.getClass().getName() + where + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replace('\n', ' ').replace('\r', ' ');
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
