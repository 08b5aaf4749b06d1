package quorumsim.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cheap version of the paper's experiment (48 clients with 10 requests outstanding, short
 * windows that still hold a few thousand operations) with the real calibration: the mechanism shows (reads scale with the servers that
 * serve them, writes fall as the leader fans out to more followers), the table is written as
 * promised, and the same seed gives the same figures.
 */
class ZkReproductionTest {
    /** Windows of at least 5,000 operations (several throttle cycles of the bursty write cells), 600 ms at most. */
    private static final ZkExperiment.Timing SHORT = new ZkExperiment.Timing(500_000_000L, 150_000_000L, 150_000_000L, 5_000, 600_000_000L);
    private static final ZkExperiment CHEAP = new ZkExperiment(ZkCalibration.paper(), 48, 10, SHORT);
    private static ZkTable table;

    @TempDir
    Path dir;

    @BeforeAll
    static void runCheapTable() {
        table = ZkTable.run(CHEAP, 7, 2, cell -> { });
    }

    private static double ops(int servers, int readPct) {
        return table.row(servers, readPct).simulatedOpsPerSec();
    }

    @Test
    void readsScaleUpWithServersBecauseEveryFollowerServesItsOwnClients() {
        List<Integer> servers = ZkPaper.SERVERS;
        for (int i = 1; i < servers.size(); i++) {
            assertTrue(ops(servers.get(i), 100) > ops(servers.get(i - 1), 100),
                    "reads on " + servers.get(i) + " servers should beat " + servers.get(i - 1) + ": " + table.rows());
        }
        double perFollowerAt3 = ops(3, 100) / 2;
        double perFollowerAt13 = ops(13, 100) / 12;
        assertEquals(perFollowerAt3, perFollowerAt13, 0.1 * perFollowerAt3, "a follower's read rate does not depend on the ensemble");
    }

    @Test
    void writesGoDownWithServersBecauseTheLeaderFansOutEveryProposal() {
        List<Integer> servers = ZkPaper.SERVERS;
        for (int i = 1; i < servers.size(); i++) {
            assertTrue(ops(servers.get(i), 0) < ops(servers.get(i - 1), 0),
                    "writes on " + servers.get(i) + " servers should fall below " + servers.get(i - 1) + ": " + table.rows());
        }
        CellResult writes3 = table.cells().get(ZkPaper.TABLE_1.indexOf(new ZkPaper.Cell(3, 0, 21_000)));
        // on 3 servers each follower also takes in half the clients' writes and logs, acks and applies every one: CPUs saturate on both sides
        assertTrue(Math.max(writes3.leaderCpuBusy(), writes3.followerCpuBusy()) > 0.9, "CPU is the bottleneck of writes on 3 servers: " + writes3);
    }

    @Test
    void theCheckersFindNothingWrongInAnyCell() {
        for (CellResult cell : table.cells()) {
            assertTrue(cell.safetyHolds(), cell.servers() + " servers, " + cell.readPct() + "% reads: " + cell.safety());
        }
    }

    @Test
    void tableCsvHasTheColumnsAndTenRows() throws Exception {
        ReproductionFiles.writeTable(dir, table, CHEAP, ZkCalibration.PAPER_PROFILE);
        List<String> lines = Files.readAllLines(dir.resolve("table.csv"));
        assertEquals("servers,read_pct,simulated_ops_per_sec,paper_ops_per_sec,deviation_pct", lines.get(0));
        assertEquals(11, lines.size(), String.join("\n", lines));
        assertTrue(lines.contains("13,0,%d,8000,%s".formatted(table.row(13, 0).simulatedOpsPerSec(),
                Double.toString(table.row(13, 0).deviationPct()))), String.join("\n", lines));
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("\"scenario\" : \"zk-table\"") && summary.contains("\"traceDigest\""), summary);
    }

    private static List<String> digests(List<CellResult> cells) {
        return cells.stream().map(c -> c.traceDigest() + " " + c.opsPerSec()).toList();
    }

    @Test
    void sameSeedGivesTheSameFigures() {
        CellResult first = CHEAP.run(5, 50, 11);
        CellResult again = CHEAP.run(5, 50, 11);
        assertEquals(first.traceDigest(), again.traceDigest());
        assertEquals(first.opsPerSec(), again.opsPerSec());
        assertEquals(first.events(), again.events());
        List<CellBatch.Cell> cells = List.of(new CellBatch.Cell(3, 90), new CellBatch.Cell(5, 90));
        assertEquals(digests(CellBatch.run(CHEAP, cells, 11, 1, cell -> { })), digests(CellBatch.run(CHEAP, cells, 11, 2, cell -> { })),
                "one worker or two, the same runs");
    }
}
