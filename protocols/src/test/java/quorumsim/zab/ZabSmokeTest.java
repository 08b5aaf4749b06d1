package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ZabSmokeTest {
    @Test
    void threeServersServeReadsAndWrites() {
        ZabRun r = ZabRun.of(1, ZabRun.quick(3, 4)).run(300_000_000L);
        System.out.println(r.zab().requests() + " " + r.zab().safety() + " " + r.zab().figures() + " leaderChanges=" + r.zab().leaderChanges()
                + " events=" + r.sim().events() + " " + r.sim().metrics().counters());
        assertTrue(r.zab().requests().reads() > 100);
        assertTrue(r.zab().requests().writes() > 100);
        assertTrue(r.zab().safety().holds(), r.zab().safety().detail());
    }
}
