package quorumsim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;

/** {@code quorumsim swarm} as a user meets it: exit codes, one-line errors, the files it leaves. */
class SwarmCommandTest {
    private record Result(int code, String out, String err) {
    }

    private static Result swarm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "swarm";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertBadInput(String expected, String... args) {
        Result r = swarm(args);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().filter(l -> !l.startsWith("Try ")).count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badInputGetsOneLineAndExitCode2() {
        assertBadInput("--protocol raft is not one the swarm searches; allowed: pbft, zab", "--protocol", "raft");
        assertBadInput("--seeds must be at least 1", "--protocol", "pbft", "--seeds", "0");
        assertBadInput("--size 0..9: f must lie within 1..10", "--protocol", "pbft", "--size", "0..9");
        assertBadInput("expected a..b with whole numbers", "--protocol", "zab", "--size", "three");
        assertBadInput("--variant 'skip' is not known", "--variant", "skip");
        assertBadInput("give --seeds N or --to E, not both", "--protocol", "zab", "--seeds", "3", "--to", "9");
        assertBadInput("--to 3 is below --from 9", "--protocol", "zab", "--from", "9", "--to", "3");
        assertBadInput("--limit-wall", "--protocol", "zab", "--limit-wall", "soon");
        assertBadInput("--jobs must be from 1 to 256", "--protocol", "zab", "--jobs", "0");
        assertBadInput("say which protocol", "--seeds", "3");
        assertBadInput("no built-in scenario or file of that name", "--base", "no-such-scenario");
        assertBadInput("Unknown option", "--protocol", "zab", "--sedes", "3");
    }

    @Test
    void helpTeachesWithExamples() {
        Result r = swarm("--help");
        assertEquals(0, r.code());
        for (String expected : new String[] {"--protocol", "--seeds", "--from", "--to", "--jobs", "--out", "--size", "--base", "--variant",
            "--limit-wall", "--stop-after", "Examples:", "quorumsim swarm --protocol pbft --seeds 1000", "skip-commit", "Exit codes"}) {
            assertTrue(r.out().contains(expected), expected + " in\n" + r.out());
        }
        assertTrue(r.out().lines().anyMatch(line -> line.equals("  quorumsim swarm --protocol pbft --seeds 1000       f from 1 to 4")),
                "the examples fit a terminal unbroken:\n" + r.out());
    }

    @Test
    void printShowsOneSeedsScenario() {
        Result r = swarm("--protocol", "zab", "--print", "4973");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("name: swarm-zab-4973\nprotocol: zab\nseed: 4973\n"), r.out());
    }

    @Test
    void aFailingSearchExits1AndLeavesFilesThatNameEachFailure(@TempDir Path dir) throws Exception {
        Result r = swarm("--variant", "equivocating-leader", "--seeds", "20", "--stop-after", "1", "--jobs", "1", "--shrink-runs", "10",
                "--out", dir.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL seed 1: safety (agreement) -> " + dir.resolve("seed-1-safety-shrunk.yaml")), r.out());
        assertTrue(Files.exists(dir.resolve("seed-1-safety.yaml")));
        assertTrue(Files.exists(dir.resolve("seed-1-safety-shrunk.yaml")));
        assertTrue(Files.readString(dir.resolve("failures.csv")).contains("\n1,safety,agreement,"));
        Result replay = new Result(Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "run", dir.resolve("seed-1-safety-shrunk.yaml").toString(), "--out", dir.resolve("replay").toString(), "--quiet"), "", "");
        assertEquals(1, replay.code(), "quorumsim run reproduces the failure: its expect: is not met");
    }

    @Test
    void aCleanSearchExits0(@TempDir Path dir) {
        Result r = swarm("--protocol", "zab", "--size", "3", "--seeds", "2", "--jobs", "1", "--out", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("2 seeds in"), r.out());
        assertTrue(r.out().contains("2 ok, 0 safety, 0 liveness, 0 exception, 0 over-limit"), r.out());
    }
}
