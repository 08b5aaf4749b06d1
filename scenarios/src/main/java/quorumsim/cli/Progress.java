package quorumsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: on a terminal, once the work has taken a second, a bar with an
 * estimate of the time left; in a pipe, a redirected file or a CI log, once it has taken
 * {@value #LINES_AFTER_SECONDS} seconds, one line on stderr for every tenth of the work or every
 * {@value #LINE_EVERY_SECONDS} seconds, whichever comes first, so a log shows the work is alive
 * without filling up. Nothing with --quiet.
 */
final class Progress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    static final int LINES_AFTER_SECONDS = 5;
    static final int LINE_EVERY_SECONDS = 10;
    private final String task;
    private final long total;
    private final String unit;
    private final boolean quiet;
    private final boolean terminal;
    private final PrintWriter err;
    private final LongSupplier clock;
    private final long startNanos;
    private ProgressBar bar;
    private long current;
    private long lastLineNanos;
    private long lastLineTenths;

    Progress(String task, long total, String unit, boolean quiet, PrintWriter err) {
        this(task, total, unit, quiet, System.console() != null && System.getenv("CI") == null, err, System::nanoTime);
    }

    Progress(String task, long total, String unit, boolean quiet, boolean terminal, PrintWriter err, LongSupplier clock) {
        this.task = task;
        this.total = Math.max(1, total);
        this.unit = unit;
        this.quiet = quiet;
        this.terminal = terminal;
        this.err = err;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    synchronized void stepTo(long value) {
        current = value;
        update();
    }

    synchronized void step() {
        current++;
        update();
    }

    private void update() {
        if (quiet) {
            return;
        }
        long now = clock.getAsLong();
        if (now - startNanos <= (terminal ? SHOW_AFTER_NANOS : LINES_AFTER_SECONDS * 1_000_000_000L)) {
            return;
        }
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(unit, 1)
                        .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
            }
            bar.stepTo(current);
            return;
        }
        long tenths = current * 10 / total;
        if (tenths > lastLineTenths || now - lastLineNanos >= LINE_EVERY_SECONDS * 1_000_000_000L) {
            line(now);
            lastLineTenths = tenths;
            lastLineNanos = now;
        }
    }

    private void line(long now) {
        double elapsed = (now - startNanos) / 1e9;
        double leftSeconds = current > 0 ? elapsed * (total - current) / current : Double.NaN;
        String left = leftSeconds >= 0.5 ? String.format(Locale.ROOT, ", about %.0f s left", leftSeconds) : "";
        err.println(String.format(Locale.ROOT, "%s: %d%% (%,d of %,d %s), %.0f s%s", task, current * 100 / total, current, total,
                unit.strip(), elapsed, left));
        err.flush();
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
