package quorumsim.cli;

import java.nio.file.Path;
import java.util.Optional;
import quorumsim.report.DiagramOptions;
import quorumsim.report.RunReport;
import quorumsim.report.ViolationStory;
import quorumsim.result.RunResult;
import quorumsim.scenario.ScenarioSpec;

/** Writes a run's charts, CSV data, messages.svg and report.html with the scenario's diagram choice, and violation.svg with a story. */
final class RunReports {
    private RunReports() {
    }

    static void write(RunResult result, Path dir, ScenarioSpec spec, Optional<ViolationStory> story) {
        ScenarioSpec.Diagram d = spec.diagram();
        DiagramOptions options = d.toNanos() > 0 ? DiagramOptions.timeRange(d.fromNanos(), d.toNanos())
                : DiagramOptions.requests(d.firstRequest(), d.requests());
        if (!d.nodes().isEmpty()) {
            options = options.withLanes(d.nodes());
        }
        ConfigurationSummary configuration = ConfigurationSummary.of(spec);
        RunReport.write(result, dir, options, new quorumsim.report.ConfigurationTable(configuration.text(), configuration.brokenAssumptions()),
                story);
    }
}
