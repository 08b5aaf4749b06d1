package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.CliTest.Outcome;

/**
 * Finding 1 of issue 10: a configuration outside the protocol's assumptions is refused unless
 * the scenario says unsafe: true, and then it breaks as the assumption says it would.
 */
class UnsafeConfigurationTest {
    @TempDir
    Path dir;

    static String repro(String fileName) throws Exception {
        return Path.of(UnsafeConfigurationTest.class.getResource("/repros/" + fileName).toURI()).toString();
    }

    private JsonNode summary(Path out) throws Exception {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private static void oneLineExitTwo(Outcome o) {
        assertEquals(2, o.code(), o.out() + o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    @Test
    void tenReplicasForOneFaultTakeAQuorumOfSixAndAnEquivocatingPrimaryBreaksNothing() throws Exception {
        Path out = dir.resolve("safe");
        Outcome o = CliTest.cli("run", repro("pbft-n-gt-3f1-quorum.yaml"), "--set", "duration=1s", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.out() + o.err());
        JsonNode summary = summary(out);
        assertTrue(summary.path("safety").path("holds").asBoolean(), summary.path("safety").toString());
        assertTrue(summary.path("requests").path("completed").asLong() > 0, summary.path("requests").toString());
    }

    @Test
    void tenReplicasWithTheOldQuorumOfThreeAreRefusedWithoutUnsafe() throws Exception {
        Outcome o = CliTest.cli("run", repro("pbft-n-gt-3f1-quorum.yaml"), "--set", "cluster.quorum=3", "--out", dir.resolve("x").toString());
        oneLineExitTwo(o);
        assertTrue(o.err().contains("quorum = 3 is below ceil((n+f+1)/2) = 6 for n = 10, f = 1"), o.err());
        assertTrue(o.err().contains("unsafe: true"), o.err());
    }

    @Test
    void tenReplicasWithTheOldQuorumOfThreeBreakAgreementWhenUnsafe() throws Exception {
        Path out = dir.resolve("unsafe");
        Outcome o = CliTest.cli("run", repro("pbft-n-gt-3f1-quorum.yaml"), "--set", "cluster.quorum=3", "--set", "unsafe=true",
                "--set", "duration=1s", "--out", out.toString(), "--quiet");
        assertEquals(1, o.code(), o.out() + o.err());
        assertFalse(summary(out).path("safety").path("holds").asBoolean());
    }

    @Test
    void twoByzantineEntriesForThePrimaryCountAsTwoNodes() throws Exception {
        Outcome o = CliTest.cli("validate", repro("pbft-role-byzantine-bypass.yaml"));
        oneLineExitTwo(o);
        assertTrue(o.err().contains("byzantine: 2 Byzantine node(s), but pbft as configured tolerates 1 (f)"), o.err());
        assertTrue(o.err().contains("every entry naming a role counts as one more node"), o.err());
    }

    @Test
    void twoByzantineEntriesForThePrimaryColludeWhenUnsafe() throws Exception {
        Path out = dir.resolve("colluders");
        Outcome o = CliTest.cli("run", repro("pbft-role-byzantine-bypass.yaml"), "--set", "unsafe=true", "--out", out.toString(), "--quiet");
        assertEquals(1, o.code(), o.out() + o.err());
        assertFalse(summary(out).path("safety").path("holds").asBoolean());
    }

    @Test
    void oneByzantineEntryForThePrimaryIsWithinTheBound() throws Exception {
        Path file = dir.resolve("one-primary.yaml");
        java.nio.file.Files.writeString(file, "protocol: pbft\ncluster: { f: 1 }\nbyzantine:\n  - { node: primary, behaviour: collude, from: 0s }\n");
        Outcome o = CliTest.cli("validate", file.toString());
        assertEquals(0, o.code(), o.err());
    }
}
