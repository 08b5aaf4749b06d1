package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --no-report}: the same run and summary.json, and nothing else in the folder. */
class NoReportTest {
    @TempDir
    Path dir;

    @Test
    void noReportWritesOnlyTheSummaryOfTheSameRun() throws Exception {
        Path full = dir.resolve("full");
        Path bare = dir.resolve("bare");
        String[] run = {"run", "pbft-normal", "--set", "duration=300ms", "--set", "warmup=0s", "--quiet", "--out"};
        assertEquals(0, CliTest.cli(concat(run, full.toString())).code());
        CliTest.Outcome o = CliTest.cli(concat(run, bare.toString(), "--no-report"));
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> files = Files.list(bare)) {
            assertEquals(java.util.List.of("summary.json"), files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList());
        }
        assertTrue(Files.exists(full.resolve("report.html")));
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(full.resolve("summary.json").toFile()).path("traceDigest"),
                json.readTree(bare.resolve("summary.json").toFile()).path("traceDigest"));
    }

    @Test
    void noReportWithARecordingAskedForIsBadUsage() {
        CliTest.Outcome o = CliTest.cli("run", "pbft-normal", "--no-report", "--record", "--out", dir.resolve("x").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--no-report writes summary.json only; drop --record"), o.err());
        assertFalse(Files.exists(dir.resolve("x").resolve("summary.json")));
    }

    private static String[] concat(String[] head, String... tail) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }
}
