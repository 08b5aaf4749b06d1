package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;

/** zk-leader-crash as a user reads it: one leader-change count in every output, the outage beside the election. */
class ZabOutageFiguresTest {
    @TempDir
    Path dir;

    @Test
    void theLeaderChangeCountAgreesEverywhereAndTheOutageIsReportedBesideTheElection() throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "run", "zk-leader-crash", "--out", dir.toString());
        assertEquals(0, code, out.toString());
        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        int leaderChanges = summary.get("figures").get("leaderChanges").asInt();
        assertEquals(1, leaderChanges, "one leader crashed, one new leader");
        String counters = Files.readString(dir.resolve("counters.csv"));
        assertTrue(counters.contains("leaderChanges," + leaderChanges + "\n"), counters);

        double outageMs = summary.get("figures").get("outageMs").asDouble();
        double electionMs = summary.get("figures").get("electionMsMax").asDouble();
        assertTrue(electionMs > 0 && outageMs > electionMs, "the outage (" + outageMs + " ms) covers the election (" + electionMs + " ms)");

        StringWriter terminal = out;
        Matcher changes = Pattern.compile("leader changes (\\d+)").matcher(terminal.toString());
        assertTrue(changes.find(), terminal.toString());
        assertEquals(leaderChanges, Integer.parseInt(changes.group(1)));
        assertTrue(terminal.toString().contains(String.format(java.util.Locale.ROOT, "outage       %.1f ms", outageMs)), terminal.toString());
        assertTrue(terminal.toString().contains(String.format(java.util.Locale.ROOT, "longest election %.1f ms", electionMs)), terminal.toString());
    }
}
