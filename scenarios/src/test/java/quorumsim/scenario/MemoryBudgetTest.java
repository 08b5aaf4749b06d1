package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftMemory;

/** The memory a run needs is estimated up front and compared with what the JVM may use. */
class MemoryBudgetTest {
    private static final long GIB = 1L << 30;

    private static ScenarioSpec.Workload clients(int clients) {
        return new ScenarioSpec.Workload("kv", clients, 1, 0.0, 1024, -1, 0);
    }

    @Test
    void aSmallRunFitsADefaultHeap() {
        assertNull(MemoryBudget.problem(4, clients(10), 0, GIB));
    }

    @Test
    void fiftyThousandClientsDoNotFitInOneGigabyteAndTheMessageSaysWhatWould() {
        String problem = MemoryBudget.problem(4, clients(50_000), 0, GIB);
        assertTrue(problem.startsWith("4 servers and 50,000 clients (1 outstanding of 1,024 bytes each) need about 1.1"), problem);
        assertTrue(problem.contains("but this JVM may use at most 1.00 GB"), problem);
        assertTrue(problem.contains("JAVA_OPTS=-Xmx2g"), problem);
        assertNull(MemoryBudget.problem(4, clients(50_000), 0, 2 * GIB));
    }

    @Test
    void theLinkTablesCountTheLinksInUseNotNodesSquared() {
        assertNull(MemoryBudget.problem(4, clients(100_000), 0, 3 * GIB), "100,004 nodes: past the old cap of 46,340");
    }

    @Test
    void moreNodesThanTheSimulatorNumbersAreRefusedWhateverTheHeap() {
        assertNull(MemoryBudget.problem(4, clients(MemoryBudget.MAX_NODES - 4), 0, 1024 * GIB));
        assertEquals("4 servers and 9,999,997 clients make 10,000,001 nodes; the simulator runs at most 10,000,000",
                MemoryBudget.problem(4, clients(MemoryBudget.MAX_NODES - 3), 0, 1024 * GIB));
    }

    @Test
    void aThousandPbftReplicasFitEightGigabytesAndTheirLogsAreNamedWhenTheyDoNot() {
        long logs = PbftMemory.neededBytes(PbftConfig.defaults().toBuilder().tolerating(333)
                .workload(PbftConfig.defaults().workload().toBuilder().clients(1).build()).build());
        assertNull(MemoryBudget.problem(1000, clients(1), logs, 8 * GIB));
        String problem = MemoryBudget.problem(1000, clients(1), logs, GIB);
        assertTrue(problem.startsWith("1000 servers and 1 clients (1 outstanding of 1,024 bytes each) need about 2."), problem);
        assertTrue(problem.contains("of it the servers' logs and messages in flight, but this JVM may use at most 1.00 GB; run fewer servers"), problem);
    }

    @Test
    void pbftMemoryGrowsWithTheLogWindowNotWithTheRunsLength() {
        PbftConfig f100 = PbftConfig.defaults().toBuilder().tolerating(100).build();
        assertEquals(2 * PbftMemory.neededBytes(f100.toBuilder().logWindow(256).build()) - PbftMemory.neededBytes(f100.toBuilder().logWindow(128).build()),
                PbftMemory.neededBytes(f100.toBuilder().logWindow(384).build()));
    }
}
