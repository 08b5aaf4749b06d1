package quorumsim.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ("500us", "2ms", "1.5s", "2m"), bandwidths ("1Gbps", "100Mbps") and sizes
 * ("256B", "1KB" = 1,024 bytes) as written in scenario files.
 */
public final class Units {
    private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*([A-Za-zµ]*)\\s*");

    public static final String DURATION_UNITS = "ns, us, ms, s, m, h (e.g. 500us, 2ms, 1.5s)";
    public static final String BANDWIDTH_UNITS = "bps, Kbps, Mbps, Gbps (e.g. 100Mbps, 1Gbps); 0 for unlimited";
    public static final String SIZE_UNITS = "B, KB, MB (1KB = 1024 bytes; e.g. 256B, 1KB)";

    private Units() {
    }

    /** Scales by unit, lower-cased; "" is the bare number, allowed only for zero where {@code zeroOk}. */
    private static final Map<String, Double> DURATION = Map.of("ns", 1.0, "us", 1e3, "\u00b5s", 1e3, "ms", 1e6, "s", 1e9,
            "m", 60e9, "min", 60e9, "h", 3600e9);
    private static final Map<String, Double> BANDWIDTH = Map.of("bps", 1.0, "kbps", 1e3, "mbps", 1e6, "gbps", 1e9);
    private static final Map<String, Double> SIZE = Map.of("b", 1.0, "kb", 1024.0, "kib", 1024.0, "mb", 1048576.0, "mib", 1048576.0);

    /** Nanoseconds, or throws IllegalArgumentException saying what is allowed. */
    public static long durationNanos(String text) {
        return parse(text, DURATION, true, "a duration", DURATION_UNITS);
    }

    public static long bandwidthBitsPerSec(String text) {
        return parse(text, BANDWIDTH, true, "a bandwidth", BANDWIDTH_UNITS);
    }

    public static long sizeBytes(String text) {
        return parse(text, SIZE, false, "a size", SIZE_UNITS);
    }

    private static long parse(String text, Map<String, Double> scales, boolean bareZeroOk, String what, String units) {
        Matcher m = match(text, what + " with a unit: " + units);
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.isEmpty()) {
            if (bareZeroOk && value == 0) {
                return 0;
            }
            throw new IllegalArgumentException("'" + text.trim() + "' has no unit; write " + what + " as " + units);
        }
        Double scale = scales.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException("unknown unit '" + m.group(2) + "' for " + what + "; use " + units);
        }
        return checked(value * scale, text);
    }

    private static Matcher match(String text, String expected) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + expected);
        }
        return m;
    }

    private static long checked(double value, String text) {
        if (value > 9.0e18) {
            throw new IllegalArgumentException("'" + text.trim() + "' is too large");
        }
        return Math.round(value);
    }

    /** A duration for humans: "1.5s", "200ms", "500us". */
    public static String formatDuration(long nanos) {
        if (nanos == 0) {
            return "0s";
        }
        if (nanos >= 1_000_000_000L) {
            return trim(nanos / 1e9) + "s";
        }
        if (nanos >= 1_000_000) {
            return trim(nanos / 1e6) + "ms";
        }
        if (nanos >= 1_000) {
            return trim(nanos / 1e3) + "us";
        }
        return nanos + "ns";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
