package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import quorumsim.report.PbftLatencyChart;
import quorumsim.report.PbftLatencyRow;
import quorumsim.reproduce.PbftLatency;
import quorumsim.reproduce.PbftLatencyFiles;
import quorumsim.reproduce.ReproductionFiles;

/**
 * The terminal side of {@code reproduce pbft-latency}: run the cells, write the files, print
 * the table. The papers' figures are for the reader to hold it against (docs/REFERENCES.md):
 * nothing is fitted or held to a tolerance; it returns whether the checkers found nothing.
 */
final class PbftReproductions {
    private PbftReproductions() {
    }

    static boolean latency(long seed, int jobs, Path dir, PrintWriter out, boolean quiet, PrintWriter err) {
        PbftLatency table;
        int runs = PbftLatency.CASES.size() * (2 * PbftLatency.FS.size() + 1);
        try (Progress progress = new Progress("pbft-latency", runs, " cells", quiet, err)) {
            table = PbftLatency.run(seed, jobs, cell -> progress.step());
        }
        PbftLatencyFiles.write(dir, table);
        List<String> ratios = PbftLatencyFiles.ratios(table).entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue())).toList();
        PbftLatencyChart.write(table.cells().stream().map(c -> new PbftLatencyRow(c.caseName(), c.f(), c.operation(), c.latencyMs())).toList(),
                List.of("Latency with f = 2 over f = 1: " + String.join("; ", ratios) + "."), dir);
        if (quiet) {
            return table.allSafe();
        }
        out.println("PBFT latency (Castro and Liskov, OSDI'99 7.2; TOCS'02 8.3.1): mean ms, one client, null operations");
        out.println("osdi99 profile (133 MHz Alpha, 10 Mbit/s switched Ethernet); set-up " + PbftLatency.SETUP + "; seed " + seed);
        out.println();
        out.printf(Locale.ROOT, "%-9s | %-32s | %-32s%n", "arg/res", "               f = 1", "               f = 2");
        out.printf(Locale.ROOT, "%-9s | %10s %10s %10s | %10s %10s %10s%n", "KB", "read-write", "read-only", "unrepl.",
                "read-write", "read-only", "unrepl.");
        for (int[] sizes : PbftLatency.CASES) {
            String c = sizes[0] + "/" + sizes[1];
            out.printf(Locale.ROOT, "%-9s | %10.2f %10.2f %10.2f | %10.2f %10.2f %10.2f%n", c,
                    table.latencyMs(c, 1, PbftLatency.READ_WRITE), table.latencyMs(c, 1, PbftLatency.READ_ONLY),
                    table.latencyMs(c, 1, PbftLatency.UNREPLICATED), table.latencyMs(c, 2, PbftLatency.READ_WRITE),
                    table.latencyMs(c, 2, PbftLatency.READ_ONLY), table.latencyMs(c, 2, PbftLatency.UNREPLICATED));
        }
        out.println();
        out.println("f = 2 / f = 1: " + String.join("; ", ratios));
        out.println(table.allSafe() ? "PBFT checkers (agreement, client results, checkpoints): safety holds in every cell"
                : "PBFT checkers: VIOLATION in " + table.cells().stream().filter(c -> !c.safetyHolds()).findFirst()
                        .map(c -> c.caseName() + " f=" + c.f() + " " + c.operation() + ": " + c.safety()).orElse(""));
        out.printf(Locale.ROOT, "%d runs in %.1f s wall, %,d events%n", runs, table.wallSeconds(), table.events());
        out.println("wrote " + dir + "/: " + ReproductionFiles.TABLE_CSV + ", " + ReproductionFiles.SUMMARY_JSON
                + ", pbft-latency.png/.svg, report.html; the papers' figures: docs/REFERENCES.md");
        out.flush();
        return table.allSafe();
    }
}
