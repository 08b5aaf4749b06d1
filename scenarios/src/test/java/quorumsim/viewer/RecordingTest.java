package quorumsim.viewer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;

/**
 * Recording a run for the viewer leaves the run alone (same trace digest) and is itself
 * deterministic (the same bytes twice); the viewer is written by default for a small run and
 * linked from report.html; the exports read as their tools read them.
 */
class RecordingTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err, Path folder) {
    }

    private Run run(String name, String... more) {
        Path folder = dir.resolve(name + "-" + Integer.toHexString(String.join(" ", more).hashCode()));
        List<String> args = new ArrayList<>(List.of("run", name, "--out", folder.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString(), folder);
    }

    private static String digest(Path folder) throws Exception {
        return new ObjectMapper().readTree(folder.resolve("summary.json").toFile()).path("traceDigest").asText();
    }

    @Test
    void recordingChangesNoTraceDigestAndWritesTheSameBytesTwice() throws Exception {
        Run plain = run("pbft-equivocating-primary", "--set", "duration=1.3s", "--no-record");
        Run recorded = run("pbft-equivocating-primary", "--set", "duration=1.3s", "--record", "--export", "shiviz");
        Run again = run("pbft-equivocating-primary", "--set", "duration=1.3s", "--record", "--export", "shiviz", "--quiet");
        assertEquals(0, plain.code(), plain.err());
        assertFalse(Files.exists(plain.folder().resolve("viewer.html")), "--no-record writes no viewer");
        assertEquals(digest(plain.folder()), digest(recorded.folder()), "recording leaves the run's trace digest alone");
        assertArrayEquals(Files.readAllBytes(recorded.folder().resolve("viewer.html")), Files.readAllBytes(again.folder().resolve("viewer.html")),
                "two recordings of one run are the same bytes");
        assertArrayEquals(Files.readAllBytes(recorded.folder().resolve("shiviz.log")), Files.readAllBytes(again.folder().resolve("shiviz.log")));
        assertTrue(recorded.out().contains("viewer       " + recorded.folder().resolve("viewer.html")), recorded.out());
    }

    @Test
    void aSmallRunIsRecordedByDefaultAndItsReportLinksTheViewer() throws Exception {
        Run small = run("pbft-normal", "--set", "duration=200ms", "--set", "warmup=0s", "--quiet");
        assertEquals(0, small.code(), small.err());
        String page = Files.readString(small.folder().resolve("viewer.html"));
        assertFalse(page.matches("(?s).*(src|href)=\"https?:.*"), "the viewer loads nothing from the network");
        JsonNode record = new ObjectMapper().readTree(page.substring(page.indexOf("id=\"record\">") + "id=\"record\">".length(),
                page.indexOf("</script>", page.indexOf("id=\"record\">"))));
        assertEquals(1, record.path("format").asInt());
        assertEquals(digest(small.folder()), record.path("digest").asText());
        long messages = new ObjectMapper().readTree(small.folder().resolve("summary.json").toFile()).path("messages").path("total").asLong();
        assertEquals(messages, record.path("messages").path("from").size(), "every message the run sent is recorded");
        assertTrue(Files.readString(small.folder().resolve("report.html")).contains("href=\"viewer.html\""), "report.html links the viewer");
    }

    @Test
    void aRunPastTheDefaultLimitGetsNoViewerAndIsToldHowToGetOne() {
        Run large = run("pbft-normal", "--set", "duration=1s", "--set", "warmup=0s");
        assertEquals(0, large.code(), large.err());
        assertFalse(Files.exists(large.folder().resolve("viewer.html")));
        assertTrue(large.out().contains("viewer       none: the run sent more than 20,000 messages; run it again with --record for viewer.html"),
                large.out());
        assertFalse(uncheckedRead(large.folder().resolve("report.html")).contains("viewer.html"), "the report links no viewer that is not there");
    }

    private static String uncheckedRead(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theShivizLogParsesWithShivizsExpressionAndItsClocksNeverRunAhead() throws Exception {
        Run r = run("pbft-normal", "--set", "duration=300ms", "--set", "warmup=0s", "--export", "shiviz", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(r.folder().resolve("shiviz.log"));
        assertEquals("(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)", lines.get(0), "ShiViz's default expression heads the log");
        assertEquals("", lines.get(1), "an empty execution delimiter: one execution");
        // The same expression in Java's syntax, whose braces need escaping.
        Pattern shiviz = Pattern.compile(lines.get(0).replace("{", "\\{").replace("}", "\\}"));
        String body = String.join("\n", lines.subList(2, lines.size()));
        Matcher m = shiviz.matcher(body);
        Map<String, Integer> seen = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        int entries = 0;
        int end = 0;
        int receives = 0;
        while (m.find()) {
            assertEquals(end == 0 ? 0 : end + 1, m.start(), "entries follow each other with nothing between them");
            end = m.end();
            entries++;
            String host = m.group("host");
            JsonNode clock = json.readTree(m.group("clock"));
            int own = clock.path(host).asInt();
            assertEquals(seen.getOrDefault(host, 0) + 1, own, "a host ticks its own entry once per event: " + m.group());
            seen.put(host, own);
            var names = clock.fieldNames();
            while (names.hasNext()) {
                String other = names.next();
                assertTrue(clock.path(other).asInt() <= seen.getOrDefault(other, 0),
                        "a clock knows only events that already happened: " + m.group());
            }
            receives += m.group("event").startsWith("receive ") ? 1 : 0;
        }
        assertEquals(body.length(), end, "the whole log parses");
        assertEquals((lines.size() - 2) / 2, entries);
        assertTrue(receives > 1000, "deliveries are events: " + receives);
    }

    @Test
    void theKnossosHistoryRoundTripsThroughClojuresEdnReader() throws Exception {
        Run r = run("zk-leader-crash", "--set", "duration=2.6s", "--export", "knossos", "--no-record", "--quiet");
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        List<String> lines = Files.readAllLines(r.folder().resolve("history.edn"));
        assertTrue(lines.size() > 100, "the clients' calls are there: " + lines.size());
        clojure.lang.IFn readString = clojure.java.api.Clojure.var("clojure.edn", "read-string");
        clojure.lang.IFn prStr = clojure.java.api.Clojure.var("clojure.core", "pr-str");
        clojure.lang.Keyword type = clojure.lang.Keyword.intern("type");
        clojure.lang.Keyword process = clojure.lang.Keyword.intern("process");
        clojure.lang.Keyword f = clojure.lang.Keyword.intern("f");
        clojure.lang.Keyword value = clojure.lang.Keyword.intern("value");
        Map<Object, String> open = new HashMap<>();
        Map<Object, Boolean> retired = new HashMap<>();
        Map<String, Integer> types = new HashMap<>();
        for (String line : lines) {
            Map<?, ?> op = (Map<?, ?>) readString.invoke(line);
            assertEquals(line, prStr.invoke(op), "the EDN reads back and prints as written");
            String t = ((clojure.lang.Keyword) op.get(type)).getName();
            Object p = op.get(process);
            types.merge(t, 1, Integer::sum);
            assertFalse(retired.containsKey(p), "a process that ended :info never runs again: " + line);
            assertEquals(2, ((List<?>) op.get(value)).size(), "a value is a [path value] tuple: " + line);
            if (t.equals("invoke")) {
                assertFalse(open.containsKey(p), "one operation open per process: " + line);
                open.put(p, ((clojure.lang.Keyword) op.get(f)).getName());
            } else {
                assertEquals(open.remove(p), ((clojure.lang.Keyword) op.get(f)).getName(), "a completion answers its process's invocation: " + line);
                if (t.equals("info")) {
                    retired.put(p, true);
                }
            }
        }
        assertTrue(types.getOrDefault("ok", 0) > 50, "completions: " + types);
    }

    @Test
    void badExportsAreRefusedInOneLine() {
        Run unknown = run("pbft-normal", "--export", "jaeger");
        assertEquals(2, unknown.code());
        assertEquals("quorumsim: --export jaeger: not a format; use shiviz or knossos", unknown.err().trim());
        Run notZab = run("pbft-normal", "--export", "knossos");
        assertEquals(2, notZab.code());
        assertTrue(notZab.err().trim().endsWith("--export knossos: histories are written for ZooKeeper (zab) runs; this one is pbft"), notZab.err());
    }
}
