package quorumsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.result.RunResult;
import quorumsim.run.Json;
import quorumsim.run.OutputFolders;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.run.StoryReplay;
import quorumsim.report.ViolationStory;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** {@code quorumsim run}: one scenario, one seed, a summary and an output folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one scenario and write its summary, charts and report.",
            "",
            "The scenario is a built-in name or a .yaml/.json file. The output folder gets summary.json,"
                + " CSV data, charts (PNG and SVG), messages.svg, report.html, viewer.html (see --record), and trace.jsonl with --trace.",
            "Exit code 1 when the scenario's expect: is not met."})
final class RunCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|FILE", description = "A built-in scenario (see 'quorumsim list') or a scenario file.")
    String scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the run (default: the scenario's seed:).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field, e.g. --set cluster.f=2 --set network.loss=0.01. Validated like the file. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>). A folder of this same configuration"
        + " and seed is rewritten; one holding anything else is kept and DIR-2 (or -3, ...) is used.")
    Path out;

    @Option(names = "--diagram-request", paramLabel = "N[-M]", description = "Draw request N (or requests N to M) in messages.svg,"
        + " counted in the order clients send them from the window's start; same as --set report.diagram.request=N.")
    String diagramRequest;

    @Option(names = "--diagram-window", paramLabel = "FROM..[TO]", description = "Draw every message sent from FROM to TO"
        + " (e.g. 1s..1.02s); with no TO, the requests are counted from FROM.")
    String diagramWindow;

    @Option(names = "--trace", description = "Also write the full trace as JSON lines (trace.jsonl). A delivery names its message"
            + " by id; the message itself is on the SEND line with that id.")
    boolean trace;

    @Option(names = "--trace-gzip", description = "Write the trace compressed, as trace.jsonl.gz (about a tenth of the size); implies --trace.")
    boolean traceGzip;

    @Mixin
    QuietOption quietOption;

    @Option(names = "--record", negatable = true, description = "Record the run for viewer.html (an interactive space-time diagram"
        + " with each node's state) whatever its size. Without it a run is recorded if it sends at most 20,000 messages;"
        + " --no-record never records.")
    Boolean record;

    @Option(names = "--no-report", description = "Write summary.json only (and the trace with --trace): no charts, CSV data,"
        + " messages.svg, report.html or viewer, for runs whose figures a script reads. Saves the reports' time.")
    boolean noReport;

    @Option(names = "--export", paramLabel = "FORMAT", description = "Also export the run for outside tools: shiviz (shiviz.log,"
        + " ShiViz's log format) or knossos (history.edn, a ZooKeeper run's client history for Jepsen's Knossos). Repeatable.")
    List<String> exports = new ArrayList<>();

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        String traceFile = traceGzip ? "trace.jsonl.gz" : trace ? "trace.jsonl" : null;
        ScenarioLoader.Source source = ScenarioLoader.find(scenario);
        overrides.addAll(DiagramChoice.overrides(diagramRequest, diagramWindow));
        ScenarioSpec scenarioSpec = ScenarioLoader.bind(source, overrides);
        if (seed != null) {
            scenarioSpec = scenarioSpec.withSeed(seed);
        }
        if (noReport && (Boolean.TRUE.equals(record) || !exports.isEmpty())) {
            throw new UsageException("--no-report writes summary.json only; drop " + (Boolean.TRUE.equals(record) ? "--record" : "--export"));
        }
        RunRecording recording = RunRecording.of(scenarioSpec, noReport ? Boolean.FALSE : record, exports);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (scenarioSpec.unsafe()) {
            err.println("WARNING: unsafe: true -- this run is configured outside the protocol's assumptions; violations are expected.");
            err.flush();
        }
        OutputFolders.Folder folder = prepareFolder(this.out != null ? this.out : Path.of("out", scenarioSpec.name()),
                OutputFolders.identity("run", source.text(), String.join("\n", overrides), Long.toString(scenarioSpec.seed())));
        Path dir = folder.dir();
        if (folder.moved() && !quietOption.quiet) {
            out.printf("%s/ holds another run (another configuration or seed); this one goes to %s/%n", folder.wanted(), dir);
            out.flush();
        }
        RunOutcome outcome = execute(scenarioSpec, dir, traceFile, quietOption.quiet, err, recording, !noReport);
        folder.seal();
        if (!quietOption.quiet) {
            SummaryPrinter.print(out, outcome.result(), dir, outcome.unmet(), outcome.reportSeconds(), scenarioSpec.expect().isEmpty(),
                    ConfigurationSummary.of(scenarioSpec), traceFile, outcome.story(), !noReport);
            outcome.recorded().forEach(line -> out.println("  " + line));
            out.flush();
        }
        return outcome.unmet().isEmpty() ? ExitCodes.DONE : ExitCodes.EXPECTATION_UNMET;
    }

    /** Trace lines kept for messages.svg from the window's start: some thousand messages, a few tens of requests. */
    private static final int DIAGRAM_EVENTS = 20_000;

    /** The result of a run and what of its expect: was not met. */
    record RunOutcome(RunResult result, List<String> unmet, double reportSeconds, Optional<ViolationStory> story, List<String> recorded) {
    }

    /** {@code reports}: false for --no-report (summary.json only; nothing kept for the diagram). */
    static RunOutcome execute(ScenarioSpec scenarioSpec, Path dir, String traceFile, boolean quiet, PrintWriter err, RunRecording recording,
                              boolean reports) {
        if (reports) {
            quorumsim.report.ChartWarmUp.startInBackground();          // charts warm while the run simulates
        }
        RunResult result;
        try (Progress progress = new Progress(scenarioSpec.name(), scenarioSpec.durationNanos() / 1_000_000, " virtual ms", quiet, err);
             Writer traceOut = traceFile == null ? null : traceWriter(dir.resolve(traceFile))) {
            RunOptions options = new RunOptions(traceOut, reports ? DIAGRAM_EVENTS : 0, t -> progress.stepTo(t / 1_000_000));
            result = ScenarioRunner.run(scenarioSpec, options, recording.listeners());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long reportStart = System.nanoTime();
        Json.write(dir.resolve("summary.json"), withConfiguration(result, ConfigurationSummary.of(scenarioSpec)));
        if (!reports) {
            double summarySeconds = (System.nanoTime() - reportStart) / 1e9;
            return new RunOutcome(result, ScenarioRunner.unmetExpectations(scenarioSpec.expect(), result.summary()), summarySeconds,
                    Optional.empty(), List.of());
        }
        List<String> recorded = recording.write(dir, result);
        Optional<ViolationStory> story = StoryReplay.of(scenarioSpec, result, ConfigurationSummary.of(scenarioSpec).text());
        RunReports.write(result, dir, scenarioSpec, story);
        double reportSeconds = (System.nanoTime() - reportStart) / 1e9;
        return new RunOutcome(result, ScenarioRunner.unmetExpectations(scenarioSpec.expect(), result.summary()), reportSeconds, story, recorded);
    }

    /** A gzip stream's header carries no time in Java, so the same run gives the same bytes. */
    private static Writer traceWriter(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    /** summary.json: the run's summary, then the configuration in force and the assumptions it breaks. */
    static Map<String, Object> withConfiguration(RunResult result, ConfigurationSummary configuration) {
        Map<String, Object> summary = new ObjectMapper().convertValue(result.summary(), new TypeReference<LinkedHashMap<String, Object>>() { });
        Map<String, Object> config = new LinkedHashMap<>(configuration.values());
        config.put("assumptionsBroken", configuration.brokenAssumptions());
        summary.put("configuration", config);
        return summary;
    }

    /** The output folder for this configuration (see {@link OutputFolders}); a folder that cannot be made is bad usage. */
    static OutputFolders.Folder prepareFolder(Path wanted, String identity) {
        try {
            return OutputFolders.prepare(wanted, identity);
        } catch (UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
