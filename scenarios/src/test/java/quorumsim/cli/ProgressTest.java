package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long work piped to a file says it is alive: a line per tenth of the work, or every few seconds. */
class ProgressTest {
    private long nowNanos;

    private List<String> piped(long total, long stepNanos, long steps, boolean quiet) {
        StringWriter err = new StringWriter();
        nowNanos = 0;
        try (Progress progress = new Progress("sweep x", total, " runs", quiet, false, new PrintWriter(err, true), () -> nowNanos)) {
            for (long i = 0; i < steps; i++) {
                nowNanos += stepNanos;
                progress.step();
            }
        }
        return err.toString().lines().toList();
    }

    @Test
    void aLineForEveryTenthOfLongWork() {
        List<String> lines = piped(100, 1_000_000_000L, 100, false);  // 100 s of wall time
        assertEquals(10, lines.size(), String.join("\n", lines));
        assertEquals("sweep x: 10% (10 of 100 runs), 10 s, about 90 s left", lines.get(0));
        assertEquals("sweep x: 100% (100 of 100 runs), 100 s", lines.get(9));
    }

    @Test
    void aLineEveryFewSecondsWhenATenthTakesLonger() {
        List<String> lines = piped(1000, 1_000_000_000L, 60, false);  // 60 runs of 1000 in 60 s
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("sweep x: 1% (10 of 1,000 runs), 10 s"), lines.get(0));
    }

    @Test
    void quickOrQuietWorkPrintsNothing() {
        assertEquals(List.of(), piped(100, 40_000_000L, 100, false), "four seconds of work");
        assertEquals(List.of(), piped(100, 500_000_000L, 100, true), "--quiet");
    }
}
