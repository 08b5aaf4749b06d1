package quorumsim.report;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.result.FaultWindow;
import quorumsim.result.RunResult;

/**
 * Not a test: writes example reports into a folder for people to look at (headless Chromium
 * screenshots, the file viewer), and prints the share of wall time reports take for a run of
 * about 100k completions. {@code java ... quorumsim.report.ReportGallery /tmp/gallery}
 */
public final class ReportGallery {
    private ReportGallery() {
    }

    /** Wall time of a run with about 100k completions beside the wall time of its reports. */
    static void timing(Path dir) {
        ToyPbft.Setup setup = ToyPbft.Setup.small().with(20, 28_000_000_000L);
        setup = new ToyPbft.Setup(setup.seed(), setup.clients(), setup.durationNanos(), 100_000_000L, setup.traceLimit(),
                setup.faults(), setup.windows());
        long start = System.nanoTime();
        RunResult run = ToyPbft.run(setup);
        long simNanos = System.nanoTime() - start;
        ReportFiles files = RunReport.write(run, dir, DiagramOptions.defaults());
        System.out.printf(java.util.Locale.ROOT, "timing: %d completions, %d events, simulation %.2f s, reports %.2f s (%.1f%% of run + reports)%n",
                run.metrics().completedTotal(), run.summary().events(), simNanos / 1e9, files.wallSeconds(),
                100 * files.wallSeconds() / (simNanos / 1e9 + files.wallSeconds()));
    }

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "target/gallery");
        if (args.length > 1 && args[1].equals("timing-first")) {
            timing(root.resolve("timing"));
        }
        TreeMap<Long, Fault> faults = new TreeMap<>();
        faults.put(80_000_000L, new Fault.Crash(Target.of(3)));
        faults.put(140_000_000L, new Fault.Recover(Target.of(3)));
        List<FaultWindow> windows = List.of(new FaultWindow("byzantine equivocate on 0", 0.02, 0.06),
                new FaultWindow("crash 3", 0.08, 0.14), new FaultWindow("partition [[0, 1], [2, 3]]", 0.15, 0.17),
                new FaultWindow("view change", 0.03, 0.03), new FaultWindow("view change", 0.035, 0.035),
                new FaultWindow("view change", 0.16, 0.16), new FaultWindow("new leader 1", 0.165, 0.165),
                new FaultWindow("delay spike all", 0.172, 0.19));
        RunResult run = ToyPbft.run(ToyPbft.Setup.small().withFaults(faults, windows));
        ReportFiles files = RunReport.write(run, root.resolve("run"), DiagramOptions.defaults());
        System.out.println("run report: " + files.files().size() + " files in " + files.wallSeconds() + " s");
        SweepReport.write(SweepAndReproductionTest.sweep(), root.resolve("sweep"));
        List<ZkTableRow> table = new java.util.ArrayList<>();
        int[] servers = {3, 5, 7, 9, 13};
        double[] reads = {87_000, 165_000, 257_000, 296_000, 460_000};
        double[] writes = {21_000, 18_000, 14_000, 12_000, 8_000};
        for (int i = 0; i < servers.length; i++) {
            table.add(new ZkTableRow(servers[i], 100, reads[i] * (0.9 + 0.05 * i), reads[i]));
            table.add(new ZkTableRow(servers[i], 0, writes[i] * (1.1 - 0.04 * i), writes[i]));
        }
        ReproductionCharts.zkTable(table, root.resolve("zk-table"));
        List<ReadMixRow> mix = new java.util.ArrayList<>();
        for (int i = 0; i < servers.length; i++) {
            for (int pct = 0; pct <= 100; pct += 10) {
                double ops = 1 / ((1 - pct / 100.0) / writes[i] + (pct / 100.0) / reads[i]);
                mix.add(new ReadMixRow(servers[i], pct, ops, pct == 0 ? writes[i] : pct == 100 ? reads[i] : Double.NaN));
            }
        }
        ReproductionCharts.zkReadMix(mix, root.resolve("zk-read-mix"));
        TreeMap<Long, Fault> early = new TreeMap<>();
        early.put(2_000_000L, new Fault.Crash(Target.of(3)));
        early.put(3_500_000L, new Fault.Partition(new int[][] {{0, 1, 2, 4}, {3}}));
        early.put(4_000_000L, new Fault.Recover(Target.of(3)));
        early.put(9_000_000L, new Fault.Heal());
        RunResult crashEarly = ToyPbft.run(ToyPbft.Setup.small().with(1, 40_000_000L).withFaults(early, List.of(
                new FaultWindow("crash 3", 0.002, 0.004), new FaultWindow("partition [[0, 1, 2, 4], [3]]", 0.0035, 0.009))));
        RunReport.write(crashEarly, root.resolve("crash-early"), DiagramOptions.timeRange(0, 8_000_000L));
        if (args.length > 1 && args[1].equals("timing")) {
            timing(root.resolve("timing"));
        }
    }
}
