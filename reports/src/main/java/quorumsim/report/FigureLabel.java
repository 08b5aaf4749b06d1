package quorumsim.report;

import java.util.Locale;
import java.util.Map;

/**
 * An axis title for a summary figure named with its unit, as the house style names them:
 * "throughputOpsPerSec" reads "throughput (ops/s)", "latencyMs.p99" reads "latency p99 (ms)".
 * Names without a known unit are split into words and kept.
 */
final class FigureLabel {
    private static final String[][] UNITS = {
        {"OpsPerSec", "ops/s"}, {"PerSec", "/s"}, {"Ms", "ms"}, {"Millis", "ms"}, {"Seconds", "s"}, {"Secs", "s"},
        {"Nanos", "ns"}, {"Micros", "\u00b5s"}, {"Bytes", "bytes"}, {"Percent", "%"}, {"Pct", "%"}, {"Share", "share"},
    };

    private FigureLabel() {
    }

    /** What a varied scenario key means, for the axes of a sweep's charts. */
    private static final Map<String, String> PARAMETERS = Map.ofEntries(
            Map.entry("cluster.f", "faults tolerated"), Map.entry("cluster.n", "servers"), Map.entry("cluster.quorum", "quorum size"),
            Map.entry("workload.clients", "clients"), Map.entry("workload.outstanding", "requests in flight per client"),
            Map.entry("workload.readRatio", "share of reads"), Map.entry("workload.requestSize", "request size"),
            Map.entry("network.loss", "loss probability"), Map.entry("network.bandwidth", "link bandwidth"),
            Map.entry("seed", "seed"));

    /**
     * A summary figure for a reader: the protocol's own figures lose their "figures." prefix,
     * and a unit inside a name moves to the end ("figures.electionMsMax": "election max (ms)").
     */
    static String of(String figure) {
        String[] parts = figure.startsWith("figures.") ? figure.substring("figures.".length()).split("\\.") : figure.split("\\.");
        String unit = null;
        StringBuilder words = new StringBuilder();
        for (String part : parts) {
            String base = part;
            for (String[] u : UNITS) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)" + u[0] + "([A-Z0-9][a-z0-9]*)?").matcher(part);
                if (m.matches()) {
                    base = m.group(2) == null ? m.group(1) : m.group(1) + m.group(2);
                    unit = u[1];
                    break;
                }
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(splitCamel(base));
        }
        return unit == null ? words.toString() : words + " (" + unit + ")";
    }

    /** A varied parameter as the axis names it: its key, and what it means where that is known. */
    static String parameter(String path) {
        String meaning = PARAMETERS.get(path);
        return meaning == null || meaning.equals(path) ? path : path + " (" + meaning + ")";
    }

    private static String splitCamel(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A file-name-safe form: "latencyMs.p99" becomes "latencyMs-p99". */
    static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
