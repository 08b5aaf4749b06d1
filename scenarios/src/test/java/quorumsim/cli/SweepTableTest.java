package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.sweep.SweepRun;

/** {@code quorumsim sweep} shows its results on the terminal, not only in CSV files. */
class SweepTableTest {
    @TempDir
    Path dir;

    private static SweepRun run(String f, long seed, double throughput, double p50, boolean safe) {
        return new SweepRun(0, List.of(f), seed, Map.of("throughputOpsPerSec", throughput, "latencyMs.p50", p50, "latencyMs.p99", 2 * p50),
                safe, true, "d", 0.1);
    }

    @Test
    void aRowPerGridPointWithIntervalsAndTheSeedsThatViolated() {
        List<String> lines = SweepTable.lines(List.of("cluster.f"), List.of(
                run("1", 42, 1000, 2.0, true), run("1", 43, 1100, 2.2, true),
                run("2", 42, 800, 3.0, false), run("2", 43, 800, 3.0, true), run("2", 44, 800, 3.0, false)));
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).matches("cluster\\.f +seeds +throughput ops/s +p50 ms +p99 ms +violations"), lines.get(0));
        // mean 1050, t(0.975, 1) * stddev 70.71 / sqrt 2 = 12.706 * 50 = 635.3
        assertTrue(lines.get(1).matches("1 +2 +1,050 \\+/- 635 +2\\.10 \\+/- 1\\.27 +4\\.20 \\+/- 2\\.54 +none"), lines.get(1));
        assertTrue(lines.get(2).matches("2 +3 +800 \\+/- 0 +3\\.00 \\+/- 0\\.00 +6\\.00 \\+/- 0\\.00 +safety: seeds 42, 44"), lines.get(2));
    }

    @Test
    void oneSeedHasNoInterval() {
        List<String> lines = SweepTable.lines(List.of("a", "b"), List.of(new SweepRun(0, List.of("x", "y"), 7,
                Map.of("throughputOpsPerSec", 1520.0000000000002), true, false, "d", 0.1)));
        assertTrue(lines.get(1).matches("x +y +1 +1,520 +- +- +liveness: seed 7"), lines.get(1));
    }

    @Test
    void theRealSweepPrintsTheTableAndChartsResultsAgainstTheNamedParameter() throws Exception {
        CliTest.Outcome o = CliTest.cli("sweep", "pbft-normal", "--vary", "cluster.f=1,2", "--seeds", "2", "--jobs", "1",
                "--set", "duration=300ms", "--set", "warmup=50ms", "--out", dir.resolve("s").toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.startsWith("cluster.f")).findFirst().orElseThrow());
        assertTrue(lines.get(header + 1).matches("1 +2 +[0-9,]+ \\+/- [0-9,]+ .* none"), lines.get(header + 1));
        assertTrue(lines.get(header + 2).matches("2 +2 +[0-9,]+ \\+/- [0-9,]+ .* none"), lines.get(header + 2));
        Path report = dir.resolve("s");
        assertTrue(Files.exists(report.resolve("sweep-throughputOpsPerSec-vs-cluster-f.svg")));
        assertFalse(Files.exists(report.resolve("sweep-figures-n-vs-cluster-f.svg")), "n against f charts the configuration, not a result");
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("throughput (ops/s) against cluster.f (faults tolerated)"), "the varied parameter is named");
        assertTrue(html.contains("messages per request against cluster.f"), "the protocol's figures read as words");
    }
}
