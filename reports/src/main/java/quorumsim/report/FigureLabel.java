package quorumsim.report;

import java.util.Locale;

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

    static String of(String figure) {
        String[] parts = figure.split("\\.");
        String unit = null;
        StringBuilder words = new StringBuilder();
        for (String part : parts) {
            String base = part;
            for (String[] u : UNITS) {
                if (part.endsWith(u[0]) && part.length() > u[0].length()) {
                    base = part.substring(0, part.length() - u[0].length());
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

    private static String splitCamel(String s) {
        return s.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    /** A file-name-safe form: "latencyMs.p99" becomes "latencyMs-p99". */
    static String slug(String name) {
        return name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
