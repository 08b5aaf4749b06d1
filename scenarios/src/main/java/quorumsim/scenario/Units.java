package quorumsim.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations ("500us", "2ms", "1.5s", "2m"), bandwidths ("1Gbps", "100Mbps", "1GBps") and sizes
 * ("256B", "1KB" = 1,024 bytes) as written in scenario files. Case matters, as it does on a
 * data sheet: a lower-case b is a bit and an upper-case B a byte, so {@code 1GBps} is
 * gigabytes per second and {@code 1Gbps} gigabits; a spelling that could be read either way
 * ({@code GBPS}, {@code mbps}: milli?) is refused with the list of what is allowed.
 */
public final class Units {
    private static final Pattern QUANTITY = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?)\\s*([A-Za-z\u00b5/]*)\\s*");

    public static final String DURATION_UNITS = "ns, us, ms, s, m (minutes), h, in lower case (e.g. 500us, 2ms, 1.5s)";
    public static final String BANDWIDTH_UNITS = "bps, Kbps, Mbps, Gbps (bits per second) or Bps, KBps, MBps, GBps (bytes per second),"
            + " case as written (e.g. 100Mbps, 1Gbps, 125MBps); 0 for unlimited";
    public static final String SIZE_UNITS = "B, KB, MB, GB in bytes, upper-case B (1KB = 1024 bytes; e.g. 256B, 1KB)";

    private Units() {
    }

    /** Scales by unit, spelt exactly; "" is the bare number, allowed only for zero where {@code zeroOk}. */
    private static final Map<String, Double> DURATION = Map.of("ns", 1.0, "us", 1e3, "\u00b5s", 1e3, "ms", 1e6, "s", 1e9,
            "m", 60e9, "min", 60e9, "h", 3600e9);
    /** Bits per second: a lower-case b is a bit, an upper-case B a byte (8 bits). */
    private static final Map<String, Double> BANDWIDTH = Map.ofEntries(
            Map.entry("bps", 1.0), Map.entry("kbps", 1e3), Map.entry("Kbps", 1e3), Map.entry("Mbps", 1e6), Map.entry("Gbps", 1e9),
            Map.entry("Bps", 8.0), Map.entry("kBps", 8e3), Map.entry("KBps", 8e3), Map.entry("MBps", 8e6), Map.entry("GBps", 8e9));
    private static final Map<String, Double> SIZE = Map.of("B", 1.0, "KB", 1024.0, "kB", 1024.0, "KiB", 1024.0,
            "MB", 1048576.0, "MiB", 1048576.0, "GB", 1073741824.0, "GiB", 1073741824.0);

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
        String unit = m.group(2);
        if (unit.isEmpty()) {
            if (bareZeroOk && value == 0) {
                return 0;
            }
            throw new IllegalArgumentException("'" + text.trim() + "' has no unit; write " + what + " as " + units);
        }
        Double scale = scales.get(unit);
        if (scale == null) {
            throw new IllegalArgumentException("unknown unit '" + unit + "' for " + what + " (case matters); use " + units);
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
