package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/** power-off: in a scenario file as crash is, with a target, until: or a later recover:. */
class PowerOffFaultTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private ScenarioSpec load(String faults) throws Exception {
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, "protocol: zab\ncluster: { n: 5 }\nduration: 5s\nfaults:\n" + faults);
        return ScenarioLoader.load(file.toString(), List.of());
    }

    @Test
    void aPowerOffNamesATargetAndEndsAtItsUntilOrARecover() throws Exception {
        ScenarioSpec spec = load("  - { at: 1s, power-off: leader, until: 2s }\n  - { at: 3s, power-off: [1, 2] }\n  - { at: 4s, recover: all }\n");
        assertEquals(new Fault.PowerOff(new Target.Role("leader")), spec.faults().get(0).fault());
        assertEquals(2 * S, spec.faults().get(0).untilNanos());
        assertTrue(spec.faults().get(1).fault() instanceof Fault.PowerOff p && ((Target.Nodes) p.target()).ids().length == 2);
        assertTrue(spec.faults().get(2).fault() instanceof Fault.Recover);
    }

    @Test
    void aPowerOffOfAnUnknownNodeIsRefusedWithWhereItIs() {
        Problem p = assertThrows(ScenarioException.class, () -> load("  - { at: 1s, power-off: 9 }\n")).problems().get(0);
        assertEquals("faults[0].power-off", p.path(), p::toString);
    }
}
