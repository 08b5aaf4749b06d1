package quorumsim.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What a report wrote and how long it took, so the caller can say which share of a run's
 * wall time went into reports.
 *
 * @param files     every file written, in the order written
 * @param wallNanos wall-clock time spent writing them (reports run after the simulation, so
 *                  reading the wall clock here does not touch determinism)
 */
public record ReportFiles(List<Path> files, long wallNanos) {
    public ReportFiles {
        files = List.copyOf(files);
    }

    public double wallSeconds() {
        return wallNanos / 1e9;
    }
}
