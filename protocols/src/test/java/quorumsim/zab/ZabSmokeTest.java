package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The service in its simplest setting: three servers, a few clients, no faults. */
class ZabSmokeTest {
    @Test
    void threeServersServeReadsAndWrites() {
        ZabRun r = ZabRun.of(1, ZabRun.quick(3, 4)).run(300_000_000L);
        assertTrue(r.zab().requests().reads() > 100);
        assertTrue(r.zab().requests().writes() > 100);
        assertTrue(r.zab().safety().holds(), r.zab().safety().detail());
    }
}
