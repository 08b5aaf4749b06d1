package quorumsim.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with an estimate of the time left, on a terminal only: never in a pipe, a
 * redirected file or a CI log. Shown only once the work has taken a second.
 */
final class Progress implements AutoCloseable {
    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private final String task;
    private final long total;
    private final String unit;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private ProgressBar bar;
    private long current;

    Progress(String task, long total, String unit, boolean quiet) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.enabled = !quiet && System.console() != null && System.getenv("CI") == null;
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
        if (!enabled) {
            return;
        }
        if (bar == null && System.nanoTime() - startNanos > SHOW_AFTER_NANOS) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(unit, 1)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).showSpeed().build();
        }
        if (bar != null) {
            bar.stepTo(current);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
