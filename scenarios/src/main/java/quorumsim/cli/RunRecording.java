package quorumsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import quorumsim.result.RunResult;
import quorumsim.scenario.Configured;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.trace.TraceListener;
import quorumsim.viewer.KnossosHistory;
import quorumsim.viewer.Recording;
import quorumsim.viewer.ShivizLog;
import quorumsim.viewer.ViewerPage;

/**
 * What {@code quorumsim run} records beside its summary: the viewer's recording (by default up
 * to {@link #DEFAULT_MESSAGE_LIMIT} messages, any size with {@code --record}, none with
 * {@code --no-record}) and the exports asked for with {@code --export}.
 */
final class RunRecording {
    /** A run that sends more messages than this gets no viewer unless it asks with --record. */
    static final long DEFAULT_MESSAGE_LIMIT = 20_000;
    static final List<String> EXPORTS = List.of("shiviz", "knossos");

    private final Recording recording;
    private final KnossosHistory knossos;
    private final boolean shiviz;

    private RunRecording(Recording recording, KnossosHistory knossos, boolean shiviz) {
        this.recording = recording;
        this.knossos = knossos;
        this.shiviz = shiviz;
    }

    /** {@code record}: true for --record, false for --no-record, null for neither. Bad exports are bad usage. */
    static RunRecording of(ScenarioSpec spec, Boolean record, List<String> exports) {
        for (String export : exports) {
            if (!EXPORTS.contains(export)) {
                throw new UsageException("--export " + export + ": not a format; use " + String.join(" or ", EXPORTS));
            }
        }
        boolean shiviz = exports.contains("shiviz");
        if (shiviz && Boolean.FALSE.equals(record)) {
            throw new UsageException("--export shiviz: it is written from the recording, which --no-record turns off");
        }
        if (exports.contains("knossos") && !spec.protocol().equals("zab")) {
            throw new UsageException("--export knossos: histories are written for ZooKeeper (zab) runs; this one is " + spec.protocol());
        }
        Recording recording = null;
        if (!Boolean.FALSE.equals(record)) {
            long limit = Boolean.TRUE.equals(record) || shiviz ? 0 : DEFAULT_MESSAGE_LIMIT;
            recording = new Recording(settings(spec, limit));
        }
        return new RunRecording(recording, exports.contains("knossos") ? new KnossosHistory() : null, shiviz);
    }

    static Recording.Settings settings(ScenarioSpec spec, long messageLimit) {
        Configured<?> protocol = spec.protocolConfig().configured();
        return new Recording.Settings(spec.protocol().toLowerCase(Locale.ROOT), protocol.servers(), protocol.quorum(), protocol.logWindow(),
                messageLimit);
    }

    List<TraceListener> listeners() {
        List<TraceListener> listeners = new ArrayList<>();
        if (recording != null) {
            listeners.add(recording);
        }
        if (knossos != null) {
            listeners.add(knossos);
        }
        return listeners;
    }

    /** Writes what was recorded; returns one line per file for the terminal. */
    List<String> write(Path dir, RunResult result) {
        List<String> lines = new ArrayList<>();
        if (recording != null && recording.abandoned()) {
            lines.add("viewer       none: the run sent more than " + String.format(Locale.ROOT, "%,d", DEFAULT_MESSAGE_LIMIT)
                    + " messages; run it again with --record for viewer.html");
        } else if (recording != null) {
            ViewerPage.write(dir, recording, result);
            lines.add("viewer       " + dir.resolve(ViewerPage.FILE) + "  (" + String.format(Locale.ROOT, "%,d", recording.messageCount())
                    + " messages, " + String.format(Locale.ROOT, "%,d", recording.eventCount()) + " events)");
        }
        if (shiviz) {
            lines.add("export       " + ShivizLog.write(dir, recording, result.lanes()) + "  (ShiViz)");
        }
        if (knossos != null) {
            lines.add("export       " + knossos.write(dir) + "  (Knossos, " + String.format(Locale.ROOT, "%,d", knossos.lines().size())
                    + " operations)");
        }
        return lines;
    }
}
