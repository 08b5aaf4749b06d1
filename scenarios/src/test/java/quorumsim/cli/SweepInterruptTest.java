package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C during a sweep, sent for real to a fresh JVM: the runs that finished are kept and
 * every output is written (report.html too); the run in progress is called off.
 */
class SweepInterruptTest {
    @TempDir
    Path dir;

    /** Whether this process (and so a child) can catch SIGINT: a shell may start it with SIGINT ignored. */
    private static boolean sigintReachesUs() {
        Signal intr = new Signal("INT");
        SignalHandler previous = Signal.handle(intr, s -> { });
        Signal.handle(intr, previous);
        return previous != SignalHandler.SIG_IGN;
    }

    @Test
    void ctrlCKeepsTheFinishedRunsAndWritesEveryOutput() throws Exception {
        Assumptions.assumeTrue(sigintReachesUs(), "SIGINT is ignored in this process, so Ctrl-C cannot be sent");
        Path out = dir.resolve("swept");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // two short runs, then one of ten virtual minutes that is still going when Ctrl-C comes
        Process sweep = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "sweep", "pbft-normal", "--vary", "duration=100ms,150ms,10m", "--seeds", "1", "--jobs", "1",
                "--set", "warmup=0s", "--out", out.toString())
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try {
            Path csv = out.resolve("sweep.csv");
            while (rows(csv) < 2) {   // sweep.csv grows as runs finish: wait for the two short ones
                assertTrue(sweep.isAlive(), "the sweep ended before Ctrl-C: " + read(dir.resolve("stderr.txt")));
                Thread.sleep(50);
            }
            new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).inheritIO().start().waitFor();
            assertTrue(sweep.waitFor(5, TimeUnit.MINUTES), "the sweep stops after Ctrl-C");
        } finally {
            sweep.destroyForcibly();
        }
        String stdout = read(dir.resolve("stdout.txt"));
        assertEquals(0, sweep.exitValue(), stdout + read(dir.resolve("stderr.txt")));
        assertTrue(stdout.contains("stopped: kept the 2 of 3 runs that finished"), stdout);
        assertTrue(read(dir.resolve("stderr.txt")).contains("stopping"), read(dir.resolve("stderr.txt")));
        assertEquals(2, rows(out.resolve("sweep.csv")));
        assertEquals(2, rows(out.resolve("aggregate.csv")));
        assertTrue(read(out.resolve("report.html")).contains("</html>"), "the report is whole");
    }

    /** Data rows of a CSV file (0 while it does not exist). */
    private static long rows(Path csv) throws IOException {
        return Files.exists(csv) ? Math.max(0, Files.readAllLines(csv).size() - 1) : 0;
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
