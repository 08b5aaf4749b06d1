package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --trace} and {@code --trace-gzip}: the same lines, the file named on the terminal and in the report. */
class TraceFileTest {
    @TempDir
    Path dir;

    private String run(Path out, String traceFlag) {
        StringWriter stdout = new StringWriter();
        int code = Main.execute(new PrintWriter(stdout), new PrintWriter(new StringWriter()), "run", "pbft-normal",
                "--set", "duration=300ms", "--set", "warmup=0s", traceFlag, "--out", out.toString());
        assertEquals(0, code);
        return stdout.toString();
    }

    @Test
    void theCompressedTraceHoldsTheSameLinesAndBothAreNamedWhereTheOutputsAre() throws IOException {
        String plain = run(dir.resolve("plain"), "--trace");
        String zipped = run(dir.resolve("zipped"), "--trace-gzip");
        byte[] lines = Files.readAllBytes(dir.resolve("plain/trace.jsonl"));
        byte[] unzipped;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("zipped/trace.jsonl.gz")))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(lines, unzipped);
        assertTrue(Files.size(dir.resolve("zipped/trace.jsonl.gz")) * 5 < lines.length, "compressed at least five-fold");
        assertFalse(Files.exists(dir.resolve("zipped/trace.jsonl")));
        assertTrue(plain.contains(", trace.jsonl)"), plain);
        assertTrue(zipped.contains(", trace.jsonl.gz)"), zipped);
        assertTrue(Files.readString(dir.resolve("zipped/report.html")).contains("href=\"trace.jsonl.gz\""));
    }

    @Test
    void theCompressedTraceIsTheSameBytesEveryTime() throws IOException {
        run(dir.resolve("a"), "--trace-gzip");
        run(dir.resolve("b"), "--trace-gzip");
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/trace.jsonl.gz")), Files.readAllBytes(dir.resolve("b/trace.jsonl.gz")));
    }
}
