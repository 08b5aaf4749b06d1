package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.bench.PbftBench;

/** {@code bench pbft}: a row's own request count, and the targets beside the figures. */
class BenchPbftCommandTest {
    private static PbftBench.Row row(int n, long completed, long messages, double wallSec, long heapBytes) {
        return new PbftBench.Row(n, (n - 1) / 3, completed, completed, messages, messages, Math.round(wallSec * 1e9),
                Math.round(wallSec * 1e9), heapBytes, 0, "0");
    }

    @Test
    void aRowRunsTheRequestsNamedAfterItsColonAndTheLoadIsPrinted() {
        CliTest.Outcome o = CliTest.cli("bench", "pbft", "--n", "4:3");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("\\s+4\\s+1\\s+3\\s.*")), o.out());
        assertTrue(o.out().contains("load average"), o.out());
    }

    @Test
    void aRequestCountOutsideItsRangeIsRefusedInOneLine() {
        CliTest.Outcome o = CliTest.cli("bench", "pbft", "--n", "4:0");
        assertEquals(2, o.code());
        assertEquals("quorumsim: --n: requests after the colon must be from 1 to 1000000, got 0 in '4:0'", o.err().strip());
    }

    @Test
    void theTargetsSayWhetherTheRowsMeetThem() {
        List<String> lines = BenchPbftCommand.targets(List.of(
                row(64, 100, 2_500_000, 1.0, 1L << 30),
                row(256, 100, 1_000_000, 1.0, 1L << 30),
                row(1000, 10, 20_000_000, 31.0, 2L << 30)));
        assertEquals(List.of(
                "target n = 64: 2,000,000 messages per wall second or more; here 2,500,000 (met)",
                "target n = 256: half the n = 64 rate or more; here 0.40 of it (not met)",
                "target n = 1000, 10 requests: under 30 s and 8 GB; here 31.0 s, 2.00 GB peak heap (not met)"), lines);
    }
}
