package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docs/SCENARIOS.md cannot rot: every key and every named value the binder accepts appears in
 * it. The binder is asked, as a user would meet it: each place is given a key or value it does
 * not know, and the "Allowed" list of its error is what the reference must cover.
 */
class ScenarioReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "SCENARIOS.md");

    /** A misspelt key or value at each place of the format, and the protocol it is read under. */
    private static final String[][] PROBES = {
        {"pbft", "zzz: 1"},
        {"pbft", "cluster: {zzz: 1}"},
        {"pbft", "pbft: {zzz: 1}"},
        {"pbft", "pbft: {authentication: zzz}"},
        {"pbft", "pbft: {variant: zzz}"},
        {"pbft", "pbft: {nondeterminism: zzz}"},
        {"pbft", "pbft: {proactiveRecovery: {zzz: 1}}"},
        {"zab", "zab: {zzz: 1}"},
        {"pbft", "network: {zzz: 1}"},
        {"pbft", "network: {latency: {zzz: 1}}"},
        {"pbft", "network: {latency: {distribution: zzz}}"},
        {"pbft", "hardware: {zzz: 1}"},
        {"pbft", "hardware: {profile: zzz}"},
        {"pbft", "hardware: {costs: {zzz: 1}}"},
        {"pbft", "workload: {zzz: 1}"},
        {"pbft", "workload: {kind: zzz}"},
        {"zab", "workload: {kind: zzz}"},
        {"pbft", "byzantine: [{node: 0, behaviour: silent, zzz: 1}]"},
        {"pbft", "byzantine: [{node: 0, behaviour: zzz}]"},
        {"zab", "byzantine: [{node: 0, behaviour: zzz}]"},
        {"pbft", "faults: [{at: 1s, crash: 0, zzz: 1}]"},
        {"pbft", "faults: [{at: 1s, cut: {from: 0, to: 1, zzz: 1}}]"},
        {"pbft", "faults: [{at: 1s, clockJump: {node: 0, zzz: 1}}]"},
        {"pbft", "faults: [{at: 1s, clockDrift: {node: 0, zzz: 1}}]"},
        {"pbft", "faults: [{at: 1s, delaySpike: {zzz: 1}}]"},
        {"pbft", "checks: {zzz: 1}"},
        {"pbft", "expect: {zzz: 1}"},
        {"pbft", "expect: {safety: zzz}"},
        {"pbft", "expect: {min: {zzz: 1}}"},
        {"pbft", "report: {zzz: 1}"},
        {"pbft", "report: {diagram: {zzz: 1}}"},
        {"zzz", ""},
    };

    /** The words of the "Allowed" list in the error each probe causes. */
    private static List<String> allowed(String protocol, String yaml) {
        String text = "protocol: " + protocol + "\n" + yaml + "\n";
        try {
            ScenarioBinder.bind("probe", TreeReader.read("probe", text, true), "probe");
        } catch (ScenarioException e) {
            for (Problem p : e.problems()) {
                int at = p.message().indexOf("Allowed");
                if (p.message().contains("zzz") && at >= 0) {
                    String list = p.message().substring(p.message().indexOf(':', at) + 1);
                    return Arrays.stream(list.split(",")).map(String::trim).filter(w -> !w.isEmpty()).toList();
                }
            }
            throw new AssertionError("no 'Allowed' list for " + text + ": " + e.problems());
        }
        throw new AssertionError("the binder accepted " + text);
    }

    @Test
    void everyKeyAndValueTheBinderAcceptsIsInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        TreeSet<String> missing = new TreeSet<>();
        List<String> seen = new ArrayList<>();
        for (String[] probe : PROBES) {
            for (String word : allowed(probe[0], probe[1])) {
                seen.add(word);
                if (!reference.contains("`" + word + "`")) {
                    missing.add(word);
                }
            }
        }
        assertTrue(missing.isEmpty(), "docs/SCENARIOS.md does not describe " + missing);
        assertTrue(seen.containsAll(List.of("livenessBound", "clockDriftPpm", "equivocate", "view-change-spam", "pareto",
                "throughputOpsPerSec", "saturation", "delaySpike", "electionWait")), "the probes reach every section: " + seen);
    }

    @Test
    void everyFaultActionAndBehaviourIsDescribed() throws Exception {
        String reference = Files.readString(REFERENCE);
        for (String word : FaultBinder.ACTIONS) {
            assertTrue(reference.contains("`" + word + "`"), word);
        }
        for (String protocol : Protocols.names()) {
            for (String word : Protocols.get(protocol).behaviours()) {
                assertTrue(reference.contains("`" + word + "`"), protocol + " behaviour " + word);
            }
            for (String role : Protocols.get(protocol).roles()) {
                assertTrue(reference.contains("`" + role + "`"), protocol + " role " + role);
            }
        }
        assertFalse(reference.contains("../shared"), "the reference stands on its own");
    }
}
