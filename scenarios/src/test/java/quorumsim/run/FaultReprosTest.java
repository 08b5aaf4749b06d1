package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** The fault-semantics repros of issue 10 (finding 6): each until: ends exactly its own fault. */
class FaultReprosTest {
    private static final long S = 1_000_000_000L;

    /** The run's trace lines of the given kinds, one JSON object each. */
    private static List<JsonNode> trace(String repro, String... kinds) {
        ScenarioSpec spec = ScenarioLoader.load("src/test/resources/repros/" + repro + ".yaml", List.of());
        StringWriter out = new StringWriter();
        ScenarioRunner.run(spec, new RunOptions(out, 0, null));
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (java.util.Arrays.stream(kinds).noneMatch(kind -> line.contains("\"kind\":\"" + kind + "\""))) {
                continue;
            }
            try {
                lines.add(json.readTree(line));
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    @Test
    void aCutUntil4sStaysCutAfterAnOtherFaultEndsAt2s() {
        List<Long> dropped1To2 = trace("heal-is-global", "DROP").stream()
                .filter(e -> e.path("kind").asText().equals("DROP") && e.path("detail").asText().equals("partition"))
                .filter(e -> e.path("peer").asInt() == 1 && e.path("node").asInt() == 2)
                .map(e -> e.path("t").asLong()).toList();
        assertFalse(dropped1To2.isEmpty());
        assertTrue(dropped1To2.stream().allMatch(t -> t >= 1_500_000_000L && t < 4 * S), "dropped only while the cut lasts: " + dropped1To2);
        assertTrue(dropped1To2.stream().anyMatch(t -> t > 2 * S), "the isolation's end at 2 s did not heal the cut 1->2");
    }

    @Test
    void thePausedLeaderResumesAt2sAndServesAgain() {
        List<JsonNode> trace = trace("zab-pause-leader-never-resumes", "FAULT", "SEND");
        List<JsonNode> faults = trace.stream().filter(e -> e.path("kind").asText().equals("FAULT")).toList();
        assertEquals(2, faults.size(), faults.toString());
        int pausedLeader = faults.get(0).path("node").asInt();
        assertEquals("pause leader", faults.get(0).path("detail").asText());
        assertEquals(S, faults.get(0).path("t").asLong());
        assertEquals("pause leader ends", faults.get(1).path("detail").asText());
        assertEquals(2 * S, faults.get(1).path("t").asLong());
        assertEquals(pausedLeader, faults.get(1).path("node").asInt(), "the end resumes the node paused at 1 s");
        assertTrue(trace.stream().anyMatch(e -> e.path("kind").asText().equals("SEND") && e.path("node").asInt() == pausedLeader
                && e.path("t").asLong() > 3 * S), "s" + pausedLeader + " sends again after its pause, to the end of the run");
    }
}
