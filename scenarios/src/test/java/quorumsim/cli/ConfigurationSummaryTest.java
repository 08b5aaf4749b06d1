package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration in force is stated wherever a run is read: terminal, summary.json, report.html. */
class ConfigurationSummaryTest {
    @TempDir
    Path dir;

    private CliTest.Outcome run(String scenario, String out, String... sets) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", scenario, "--set", "duration=300ms",
                "--set", "warmup=50ms", "--out", dir.resolve(out).toString()));
        for (String set : sets) {
            args.add("--set");
            args.add(set);
        }
        return CliTest.cli(args.toArray(new String[0]));
    }

    @Test
    void nEqualTo3fShowsTheQuorumItGotAndTheAssumptionItBreaks() throws Exception {
        CliTest.Outcome o = run("pbft-normal", "n3", "cluster.n=3", "unsafe=true");
        assertTrue(o.out().contains("  quorum           3"), "the default quorum for n = 3 is 3 = n:\n" + o.out());
        assertTrue(o.out().contains("  prepared         pre-prepare + 2 matching prepares"), o.out());
        assertTrue(o.out().contains("ASSUMPTION BROKEN: n = 3 is below 3f+1 = 4"), o.out());
        JsonNode config = new ObjectMapper().readTree(dir.resolve("n3/summary.json").toFile()).path("configuration");
        assertEquals(3, config.path("n").asInt());
        assertEquals(1, config.path("f").asInt());
        assertEquals(3, config.path("quorum").asInt());
        assertEquals("n = 3 is below 3f+1 = 4", config.path("assumptionsBroken").get(0).asText());
        String html = Files.readString(dir.resolve("n3/report.html"));
        assertTrue(html.contains("Configuration in force") && html.contains("assumption broken:</b> n = 3 is below 3f+1 = 4"));
    }

    @Test
    void aRunInsideTheAssumptionsBreaksNone() throws Exception {
        CliTest.Outcome o = run("pbft-normal", "ok");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("  n                4") && o.out().contains("  quorum           3"), o.out());
        assertFalse(o.out().contains("ASSUMPTION BROKEN"), o.out());
        JsonNode config = new ObjectMapper().readTree(dir.resolve("ok/summary.json").toFile()).path("configuration");
        assertEquals(0, config.path("assumptionsBroken").size());
        assertFalse(Files.readString(dir.resolve("ok/report.html")).contains("assumption broken"));
    }

    @Test
    void zabStatesItsMajorityAndTimeouts() throws Exception {
        CliTest.Outcome o = run("zk-saturation", "zab", "cluster.f=2");
        assertTrue(o.out().contains("  servers          5") && o.out().contains("  quorum           3"), o.out());
        assertTrue(o.out().contains("  timeouts         tick 100ms"), o.out());
        assertTrue(o.out().matches("(?s).*  stale reads  [0-9,]+ of [0-9,]+ \\([0-9.]+%\\) missed an acknowledged write to their node; behind by p50 [0-9]+ / p99 [0-9]+ transactions.*"),
                "the terminal shows Zab's staleness:\n" + o.out());
        JsonNode config = new ObjectMapper().readTree(dir.resolve("zab/summary.json").toFile()).path("configuration");
        assertEquals(3, config.path("quorum").asInt());
    }

    @Test
    void zabWithObserversNamesVotersAndObserversApart() throws Exception {
        CliTest.Outcome o = run("zk-saturation", "observers", "zab.observers=2");
        assertTrue(o.out().contains("  voters           5") && o.out().contains("  observers        2"), o.out());
        assertFalse(o.out().contains("  servers  "), o.out());
        JsonNode config = new ObjectMapper().readTree(dir.resolve("observers/summary.json").toFile()).path("configuration");
        assertEquals(5, config.path("voters").asInt());
        assertEquals(2, config.path("observers").asInt());
    }

    @Test
    void aLeaderCrashShowsHowLongTheElectionTook() throws Exception {
        Path file = dir.resolve("crash.yaml");
        Files.writeString(file, "protocol: zab\nduration: 1.5s\nworkload: { clients: 4, readRatio: 0.5 }\n"
                + "faults:\n  - { at: 500ms, crash: leader }\n");
        CliTest.Outcome o = CliTest.cli("run", file.toString(), "--out", dir.resolve("crash").toString());
        assertTrue(o.out().matches("(?s).*  leader changes 1 \\(longest election [0-9.]+ ms\\).*"), o.out() + o.err());
    }
}
