package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output folders (finding 7): never another run's files overwritten, never stale ones left, never outside the output root. */
class OutputSafetyTest {
    private static final String[] SHORT = {"--set", "duration=200ms", "--set", "warmup=0s"};

    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    /** The command line, with SHORT's overrides at the end. */
    private static String[] args(String... words) {
        return Stream.concat(Stream.of(words), Stream.of(SHORT)).toArray(String[]::new);
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNameThatWouldLeaveTheOutputRootIsRefusedInOneLine() {
        Path escaped = Path.of("out", "../../../../../../escape-from-out").normalize();
        Outcome o = cli("run", "src/test/resources/repros/name-path-traversal.yaml");
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().lines().count(), o.err());
        assertTrue(o.err().contains("name") && o.err().contains("letters, digits, '.', '_' and '-'"), o.err());
        assertFalse(Files.exists(escaped), "nothing written at " + escaped.toAbsolutePath());
        Outcome set = cli("run", "pbft-normal", "--set", "name=../up", "--out", dir.resolve("x").toString());
        assertEquals(2, set.code(), set.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aFileNameThatIsNoPlainNameGivesAPlainOne() throws IOException {
        Path file = dir.resolve("my run.yaml");
        Files.writeString(file, "protocol: pbft\nduration: 100ms\n");
        Outcome o = cli("validate", file.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals("my-run", quorumsim.scenario.ScenarioLoader.load(file.toString(), List.of()).name());
    }

    @Test
    void anotherConfigurationIntoTheSameFolderGoesToANewFolderAndSaysSo() throws IOException {
        Path out = dir.resolve("o");
        assertEquals(0, cli(args("run", "pbft-normal", "--out", out.toString(), "--quiet")).code());
        byte[] first = Files.readAllBytes(out.resolve("summary.json"));
        Outcome other = cli(args("run", "pbft-normal", "--set", "workload.clients=3", "--out", out.toString()));
        assertEquals(0, other.code(), other.err());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("summary.json")), "the earlier run is untouched");
        assertTrue(Files.exists(dir.resolve("o-2").resolve("summary.json")));
        assertTrue(other.out().contains(out + "/ holds another run") && other.out().contains(dir.resolve("o-2") + "/"), other.out());
    }

    @Test
    void theSameConfigurationAgainLeavesNoFileOfTheEarlierRunButKeepsTheUsers() throws IOException {
        Path out = dir.resolve("o");
        assertEquals(0, cli(args("run", "pbft-normal", "--trace", "--out", out.toString(), "--quiet")).code());
        assertTrue(Files.exists(out.resolve("trace.jsonl")));
        Files.writeString(out.resolve("notes.txt"), "mine");
        assertEquals(0, cli(args("run", "pbft-normal", "--out", out.toString(), "--quiet")).code());
        assertFalse(Files.exists(out.resolve("trace.jsonl")), "no old trace beside the new summary");
        assertFalse(Files.readString(out.resolve("report.html")).contains("trace.jsonl"));
        assertTrue(Files.exists(out.resolve("notes.txt")), "a file quorumsim did not write stays");
        assertFalse(Files.exists(dir.resolve("o-2")));
    }

    private static Outcome sweep(Path out, String vary) {
        return cli(args("sweep", "pbft-normal", "--vary", vary, "--seeds", "1", "--jobs", "1", "--out", out.toString(), "--quiet"));
    }

    @Test
    void aSecondSweepLeavesNoStaleChartsAndKeepsTheFirst() throws IOException {
        Path out = dir.resolve("s");
        assertEquals(0, sweep(out, "workload.clients=1,2").code());
        List<String> first = files(out);
        assertTrue(first.contains("sweep-throughputOpsPerSec-vs-workload-clients.png"), first.toString());
        assertEquals(0, sweep(out, "workload.clients=1,2").code());
        assertEquals(first, files(out), "the same sweep again rewrites the same files");
        assertEquals(0, sweep(out, "workload.outstanding=1,2").code());
        assertEquals(first, files(out), "another sweep leaves the first one's folder as it was");
        List<String> second = files(dir.resolve("s-2"));
        assertTrue(second.stream().noneMatch(f -> f.contains("workload-clients")), second.toString());
        assertTrue(second.contains("report.html"));
    }
}
