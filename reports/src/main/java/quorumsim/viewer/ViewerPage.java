package quorumsim.viewer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;
import quorumsim.trace.TraceKind;

/**
 * Writes {@code viewer.html}: one file with the page's style, its script and the run's
 * recording inline (a {@code <script type="application/json" id="record">} element), so it opens
 * from disk in a browser with no network and no server.
 */
public final class ViewerPage {
    public static final String FILE = "viewer.html";
    /** The recording's format; the page refuses another. */
    static final int FORMAT = 1;

    private ViewerPage() {
    }

    /** Writes {@code dir/viewer.html} for a recording that was not abandoned. */
    public static Path write(Path dir, Recording recording, RunResult result) {
        if (recording.abandoned()) {
            throw new IllegalStateException("the recording was abandoned past " + recording.settings().messageLimit() + " messages");
        }
        String template = resource("viewer.html");
        int data = template.indexOf("/*RECORD*/");
        String head = template.substring(0, data).replace("/*STYLE*/", resource("viewer.css")).replace("/*SCRIPT*/", "");
        String tail = template.substring(data + "/*RECORD*/".length()).replace("/*SCRIPT*/", resource("viewer.js"));
        Path file = dir.resolve(FILE);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(head);
            writeRecord(new JsonOut(out), recording, result);
            out.write(tail);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The recording as JSON: the run, then events, messages and state changes as columns. */
    static void writeRecord(JsonOut j, Recording r, RunResult result) {
        RunSummary s = result.summary();
        j.raw("{").key("format").number(FORMAT);
        j.raw(",").key("scenario").string(s.scenario());
        j.raw(",").key("description").string(result.description());
        j.raw(",").key("protocol").string(s.protocol());
        j.raw(",").key("seed").number(s.seed());
        j.raw(",").key("digest").string(s.traceDigest());
        j.raw(",").key("virtualSeconds").number(s.virtualSeconds());
        j.raw(",").key("servers").number(r.settings().servers());
        j.raw(",").key("lanes").strings(result.lanes());
        List<String> kinds = new ArrayList<>();
        for (TraceKind k : TraceKind.values()) {
            kinds.add(k.name());
        }
        j.raw(",").key("kinds").strings(kinds);
        j.raw(",").key("types").strings(r.types.all());
        j.raw(",").key("texts").strings(r.texts.all());
        j.raw(",").key("labels").strings(r.labels.all());
        j.raw(",\n").key("events").raw("{").key("t").longs(r.times)
                .raw(",\n").key("k").ints(r.kinds)
                .raw(",\n").key("n").ints(r.nodes)
                .raw(",\n").key("p").ints(r.peers)
                .raw(",\n").key("y").ints(r.eventTypes)
                .raw(",\n").key("m").ints(r.eventMessages)
                .raw(",\n").key("x").ints(r.eventTexts).raw("}");
        j.raw(",\n").key("messages").raw("{").key("from").ints(r.from)
                .raw(",\n").key("to").ints(r.to)
                .raw(",\n").key("y").ints(r.messageTypes)
                .raw(",\n").key("send").ints(r.sendEvents)
                .raw(",\n").key("end").ints(r.endEvents)
                .raw(",\n").key("fate").ints(r.fates)
                .raw(",\n").key("seq").ints(r.seqs)
                .raw(",\n").key("req").ints(r.requests)
                .raw(",\n").key("x").ints(r.messageTexts).raw("}");
        Deltas d = r.deltas();
        j.raw(",\n").key("state").raw("{").key("keys").strings(d.keys().all())
                .raw(",\n").key("values").strings(d.values().all())
                .raw(",\n").key("rows").ints(d.rows()).raw("}");
        j.raw(",\n").key("windows").raw("[");
        for (int i = 0; i < result.windows().size(); i++) {
            FaultWindow w = result.windows().get(i);
            j.raw(i > 0 ? "," : "").raw("{").key("label").string(w.label()).raw(",").key("start").number(w.startSeconds())
                    .raw(",").key("end").number(w.endSeconds()).raw("}");
        }
        j.raw("]");
        j.raw(",\n").key("violations").raw("[");
        List<Violation> violations = new ArrayList<>();
        addViolations(violations, s.safety());
        addViolations(violations, s.liveness());
        for (int i = 0; i < violations.size(); i++) {
            Violation v = violations.get(i);
            j.raw(i > 0 ? "," : "").raw("{").key("kind").string(v.kind()).raw(",").key("detail").string(v.detail())
                    .raw(",").key("time").number(v.time()).raw(",").key("story").raw("[");
            List<Integer> story = Story.of(v, r, result.lanes());
            for (int k = 0; k < story.size(); k++) {
                j.raw(k > 0 ? "," : "").number(story.get(k));
            }
            j.raw("]}");
        }
        j.raw("]}");
    }

    /** A verdict's violations, at most a hundred of them (a broken run can have thousands). */
    private static void addViolations(List<Violation> into, Verdict verdict) {
        if (verdict != null) {
            into.addAll(verdict.violations().subList(0, Math.min(100, verdict.violations().size())));
        }
    }

    private static String resource(String name) {
        try (InputStream in = ViewerPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the viewer's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
