package quorumsim.transcript;

/** Durations as transcripts write them: 100ms, 250us, 2s, 7ns. */
final class Durations {
    private static final String[] UNITS = {"s", "ms", "us", "ns"};
    private static final long[] NANOS = {1_000_000_000L, 1_000_000L, 1_000L, 1L};

    private Durations() {
    }

    static String show(long nanos) {
        for (int i = 0; i < UNITS.length; i++) {
            if (nanos != 0 && nanos % NANOS[i] == 0) {
                return nanos / NANOS[i] + UNITS[i];
            }
        }
        return "0ms";
    }

    static long parse(String text) {
        for (int i = UNITS.length - 1; i >= 0; i--) {
            if (text.endsWith(UNITS[i]) && !(UNITS[i].equals("s") && !Character.isDigit(text.charAt(text.length() - 2)))) {
                return Long.parseLong(text.substring(0, text.length() - UNITS[i].length())) * NANOS[i];
            }
        }
        throw new IllegalArgumentException("duration '" + text + "' needs a unit: s, ms, us or ns");
    }
}
