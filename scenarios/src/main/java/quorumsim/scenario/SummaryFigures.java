package quorumsim.scenario;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quorumsim.result.RunSummary;

/**
 * The numeric figures of a run's summary, by the names that {@code expect:} bounds, sweeps and
 * CSV columns use ("throughputOpsPerSec", "latencyMs.p99", "viewChanges", ...). PBFT's
 * {@code viewChanges} and Zab's {@code leaderChanges} are protocol figures that keep their
 * short names here (0 for the other protocols), as before they moved into {@code figures}.
 */
public final class SummaryFigures {
    public static final List<String> NAMES = List.of("throughputOpsPerSec", "latencyMs.mean", "latencyMs.p50", "latencyMs.p90",
            "latencyMs.p99", "latencyMs.max", "requests.completed", "requests.pending", "requests.reads", "requests.writes",
            "messages.total", "viewChanges", "leaderChanges", "events", "virtualSeconds",
            "safetyViolations");

    private SummaryFigures() {
    }

    /** Every figure of the summary, in {@link #NAMES} order, then the protocol's own figures. */
    public static Map<String, Double> of(RunSummary s) {
        LinkedHashMap<String, Double> out = new LinkedHashMap<>();
        out.put("throughputOpsPerSec", s.throughputOpsPerSec());
        out.put("latencyMs.mean", s.latencyMs().mean());
        out.put("latencyMs.p50", s.latencyMs().p50());
        out.put("latencyMs.p90", s.latencyMs().p90());
        out.put("latencyMs.p99", s.latencyMs().p99());
        out.put("latencyMs.max", s.latencyMs().max());
        out.put("requests.completed", (double) s.requests().completed());
        out.put("requests.pending", (double) s.requests().pending());
        out.put("requests.reads", (double) s.requests().reads());
        out.put("requests.writes", (double) s.requests().writes());
        out.put("messages.total", (double) s.messages().total());
        out.put("viewChanges", own(s, "viewChanges"));
        out.put("leaderChanges", own(s, "leaderChanges"));
        out.put("events", (double) s.events());
        out.put("virtualSeconds", s.virtualSeconds());
        out.put("safetyViolations", (double) s.safety().violations().size());
        if (s.figures() != null) {
            s.figures().forEach((k, v) -> {
                if (!NAMES.contains(k)) {
                    out.put("figures." + k, v);
                }
            });
        }
        return out;
    }

    private static double own(RunSummary s, String name) {
        return s.figures() == null ? 0.0 : s.figures().getOrDefault(name, 0.0);
    }
}
