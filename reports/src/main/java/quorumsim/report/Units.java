package quorumsim.report;

import java.util.Locale;

/** How reports print times and rates. */
final class Units {
    private Units() {
    }

    /** Virtual time in milliseconds with microsecond precision: "12.345 ms". */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    /** A figure with a sensible number of digits: 12345, 123.4, 1.234, 0.01234. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return "\u2013";
        }
        double a = Math.abs(value);
        if (a == Math.rint(a) && a < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
