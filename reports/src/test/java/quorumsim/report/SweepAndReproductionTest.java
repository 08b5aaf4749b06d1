package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepAndReproductionTest {
    @TempDir
    Path dir;

    /** f in {1, 2, 3} and batch sizes {1, 10}, three seeds each: made-up figures that fall with f. */
    static SweepData sweep() {
        List<SweepData.Row> rows = new ArrayList<>();
        for (String batch : List.of("1", "10")) {
            for (int f = 1; f <= 3; f++) {
                for (long seed = 1; seed <= 3; seed++) {
                    Map<String, String> values = new LinkedHashMap<>();
                    values.put("cluster.f", Integer.toString(f));
                    values.put("pbft.batchSize", batch);
                    double base = Integer.parseInt(batch) * 1000.0 / f;
                    rows.add(new SweepData.Row(values, seed, Map.of("throughputOpsPerSec", base + 37 * seed,
                            "latencyMs.p99", 2.0 * f + 0.1 * seed)));
                }
            }
        }
        return new SweepData("pbft-normal", List.of("cluster.f", "pbft.batchSize"), rows);
    }

    @Test
    void aSweepChartsEveryFigureAgainstEveryParameterWithOneLinePerOtherValue() throws Exception {
        ReportFiles files = SweepReport.write(sweep(), dir);
        ReportFilesCheck.chart(dir, "sweep-throughputOpsPerSec-vs-cluster-f", "throughput (ops/s)", "cluster.f",
                "pbft.batchSize=1", "pbft.batchSize=10");
        ReportFilesCheck.chart(dir, "sweep-latencyMs-p99-vs-pbft-batchSize", "latency p99 (ms)", "pbft.batchSize",
                "cluster.f=1", "cluster.f=2", "cluster.f=3");
        assertTrue(files.files().size() == 4 * 3 + 1, "4 charts of PNG, SVG and CSV, and the page: " + files.files());
        List<String> refs = ReportFilesCheck.referencesResolve(dir.resolve(SweepReport.PAGE));
        assertTrue(refs.contains("sweep-latencyMs-p99-vs-cluster-f.svg"));
    }

    @Test
    void theZooKeeperTableShowsSimulatedBesidePaperWithTheDeviation() throws Exception {
        int[] servers = {3, 5, 7, 9, 13};
        double[] reads = {87_000, 165_000, 257_000, 296_000, 460_000};
        double[] writes = {21_000, 18_000, 14_000, 12_000, 8_000};
        List<ZkTableRow> rows = new ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            rows.add(new ZkTableRow(servers[i], 100, reads[i] * 1.1, reads[i]));
            rows.add(new ZkTableRow(servers[i], 0, writes[i] * 0.9, writes[i]));
        }
        ReproductionCharts.zkTable(rows, dir);
        ReportFilesCheck.chart(dir, "zk-table", "simulated reads (100%)", "paper reads (100%)", "simulated writes (0% reads)",
                "paper writes (0% reads)", "servers", "read throughput (ops/s)", "write throughput (ops/s)");
        ReportFilesCheck.referencesResolve(dir.resolve(ReproductionCharts.PAGE));
        String html = Files.readString(dir.resolve(ReproductionCharts.PAGE), StandardCharsets.UTF_8);
        assertTrue(html.contains("+10.0 %") && html.contains("-10.0 %"), "deviation column");
    }

    @Test
    void theReadMixHasOneLinePerEnsembleSize() throws Exception {
        List<ReadMixRow> rows = new ArrayList<>();
        for (int servers : new int[] {3, 5, 7}) {
            for (int pct = 0; pct <= 100; pct += 25) {
                rows.add(new ReadMixRow(servers, pct, 20_000 + pct * 1000.0 * servers / 3, pct == 100 ? 90_000 : Double.NaN));
            }
        }
        Path out = dir.resolve("mix");
        ReproductionCharts.zkReadMix(rows, out);
        ReportFilesCheck.chart(out, "zk-read-mix", "3 servers, simulated", "5 servers, simulated", "7 servers, simulated",
                "3 servers, paper", "reads in the workload (%)", "throughput (ops/s)");
        ReportFilesCheck.referencesResolve(out.resolve(ReproductionCharts.PAGE));
    }
}
