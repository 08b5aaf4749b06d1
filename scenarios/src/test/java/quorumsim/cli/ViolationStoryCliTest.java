package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that breaks agreement tells the story of its first violation on the terminal and in
 * report.html, and draws the two certificates in violation.svg; a safe run does neither.
 */
class ViolationStoryCliTest {
    @TempDir
    Path dir;

    private String run(String scenario) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), "run", scenario, "--set", "duration=200ms", "--set", "warmup=0s",
                "--out", dir.toString());
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void quorumsOfTwoOutOfFourAreExplainedByTheirIntersection() throws Exception {
        String out = run("pbft-quorum-2f");
        assertTrue(out.contains("what went wrong (violation.svg draws it):"), out);
        assertTrue(out.contains("Sequence number 1, replayed from the seed:"), out);
        assertTrue(out.contains("Byzantine: r0 (equivocate)"), out);
        assertTrue(out.contains("The commit quorum of A {r0, r1} and the commit quorum of B {r0, r3} share {r0}, which is Byzantine."), out);
        String page = Files.readString(dir.resolve("report.html"));
        assertTrue(page.contains("<h3>What went wrong</h3>") && page.contains("violation.svg"), "the page tells the story");
        String svg = Files.readString(dir.resolve("violation.svg"));
        assertTrue(svg.contains("executes A") && svg.contains("executes B") && svg.contains("data-type=\"Commit\""), svg);
    }

    @Test
    void aSafeRunHasNoStory() {
        String out = run("pbft-normal");
        assertFalse(out.contains("what went wrong"), out);
        assertFalse(Files.exists(dir.resolve("violation.svg")));
    }
}
