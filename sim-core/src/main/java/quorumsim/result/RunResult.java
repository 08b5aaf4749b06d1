package quorumsim.result;

import java.util.List;
import quorumsim.metrics.Metrics;
import quorumsim.trace.TraceEvent;

/**
 * Everything reports need about one run, through sim-core types only.
 *
 * @param summary        what summary.json holds
 * @param metrics        the run's metrics (time series, histograms, counters)
 * @param windows        fault windows and protocol marks for charts
 * @param diagramTrace   the trace lines of the diagram's window (sends, deliveries, drops, crashes)
 * @param lanes          one name per node id, servers first, then clients
 * @param cpuUtilisation per node id, share of core time busy
 * @param description    the scenario's description, for the report
 */
public record RunResult(RunSummary summary, Metrics metrics, List<FaultWindow> windows, List<TraceEvent> diagramTrace,
                        List<String> lanes, double[] cpuUtilisation, String description) {
}
