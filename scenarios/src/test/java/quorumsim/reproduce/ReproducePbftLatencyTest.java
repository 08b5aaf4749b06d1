package quorumsim.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;

/** {@code quorumsim reproduce pbft-latency}: the table a user gets, its files, and the set-up file's sources. */
class ReproducePbftLatencyTest {
    @Test
    void theTableHasEveryCellAndTheShapeOfReplication(@TempDir Path dir) throws Exception {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "reproduce", "pbft-latency", "--quiet", "--out", dir.resolve("r").toString());
        assertEquals(0, code, out.toString());
        List<String> csv = Files.readAllLines(dir.resolve("r").resolve("table.csv"));
        assertEquals("case,f,operation,latency_ms", csv.get(0));
        assertEquals(1 + 3 * 2 * 3, csv.size(), "3 cases x 2 values of f x 3 operations: " + csv);
        assertTrue(Files.exists(dir.resolve("r").resolve("pbft-latency.svg")) && Files.exists(dir.resolve("r").resolve("report.html")));
        for (String c : List.of("0/0", "4/0", "0/4")) {
            for (int f : List.of(1, 2)) {
                double rw = latency(csv, c, f, "read-write");
                double ro = latency(csv, c, f, "read-only");
                double un = latency(csv, c, f, "unreplicated");
                assertTrue(rw > ro && ro > un, c + " f=" + f + ": read-write " + rw + ", read-only " + ro + ", unreplicated " + un);
            }
            assertTrue(latency(csv, c, 2, "read-write") > latency(csv, c, 1, "read-write"), c + ": f = 2 costs more than f = 1");
        }
        assertTrue(latency(csv, "4/0", 1, "read-write") > latency(csv, "0/4", 1, "read-write"),
                "a 4 KB argument crosses the network in the request and the pre-prepare; a 4 KB result once");
    }

    private static double latency(List<String> csv, String caseName, int f, String operation) {
        for (String line : csv) {
            if (line.startsWith(caseName + "," + f + "," + operation + ",")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            }
        }
        throw new AssertionError("no row " + caseName + "," + f + "," + operation);
    }

    @Test
    void everyValueOfTheSetUpSaysWhereItComesFrom() {
        List<String> bare = new ArrayList<>();
        for (String line : PbftLatency.setupText().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.endsWith(":")) {
                continue;                                           // comments and section headings
            }
            int hash = trimmed.indexOf(" # ");
            if (trimmed.startsWith("name:") || trimmed.startsWith("protocol:") || trimmed.startsWith("seed:")) {
                continue;                                           // what the file is, not a measured value
            }
            if (hash < 0 || trimmed.substring(hash + 3).trim().length() < 20) {
                bare.add(trimmed);
            }
        }
        assertTrue(bare.isEmpty(), "values without a comment saying where they come from: " + bare);
    }
}
