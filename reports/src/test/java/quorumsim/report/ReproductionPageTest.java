package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zk-table page says what the terminal says: the safety verdict and where each cell saturates. */
class ReproductionPageTest {
    @TempDir
    Path dir;

    private static final List<ZkTableRow> ROWS = List.of(new ZkTableRow(3, 100, 90_000, 87_000), new ZkTableRow(3, 0, 20_000, 21_000));

    @Test
    void theTablePageShowsTheVerdictAndTheCpuTable() throws Exception {
        ReproductionCharts.zkTable(ROWS, List.of(new ZkCell(3, 100, 0.41, 0.97, true, "ok"), new ZkCell(3, 0, 0.99, 0.35, true, "ok")),
                dir.resolve("safe"));
        String html = Files.readString(dir.resolve("safe/report.html"));
        assertTrue(html.contains("safety holds in every cell"), "the verdict");
        assertTrue(html.matches("(?s).*<td[^>]*>3</td><td[^>]*>41%, 97%</td><td[^>]*>99%, 35%</td>.*"), "the CPU table, 100% reads first");
        assertFalse(html.contains("safety violated"));
    }

    @Test
    void aViolationInAnyCellIsOnThePage() throws Exception {
        ReproductionCharts.zkTable(ROWS, List.of(new ZkCell(3, 100, 0.4, 0.9, true, "ok"),
                new ZkCell(3, 0, 0.9, 0.3, false, "two transactions at zxid 0x100000005")), dir.resolve("broken"));
        String html = Files.readString(dir.resolve("broken/report.html"));
        assertTrue(html.contains("safety violated</b> with 3 servers at 0% reads: two transactions at zxid 0x100000005"), "the violation");
        assertFalse(html.contains("safety holds in every cell"));
    }
}
