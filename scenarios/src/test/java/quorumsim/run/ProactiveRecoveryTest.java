package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** Proactive recovery (BFT-PR): reboots on a schedule throw intruders out; more than f over the run, at most f at once. */
class ProactiveRecoveryTest {
    private static RunResult run(String builtIn, String... sets) {
        return ScenarioRunner.run(ScenarioLoader.load(builtIn, List.of(sets)), RunOptions.plain());
    }

    @Test
    void aRebootThrowsTheIntruderOutAndTheReplicaComesBack() {
        RunResult result = run("pbft-proactive-recovery", "duration=2600ms");
        List<String> labels = result.windows().stream().map(FaultWindow::label).toList();
        assertTrue(labels.containsAll(List.of("proactive recovery r0", "proactive recovery r1")), "reboots at 1 s and 2 s: " + labels);
        assertTrue(result.summary().safety().holds(), result.summary().safety().detail());
        assertTrue(result.summary().requests().completed() > 0);
    }

    @Test
    void sameSeedSameRun() {
        for (String builtIn : List.of("pbft-proactive-recovery", "pbft-no-recovery")) {
            ScenarioSpec spec = ScenarioLoader.load(builtIn, List.of("duration=2600ms"));
            assertEquals(ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest(),
                    ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest(), builtIn);
        }
    }

    private static ScenarioSpec withIntrusions(String secondFrom) {
        String text = quorumsim.scenario.Catalogue.text("pbft-proactive-recovery").replace("from: 2500ms", "from: " + secondFrom);
        return ScenarioLoader.bind(new ScenarioLoader.Source("test.yaml", text, true, "test"), List.of("unsafe=false"));
    }

    @Test
    void twoCompromisesInOneWindowOfVulnerabilityAreMoreThanF() {
        withIntrusions("2500ms");                                  // r1 0.5-2 s (its reboot), r0 2.5-5 s: one at a time
        // r1 compromised at 0.5 s holds until its reboot at 2 s; r0 at 1.5 s overlaps it
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () -> withIntrusions("1500ms"));
        assertTrue(e.getMessage().contains("2 Byzantine node(s)") && e.getMessage().contains("tolerates 1"), e.getMessage());
    }
}
