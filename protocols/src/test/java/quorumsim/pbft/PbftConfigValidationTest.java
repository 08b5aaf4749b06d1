package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What a scenario's author is told about each PBFT knob: the last value accepted and the first
 * refused, with the one line that names it (and nothing else wrong with the defaults).
 */
class PbftConfigValidationTest {
    private static List<String> problems(UnaryOperator<PbftConfig.Builder> change) {
        return change.apply(PbftConfig.defaults().toBuilder()).build().validate();
    }

    @Test
    void fNotNegativeAndNAtLeastOne() {
        assertEquals(List.of(), problems(b -> b.f(0).n(1).quorum(1)));
        assertEquals(List.of("f = -1 must not be negative"), problems(b -> b.f(-1).n(1).quorum(1)));
        assertEquals(List.of("n = 0 must be at least 1", "quorum = 1 must be within 1..n = 0"),
                problems(b -> b.f(0).n(0).quorum(1).unsafe(true)));
    }

    @Test
    void nBelow3fPlus1NeedsUnsafe() {
        assertEquals(List.of("n = 6 is below 3f+1 = 7; set unsafe: true to run it anyway"), problems(b -> b.f(2).n(6).quorum(5)));
        assertEquals(List.of(), problems(b -> b.f(2).n(6).quorum(5).unsafe(true)));
        assertEquals(List.of(), problems(b -> b.f(2).n(7).quorum(5)));
    }

    @Test
    void quorumWithinOneToN() {
        assertEquals(List.of(), problems(b -> b.quorum(4)));
        assertEquals(List.of("quorum = 5 must be within 1..n = 4"), problems(b -> b.quorum(5)));
        assertEquals(List.of("quorum = 0 must be within 1..n = 4"), problems(b -> b.quorum(0).unsafe(true)));
        assertEquals(List.of(), problems(b -> b.quorum(1).unsafe(true)));
    }

    @Test
    void logWindowExceedsTheCheckpointInterval() {
        assertEquals(List.of(), problems(b -> b.checkpointInterval(1).logWindow(2)));
        assertEquals(List.of("logWindow L = 128 must exceed checkpointInterval K = 128, or the primary stops at the high water"
                + " mark for good"), problems(b -> b.checkpointInterval(128).logWindow(128)));
        assertEquals(List.of("checkpointInterval = 0 must be at least 1"), problems(b -> b.checkpointInterval(0)));
    }

    @Test
    void timeoutPositiveBatchAtLeastOneWindowNotNegative() {
        assertEquals(List.of(), problems(b -> b.viewChangeTimeoutNanos(1).batchSize(1).batchWindowNanos(0)));
        assertEquals(List.of("viewChangeTimeout must be positive"), problems(b -> b.viewChangeTimeoutNanos(0)));
        assertEquals(List.of("batchSize = 0 must be at least 1"), problems(b -> b.batchSize(0)));
        assertEquals(List.of("batchWindow must not be negative"), problems(b -> b.batchWindowNanos(-1)));
    }

    @Test
    void requiredParts() {
        assertEquals(List.of("authentication must be MAC or SIGNATURE"), problems(b -> b.authentication(null)));
        assertEquals(List.of("workload is required"), problems(b -> b.workload(null)));
        assertEquals(List.of("nondeterminism must be none, naive or agreed"), problems(b -> b.nondeterminism(null)));
        assertEquals(List.of("costs are required"), problems(b -> b.costs(null)));
    }

    @Test
    void theWorkloadsCostsAndRecoveryScheduleAreCheckedToo() {
        assertEquals(List.of("workload.clients = -1 must not be negative"),
                problems(b -> b.workload(PbftConfig.defaults().workload().toBuilder().clients(-1).build())));
        assertEquals(List.of("pbft costs must not be negative"),
                problems(b -> b.costs(PbftCosts.free().withOverrides(java.util.Map.of("macNanos", -1.0)))));
        assertEquals(List.of("proactiveRecovery.period must be positive",
                        "proactiveRecovery.reboot must be positive and shorter than the period"),
                problems(b -> b.proactiveRecovery(new ProactiveRecovery(0, 0, 1))));
        assertEquals(List.of(), problems(b -> b.proactiveRecovery(new ProactiveRecovery(10, 0, 1))));
    }

    @Test
    void skipCommitNeedsUnsafe() {
        assertEquals(List.of("variant skip-commit is unsafe across view changes; set unsafe: true to run it anyway"),
                problems(b -> b.variant(PbftConfig.SKIP_COMMIT)));
        assertEquals(List.of(), problems(b -> b.variant(PbftConfig.SKIP_COMMIT).unsafe(true)));
    }
}
