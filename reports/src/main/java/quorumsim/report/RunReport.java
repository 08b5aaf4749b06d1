package quorumsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import quorumsim.metrics.Metrics;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/**
 * Everything a person looks at after one run, written into the run's folder: the charts (PNG
 * and SVG) with the CSV behind each, {@code messages.svg}, and {@code report.html} that shows
 * them on one page. {@code summary.json} is the caller's.
 */
public final class RunReport {
    public static final String PAGE = "report.html";
    public static final String DIAGRAM = "messages.svg";
    /** Violations listed on the page; the rest are counted. */
    static final int VIOLATIONS_SHOWN = 10;

    private RunReport() {
    }

    /**
     * Writes into {@code dir}: {@code throughput}, {@code latency-percentiles},
     * {@code latency-cdf}, {@code messages-by-type} and {@code cpu-by-node} as .png, .svg and
     * .csv; {@code fault-windows.csv}, {@code counters.csv}; {@code messages.svg} and
     * {@code messages-diagram.csv} (the diagram's arrows); and {@code report.html}, which
     * links {@code summary.json} and the trace ({@code trace.jsonl} or {@code .gz}) if they are already there.
     *
     * @return the files written and the wall time it took
     */
    public static ReportFiles write(RunResult result, Path dir, DiagramOptions options) {
        return write(result, dir, options, ConfigurationTable.none());
    }

    /** As {@link #write(RunResult, Path, DiagramOptions)}, with the configuration in force shown under the verdicts. */
    public static ReportFiles write(RunResult result, Path dir, DiagramOptions options, ConfigurationTable configuration) {
        return write(result, dir, options, configuration, Optional.empty());
    }

    /**
     * As {@link #write(RunResult, Path, DiagramOptions, ConfigurationTable)}, with the story of
     * the first agreement violation on the page and its messages in {@code violation.svg}.
     */
    public static ReportFiles write(RunResult result, Path dir, DiagramOptions options, ConfigurationTable configuration,
                                    Optional<ViolationStory> story) {
        long startNanos = System.nanoTime();
        OutputFolder.create(dir);
        List<Path> files = new ArrayList<>();
        files.add(writeWindows(result, dir));
        files.addAll(drawCharts(result, dir));
        files.add(writeCounters(result, dir));

        DiagramWindow window = DiagramWindow.of(result.diagramTrace(), result.lanes(), options);
        String diagram = SequenceDiagram.svg(window, result.lanes(), "Message sequence \u2014 " + result.summary().scenario());
        files.add(writeText(dir.resolve(DIAGRAM), diagram));
        files.add(writeDiagramData(window, result.lanes(), dir));
        String violation = null;
        if (story.isPresent()) {
            violation = SequenceDiagram.svg(story.get().window(), result.lanes(),
                    "The violation \u2014 " + result.summary().scenario(), story.get().dashed());
            files.add(writeText(dir.resolve(ViolationStory.DIAGRAM), violation));
        }
        String storyHtml = story.isPresent() ? storySection(story.get(), violation) : null;
        files.add(page(result, diagram, dir, configuration, storyHtml).write(dir.resolve(PAGE)));
        return new ReportFiles(files, System.nanoTime() - startNanos);
    }

    /**
     * The five charts, drawn two at a time: each writes files of its own from data it only
     * reads, so the files are the same whatever the order, and the run's cores are idle now.
     */
    private static List<Path> drawCharts(RunResult result, Path dir) {
        List<java.util.concurrent.Callable<List<Path>>> charts = List.of(
                () -> ThroughputChart.write(result, dir),
                () -> LatencyPercentilesChart.write(result, dir),
                () -> LatencyDistributionChart.write(result, dir),
                () -> MessagesByTypeChart.write(result, dir),
                () -> NodeCpuChart.write(result, dir));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "report-charts");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Path> files = new ArrayList<>();
            for (java.util.concurrent.Future<List<Path>> chart : pool.invokeAll(charts)) {
                files.addAll(chart.get());
            }
            return files;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing charts", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static Path writeWindows(RunResult result, Path dir) {
        List<List<?>> rows = new ArrayList<>();
        for (FaultWindow w : result.windows()) {
            rows.add(List.of(w.label(), w.startSeconds(), w.endSeconds(), w.isInstant() ? "instant" : "window"));
        }
        return CsvFile.write(dir.resolve("fault-windows.csv"), List.of("label", "startSeconds", "endSeconds", "shape"), rows);
    }

    private static Path writeCounters(RunResult result, Path dir) {
        List<List<?>> rows = new ArrayList<>();
        result.metrics().counters().forEach((name, value) -> rows.add(List.of(name, value)));
        return CsvFile.write(dir.resolve("counters.csv"), List.of("counter", "value"), rows);
    }

    private static Path writeDiagramData(DiagramWindow window, List<String> lanes, Path dir) {
        List<List<?>> rows = new ArrayList<>();
        for (DiagramWindow.Arrow a : window.arrows()) {
            rows.add(List.of(a.messageId(), a.type(), MessageKind.of(a.type()).label(), a.from(), lanes.get(a.from()), a.to(),
                    lanes.get(a.to()), a.sendNanos(), a.endNanos(), a.fate().name().toLowerCase(Locale.ROOT), a.sizeBytes()));
        }
        return CsvFile.write(dir.resolve("messages-diagram.csv"), List.of("messageId", "type", "kind", "from", "fromName", "to",
                "toName", "sendNanos", "endNanos", "fate", "sizeBytes"), rows);
    }

    private static Path writeText(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static HtmlPage page(RunResult result, String diagram, Path dir, ConfigurationTable configuration, String storyHtml) {
        RunSummary s = result.summary();
        HtmlPage page = new HtmlPage(s.scenario() + " \u2014 quorumsim run");
        page.heading(1, s.scenario());
        if (result.description() != null && !result.description().isBlank()) {
            page.paragraph("sub", result.description());
        }
        page.raw("<p class=\"tags\"><span>protocol " + Markup.escape(s.protocol()) + "</span><span>seed " + s.seed()
                + "</span><span>" + Units.number(s.virtualSeconds()) + " s virtual</span><span>" + Units.number(s.events())
                + " events</span><span>" + String.format(Locale.ROOT, "%.2f", s.wallSeconds()) + " s wall</span><span>trace digest <code>"
                + Markup.escape(s.traceDigest()) + "</code></span></p>");
        if (s.unsafe()) {
            page.raw("<p class=\"banner\"><b>unsafe configuration:</b> this run is outside the protocol's assumptions "
                    + "(the scenario says <code>unsafe: true</code>); its verdicts show what breaks.</p>");
        }
        for (String broken : configuration.brokenAssumptions()) {
            page.raw("<p class=\"banner\"><b>assumption broken:</b> " + Markup.escape(broken) + "</p>");
        }
        page.heading(2, "Verdicts");
        verdict(page, "Safety", s.safety(), storyHtml);
        verdict(page, "Liveness", s.liveness(), null);
        if (!configuration.values().isEmpty()) {
            page.heading(2, "Configuration in force");
            List<List<String>> rows = new ArrayList<>();
            configuration.values().forEach((k, v) -> rows.add(List.of(k, v)));
            page.table(List.of("setting", "value"), rows);
        }

        page.heading(2, "Key figures");
        page.table(List.of("figure", "value"), keyFigures(s));

        page.heading(2, "Charts");
        page.chart(ThroughputChart.NAME, "Throughput over virtual time; shaded: fault windows, dashed: protocol marks");
        page.chart(LatencyPercentilesChart.NAME, "Latency percentiles (p50, p90, p99) per time bucket");
        page.chart(LatencyDistributionChart.NAME, "Latency distribution over the measured window (CDF)");
        page.chart(MessagesByTypeChart.NAME, "Messages sent by type, coloured by phase");
        page.chart(NodeCpuChart.NAME, "CPU utilisation by node");

        page.heading(2, "Message sequence diagram");
        page.raw("<p class=\"sub\">Hover an arrow for the message. Also as <a href=\"" + DIAGRAM + "\">" + DIAGRAM
                + "</a>, with its data in <a href=\"messages-diagram.csv\">messages-diagram.csv</a>.</p>");
        page.raw("<div class=\"diagram\">" + diagram.substring(diagram.indexOf("<svg")) + "</div>");
        if (Files.isRegularFile(dir.resolve("viewer.html"))) {
            page.raw("<p class=\"sub\">Step through the whole run, event by event, with each node's state: <a href=\"viewer.html\">viewer.html</a>.</p>");
        }

        page.heading(2, "Messages by type");
        List<List<String>> rows = new ArrayList<>();
        for (Metrics.MessageCount c : result.metrics().messagesByType().values()) {
            rows.add(List.of(c.type(), MessageKind.of(c.type()).label(), Units.number(c.messages()), Units.number(c.bytes())));
        }
        page.table(List.of("type", "phase", "messages", "bytes"), rows);
        StringBuilder more = new StringBuilder("<p class=\"sub\">More data: ");
        for (String other : List.of("summary.json", "viewer.html", "trace.jsonl", "trace.jsonl.gz")) {
            if (Files.isRegularFile(dir.resolve(other))) {
                more.append("<a href=\"").append(other).append("\">").append(other).append("</a> \u00b7 ");
            }
        }
        page.raw(more.append("<a href=\"fault-windows.csv\">fault-windows.csv</a> \u00b7 <a href=\"counters.csv\">counters.csv</a></p>").toString());
        return page;
    }

    /** The violation told as a story, then its messages: the certificates behind the two executions. */
    private static String storySection(ViolationStory story, String svg) {
        StringBuilder html = new StringBuilder("<h3>What went wrong</h3>\n<div class=\"story\">");
        for (String line : story.lines()) {
            boolean detail = line.startsWith("    ");
            html.append(detail ? "<p class=\"cert\">" : "<p>").append(Markup.escape(line.strip())).append("</p>\n");
        }
        html.append("</div>\n<p class=\"sub\">The messages behind both executions: each replica's certificate, as it arrived."
                + " Also as <a href=\"").append(ViolationStory.DIAGRAM).append("\">").append(ViolationStory.DIAGRAM).append("</a>.</p>\n");
        html.append("<div class=\"diagram\">").append(svg.substring(svg.indexOf("<svg"))).append("</div>");
        return html.toString();
    }

    /** A verdict, then (if given) the story of its first violation, then the list of violations. */
    private static void verdict(HtmlPage page, String name, Verdict v, String storyHtml) {
        if (v == null) {
            page.raw("<p><b>" + name + ":</b> not checked</p>");
            return;
        }
        page.raw("<p><b>" + name + ":</b> " + (!v.judged() ? "not judged" : v.holds() ? "<span class=\"ok\">holds \u2713</span>" : "<span class=\"bad\">violated \u2717</span>")
                + " \u2014 " + Markup.escape(v.detail()) + "</p>");
        if (storyHtml != null) {
            page.raw(storyHtml);
        }
        if (!v.violations().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Violation x : v.violations().subList(0, Math.min(VIOLATIONS_SHOWN, v.violations().size()))) {
                rows.add(List.of(String.format(Locale.ROOT, "%.6f", x.time()), x.kind(), x.detail()));
            }
            page.table(List.of("time (s)", "kind", "what happened"), rows);
            if (v.violations().size() > VIOLATIONS_SHOWN) {
                page.paragraph("sub", (v.violations().size() - VIOLATIONS_SHOWN) + " more violations in summary.json");
            }
        }
    }

    private static List<List<String>> keyFigures(RunSummary s) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("throughput (ops/s)", Units.number(s.throughputOpsPerSec())));
        if (s.requests() != null) {
            rows.add(List.of("requests completed", Units.number(s.requests().completed())));
            rows.add(List.of("requests pending at the end", Units.number(s.requests().pending())));
            rows.add(List.of("reads / writes", Units.number(s.requests().reads()) + " / " + Units.number(s.requests().writes())));
        }
        if (s.latencyMs() != null) {
            RunSummary.LatencySummary l = s.latencyMs();
            rows.add(List.of("latency mean (ms)", Units.number(l.mean())));
            rows.add(List.of("latency p50 / p90 / p99 (ms)", Units.number(l.p50()) + " / " + Units.number(l.p90()) + " / " + Units.number(l.p99())));
            rows.add(List.of("latency max (ms)", Units.number(l.max())));
        }
        if (s.messages() != null) {
            rows.add(List.of("messages sent", Units.number(s.messages().total())));
        }
        if (s.figures() != null) {
            for (Map.Entry<String, Double> f : new java.util.TreeMap<>(s.figures()).entrySet()) {
                rows.add(List.of(f.getKey(), Units.number(f.getValue())));
            }
        }
        return rows;
    }
}
