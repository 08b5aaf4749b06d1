package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

class RunReportTest {
    @TempDir
    static Path dir;
    static RunResult crashRun;
    static ReportFiles written;

    /** Two clients, replica 3 crashes at 80 ms and recovers at 140 ms; a partition window and a view-change mark. */
    @BeforeAll
    static void writeReportOfARunWithFaults() {
        TreeMap<Long, Fault> faults = new TreeMap<>();
        faults.put(80_000_000L, new Fault.Crash(Target.of(3)));
        faults.put(140_000_000L, new Fault.Recover(Target.of(3)));
        List<FaultWindow> windows = List.of(new FaultWindow("crash 3", 0.08, 0.14),
                new FaultWindow("partition [[0, 1], [2, 3]]", 0.15, 0.17), new FaultWindow("view change", 0.16, 0.16));
        crashRun = ToyPbft.run(ToyPbft.Setup.small().withFaults(faults, windows));
        written = RunReport.write(crashRun, dir, DiagramOptions.defaults());
    }

    @Test
    void everyChartIsAValidPngAndSvgWithItsTitleAndSeries() throws Exception {
        ReportFilesCheck.chart(dir, "throughput", "Throughput over time", "virtual time (s)", "throughput (ops/s)",
                ThroughputChart.SERIES, "crash 3", "partition", "view change");
        ReportFilesCheck.chart(dir, "latency-percentiles", "Latency percentiles over time", "p50", "p90", "p99", "latency (ms");
        ReportFilesCheck.chart(dir, "latency-cdf", "Latency distribution", LatencyDistributionChart.ALL, "read", "write",
                "operations at or below (%)");
        ReportFilesCheck.chart(dir, "messages-by-type", "Messages by type", "Prepare", "PrePrepare", "Commit", "Reply",
                "messages sent (count)");
        ReportFilesCheck.chart(dir, "cpu-by-node", "CPU utilisation by node", "replica-0", "CPU busy (% of core time)");
    }

    @Test
    void theReportRefersOnlyToFilesThatExistAndShowsEveryChartAndTheDiagram() throws Exception {
        Path page = dir.resolve(RunReport.PAGE);
        List<String> refs = ReportFilesCheck.referencesResolve(page);
        for (String chart : List.of("throughput", "latency-percentiles", "latency-cdf", "messages-by-type", "cpu-by-node")) {
            assertTrue(refs.contains(chart + ".svg"), "the page does not show " + chart);
        }
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertTrue(html.contains("toy-pbft") && html.contains("A toy with PBFT"), "scenario name and description");
        assertTrue(html.contains("violated") && html.contains("no request completed for 50 ms after the crash &lt;of replica-0&gt;"),
                "the liveness violation, escaped");
        assertTrue(html.contains("class=\"msg\""), "the diagram is on the page");
        assertTrue(written.files().contains(page) && written.files().contains(dir.resolve(RunReport.DIAGRAM)));
        for (Path f : written.files()) {
            assertTrue(Files.isRegularFile(f), f + " listed but not written");
        }
    }

    @Test
    void theDiagramShowsTheCrashedLaneGreyAfterTheCrash() throws Exception {
        RunResult crashAtStart = ToyPbft.run(ToyPbft.Setup.small().with(1, 20_000_000L).withFaults(
                new TreeMap<>(java.util.Map.of(2_000_000L, new Fault.Crash(Target.of(3)))), List.of()));
        Path out = dir.resolve("crash-early");
        RunReport.write(crashAtStart, out, DiagramOptions.firstRequests(1));
        String svg = Files.readString(out.resolve(RunReport.DIAGRAM));
        ReportFilesCheck.svgText(out.resolve(RunReport.DIAGRAM));
        assertTrue(svg.contains("class=\"lane-down\""), "a grey lane after the crash");
        assertTrue(svg.contains("data-fate=\"dropped\""), "messages to the crashed replica end in a cross");
    }

    @Test
    void theSameRunGivesTheSameFilesByteForByte() throws Exception {
        Path again = dir.resolve("again");
        ReportFiles second = RunReport.write(crashRun, again, DiagramOptions.defaults());
        assertEquals(written.files().size(), second.files().size());
        for (Path first : written.files()) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(first), Files.readAllBytes(again.resolve(first.getFileName()))),
                    first.getFileName() + " differs between two writes of one run");
        }
    }

    @Test
    void aRunWhereNothingCompletesStillGetsEveryChart() throws Exception {
        RunResult idle = ToyPbft.run(ToyPbft.Setup.small().with(0, 50_000_000L));
        Path out = dir.resolve("idle");
        ReportFiles files = RunReport.write(idle, out, DiagramOptions.defaults());
        ReportFilesCheck.chart(out, "throughput", "Throughput over time");
        ReportFilesCheck.chart(out, "latency-cdf", "Latency distribution");
        ReportFilesCheck.referencesResolve(out.resolve(RunReport.PAGE));
        assertTrue(Files.readString(out.resolve(RunReport.DIAGRAM)).contains("no message in this window"));
        assertTrue(files.files().size() >= 20);
    }

    @Test
    void aHugeTimeWindowIsCutToAReadableNumberOfMessages() throws Exception {
        Path out = dir.resolve("huge");
        RunReport.write(crashRun, out, DiagramOptions.timeRange(0, 1_000_000_000L));
        String svg = Files.readString(out.resolve(RunReport.DIAGRAM));
        assertEquals(DiagramWindow.MAX_MESSAGES, Pattern.compile("class=\"msg\" data-msg-id=\"(\\d+)\"").matcher(svg)
                .results().map(r -> r.group(1)).distinct().count());
        assertTrue(svg.contains("choose a narrower window"));
    }

    /** PBFT's normal case with f = 1 and one client: 1 request, 3 pre-prepares, 9 prepares, 12 commits, 4 replies. */
    @Test
    void theDiagramOfOneRequestHasExactlyItsNormalCaseMessages() throws Exception {
        RunResult run = ToyPbft.run(ToyPbft.Setup.small().with(1, 30_000_000L));
        Path out = dir.resolve("one-request");
        RunReport.write(run, out, DiagramOptions.firstRequests(1));
        String svg = Files.readString(out.resolve(RunReport.DIAGRAM));
        TreeMap<String, Integer> byType = new TreeMap<>();
        Matcher m = Pattern.compile("data-msg-id=\"(\\d+)\" data-type=\"(\\w+)\"").matcher(svg);
        TreeSet<Long> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
            byType.merge(m.group(2), 1, Integer::sum);
        }
        assertEquals(new TreeMap<>(java.util.Map.of("Request", 1, "PrePrepare", 3, "Prepare", 9, "Commit", 12, "Reply", 4)), byType);
        assertEquals(29, ids.size(), "one arrow per message");
        long firstRequest = run.diagramTrace().stream().filter(e -> e.kind() == TraceKind.SEND).findFirst().orElseThrow().messageId();
        assertEquals(firstRequest, ids.first(), "the window starts with the client's request");
    }

    @Test
    void aTimeWindowShowsExactlyTheMessagesSentInIt() throws Exception {
        Path out = dir.resolve("time-window");
        long from = 30_000_000L;
        long to = 34_000_000L;
        RunReport.write(crashRun, out, DiagramOptions.timeRange(from, to).withLanes(List.of(0, 1, 2, 3, 4)));
        TreeSet<Long> expected = new TreeSet<>();
        for (TraceEvent e : crashRun.diagramTrace()) {
            if (e.kind() == TraceKind.SEND && e.timeNanos() >= from && e.timeNanos() <= to && e.node() <= 4 && e.peer() <= 4) {
                expected.add(e.messageId());
            }
        }
        TreeSet<Long> drawn = new TreeSet<>();
        Matcher m = Pattern.compile("data-msg-id=\"(\\d+)\"").matcher(Files.readString(out.resolve(RunReport.DIAGRAM)));
        while (m.find()) {
            drawn.add(Long.parseLong(m.group(1)));
        }
        assertTrue(expected.size() > 10, "the window holds messages");
        assertEquals(expected, drawn);
    }
}
