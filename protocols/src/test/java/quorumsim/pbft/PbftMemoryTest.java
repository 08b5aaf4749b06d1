package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The memory a PBFT run is checked against before it starts: every replica's log full to L
 * slots, each holding a PREPARE and a COMMIT reference per replica, plus one round of agreement
 * (2 n^2 queued deliveries) per request in flight, at most L of them.
 */
class PbftMemoryTest {
    private static PbftConfig withClients(int clients, int outstanding) {
        PbftConfig d = PbftConfig.defaults();
        return d.toBuilder().workload(d.workload().toBuilder().clients(clients).outstanding(outstanding).build()).build();
    }

    @Test
    void fourReplicasSixRequestsInFlight() {
        // logs: 4 replicas x 256 slots x (160 + 2 x 4 x 4) = 196,608; agreement: 6 x 2 x 16 x 128 = 24,576
        assertEquals(196_608 + 24_576, PbftMemory.neededBytes(withClients(3, 2)));
    }

    @Test
    void noClientsStillBudgetsOneRound() {
        assertEquals(196_608 + 4_096, PbftMemory.neededBytes(withClients(0, 1)));
    }

    @Test
    void requestsInFlightBeyondTheLogWindowWaitOutsideIt() {
        assertEquals(196_608 + 256 * 4_096, PbftMemory.neededBytes(withClients(1_000, 1)));
    }

    @Test
    void growsWithTheSquareOfTheReplicas() {
        // n = 7: 7 x 256 x (160 + 2 x 7 x 4) = 387,072; 1 x 2 x 49 x 128 = 12,544
        assertEquals(387_072 + 12_544, PbftMemory.neededBytes(withClients(1, 1).toBuilder().f(2).n(7).quorum(5).build()));
    }
}
