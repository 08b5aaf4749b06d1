package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line errors, output folders. */
class CliTest {
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

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void helpListsTheCommands() {
        Outcome o = cli("--help");
        assertEquals(0, o.code());
        for (String command : new String[] {"run", "sweep", "reproduce", "list", "validate", "bench"}) {
            assertTrue(o.out().contains(command), command + " missing from --help");
        }
    }

    @Test
    void versionPrints() {
        Outcome o = cli("--version");
        assertEquals(0, o.code());
        assertTrue(o.out().startsWith("quorumsim "), o.out());
    }

    @Test
    void unknownOptionIsBadUsage() {
        Outcome o = cli("run", "pbft-normal", "--sed", "3");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--sed"), o.err());
    }

    @Test
    void missingFileIsOneLineExitTwoNoStackTrace() {
        Outcome o = cli("run", dir.resolve("missing.yaml").toString());
        assertEquals(2, o.code());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("file not found"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void validateReportsEveryProblemOfEveryFile() throws Exception {
        Path good = write("good.yaml", "protocol: pbft\n");
        Path bad = write("bad.yaml", "protocol: pbft\nclustr: {}\nseed: x\n");
        Outcome o = cli("validate", good.toString(), bad.toString());
        assertEquals(2, o.code());
        assertTrue(o.out().contains("good.yaml: ok"), o.out());
        assertTrue(o.err().contains("bad.yaml:2:1: clustr: unknown key"), o.err());
        assertTrue(o.err().contains("bad.yaml:3:7: seed:"), o.err());
    }

    @Test
    void listShowsEveryBuiltIn() {
        Outcome o = cli("list");
        assertEquals(0, o.code());
        for (String name : quorumsim.scenario.Catalogue.names()) {
            assertTrue(o.out().contains(name), name);
        }
    }

    @Test
    void runWritesSummaryAndMeetsExpect() throws Exception {
        Path out = dir.resolve("run");
        Outcome o = cli("run", "pbft-normal", "--set", "duration=600ms", "--set", "warmup=100ms", "--out", out.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("pbft-normal", summary.path("scenario").asText());
        assertTrue(summary.path("requests").path("completed").asLong() > 0);
        assertTrue(summary.path("safety").path("holds").asBoolean());
        assertTrue(o.out().contains("throughput"), o.out());
    }

    @Test
    void unmetExpectationExitsOne() {
        Outcome o = cli("run", "pbft-normal", "--set", "duration=300ms", "--set", "warmup=0s",
                "--set", "expect.min.throughputOpsPerSec=1e12", "--out", dir.resolve("x").toString(), "--quiet");
        assertEquals(1, o.code(), o.err());
    }

    @Test
    void outputFolderOfAnotherRunIsKept() throws Exception {
        Path out = dir.resolve("o");
        assertEquals(0, cli("run", "pbft-normal", "--set", "duration=200ms", "--set", "warmup=0s", "--out", out.toString(), "--quiet").code());
        assertEquals(0, cli("run", "pbft-normal", "--set", "duration=200ms", "--set", "warmup=0s", "--out", out.toString(), "--quiet").code());
        assertFalse(Files.exists(dir.resolve("o-2")), "same scenario and seed replaces");
        assertEquals(0, cli("run", "pbft-normal", "--seed", "5", "--set", "duration=200ms", "--set", "warmup=0s", "--out", out.toString(), "--quiet").code());
        assertTrue(Files.exists(dir.resolve("o-2").resolve("summary.json")), "another seed goes to a new folder");
    }
}
