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

/** until: belongs to its own fault entry: the timeline carries it with the fault, never as a separate global undo. */
class FaultUntilTest {
    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private ScenarioSpec load(String faults) throws Exception {
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, "protocol: pbft\nduration: 5s\nfaults:\n" + faults);
        return ScenarioLoader.load(file.toString(), List.of());
    }

    private List<Problem> problems(String faults) {
        return assertThrows(ScenarioException.class, () -> load(faults)).problems();
    }

    @Test
    void eachUntilStaysWithItsFault() throws Exception {
        ScenarioSpec spec = load("  - { at: 1s, isolate: 3, until: 2s }\n"
                + "  - { at: 1500ms, cut: { from: 1, to: 2 }, until: 4s }\n"
                + "  - { at: 2s, pause: primary, until: 3s }\n");
        assertEquals(List.of(2 * S, 4 * S, 3 * S),
                spec.faults().stream().map(ScenarioSpec.TimedFault::untilNanos).toList());
        assertTrue(spec.faults().stream().noneMatch(t -> t.fault() instanceof Fault.Heal || t.fault() instanceof Fault.Resume),
                "no separate heal or resume that would end every fault");
        assertEquals(new Target.Role("primary"), ((Fault.Pause) spec.faults().get(2).fault()).target());
    }

    @Test
    void aDelaySpikeMayEndAtItsUntilButNotAlsoAfterItsFor() throws Exception {
        ScenarioSpec spec = load("  - { at: 1s, delaySpike: { extra: 5ms }, until: 3s }\n");
        assertEquals(2 * S, ((Fault.DelaySpike) spec.faults().get(0).fault()).durationNanos());
        Problem both = problems("  - { at: 1s, delaySpike: { extra: 5ms, for: 1s }, until: 3s }\n").get(0);
        assertTrue(both.message().contains("not both"), both::toString);
    }

    @Test
    void anEndHasNoUntil() {
        for (String end : List.of("recover: 1", "resume: 1", "heal: true")) {
            Problem p = problems("  - { at: 1s, " + end + ", until: 2s }\n").get(0);
            assertEquals("faults[0].until", p.path());
            assertTrue(p.message().contains("is itself an end"), p::toString);
        }
    }
}
