package quorumsim.scenario;

import java.util.Locale;
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

    /** Nanoseconds, or throws IllegalArgumentException saying what is allowed. */
    public static long durationNanos(String text) {
        Matcher m = match(text, "a duration with a unit: " + DURATION_UNITS);
        double value = Double.parseDouble(m.group(1));
        double scale;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ns": scale = 1; break;
            case "us": case "µs": scale = 1e3; break;
            case "ms": scale = 1e6; break;
            case "s": scale = 1e9; break;
            case "m": case "min": scale = 60e9; break;
            case "h": scale = 3600e9; break;
            case "":
                if (value == 0) {
                    return 0;
                }
                throw new IllegalArgumentException("'" + text.trim() + "' has no unit; write a duration as " + DURATION_UNITS);
            default:
                throw new IllegalArgumentException("unknown duration unit '" + m.group(2) + "'; use " + DURATION_UNITS);
        }
        return checked(value * scale, text);
    }

    public static long bandwidthBitsPerSec(String text) {
        Matcher m = match(text, "a bandwidth: " + BANDWIDTH_UNITS);
        double value = Double.parseDouble(m.group(1));
        double scale;
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "bps": scale = 1; break;
            case "kbps": scale = 1e3; break;
            case "mbps": scale = 1e6; break;
            case "gbps": scale = 1e9; break;
            case "":
                if (value == 0) {
                    return 0;
                }
                throw new IllegalArgumentException("'" + text.trim() + "' has no unit; write a bandwidth as " + BANDWIDTH_UNITS);
            default:
                throw new IllegalArgumentException("unknown bandwidth unit '" + m.group(2) + "'; use " + BANDWIDTH_UNITS);
        }
        return checked(value * scale, text);
    }

    public static long sizeBytes(String text) {
        Matcher m = match(text, "a size: " + SIZE_UNITS);
        double value = Double.parseDouble(m.group(1));
        double scale;
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "B": scale = 1; break;
            case "KB": case "KIB": scale = 1024; break;
            case "MB": case "MIB": scale = 1024 * 1024; break;
            case "":
                throw new IllegalArgumentException("'" + text.trim() + "' has no unit; write a size as " + SIZE_UNITS);
            default:
                throw new IllegalArgumentException("unknown size unit '" + m.group(2) + "'; use " + SIZE_UNITS);
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
