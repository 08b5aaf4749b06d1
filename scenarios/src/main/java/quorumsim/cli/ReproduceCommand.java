package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import quorumsim.report.ReproductionCharts;
import quorumsim.report.ZkTableRow;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.reproduce.CellResult;
import quorumsim.reproduce.ReadMixRow;
import quorumsim.reproduce.ReproductionFiles;
import quorumsim.reproduce.TableRow;
import quorumsim.reproduce.ZkCalibration;
import quorumsim.reproduce.ZkExperiment;
import quorumsim.reproduce.ZkPaper;
import quorumsim.reproduce.ZkReadMix;
import quorumsim.reproduce.ZkTable;
import quorumsim.run.OutputFolders;

/** {@code quorumsim reproduce}: a published result simulated from the calibration profile, beside the paper's figures. */
@Command(name = "reproduce", mixinStandardHelpOptions = true,
        description = {"Reproduce a published ZooKeeper or PBFT result.",
            "",
            "The model's one calibration profile is calibration/zk-2010.yaml.",
            "  zk-table     Table 1 of the ZooKeeper paper (Hunt et al., USENIX ATC",
            "               2010): saturated throughput at 100%% and 0%% reads on 3, 5,",
            "               7, 9 and 13 servers beside the paper's figures; writes",
            "               table.csv and summary.json.",
            "  zk-read-mix  the same experiment at 0..100%% reads in steps of 5 for",
            "               each ensemble size (a prediction of the same model);",
            "               writes read-mix.csv and summary.json.",
            "  zk-create    the paper's create benchmark (section 5.2): 1, 10 and 20",
            "               workers that create a 1 KB node, wait, and delete it",
            "               asynchronously, on 3, 5, 7 and 9 servers; writes create.csv.",
            "  zk-broadcast the atomic broadcast alone (section 5.1): transactions",
            "               generated at the leader, 3 to 13 servers; writes broadcast.csv.",
            "  zk-failures  throughput over time on 5 servers at 30%% writes while a",
            "               follower, then the leader, crashes and restarts (Figure 8);",
            "               writes timeline.csv.",
            "  pbft-latency PBFT's latency micro-benchmark (Castro and Liskov, OSDI'99",
            "               7.2) on the osdi99 profile: read-write, read-only and",
            "               unreplicated operations, 0/0, 4/0, 0/4 KB, f = 1 and 2;",
            "               writes table.csv (case,f,operation,latency_ms).",
            "Each cell is one deterministic simulation; cells run on --jobs threads with identical results."
                + " Progress goes to stderr (a bar on a terminal, a line every 10%% otherwise).",
            "Exit code 1 when a zk-table cell is more than 10%% off the paper or a checker finds a violation."})
final class ReproduceCommand implements Callable<Integer> {
    static final java.util.List<String> NAMES = java.util.List.of("zk-table", "zk-read-mix", "zk-create", "zk-broadcast", "zk-failures", "pbft-latency");

    @Parameters(paramLabel = "NAME", description = "Which reproduction to run: zk-table, zk-read-mix, zk-create, zk-broadcast, zk-failures or pbft-latency.")
    String name;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<name>). A folder holding another run is kept and DIR-2 is used.")
    Path out;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of every cell (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JobsOption jobsOption;

    @Mixin
    QuietOption quietOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!NAMES.contains(name)) {
            throw new UsageException("unknown reproduction '" + name + "'; known: " + String.join(", ", NAMES));
        }
        int workers = jobsOption.workers();
        OutputFolders.Folder folder = RunCommand.prepareFolder(out != null ? out : Path.of("out", name),
                OutputFolders.identity("reproduce", name, Long.toString(seed)));
        Path dir = folder.dir();
        if (name.equals("pbft-latency")) {
            boolean safe = PbftReproductions.latency(seed, workers, dir, spec.commandLine().getOut(), quietOption.quiet, spec.commandLine().getErr());
            folder.seal();
            return safe ? ExitCodes.DONE : ExitCodes.EXPECTATION_UNMET;
        }
        ZkExperiment experiment = ZkExperiment.paper(ZkCalibration.paper(), ZkExperiment.TIMING);
        PrintWriter stdout = spec.commandLine().getOut();
        boolean met = switch (name) {
            case "zk-table" -> table(experiment, workers, dir, stdout);
            case "zk-read-mix" -> readMix(experiment, workers, dir, stdout);
            case "zk-create" -> ZkExtraReproductions.create(experiment, seed, workers, dir, stdout, quietOption.quiet, spec.commandLine().getErr());
            case "zk-broadcast" -> ZkExtraReproductions.broadcast(experiment, seed, workers, dir, stdout, quietOption.quiet, spec.commandLine().getErr());
            default -> ZkExtraReproductions.failures(experiment, seed, dir, stdout, quietOption.quiet);
        };
        folder.seal();
        return met ? ExitCodes.DONE : ExitCodes.EXPECTATION_UNMET;
    }

    /** Runs the table; true when every cell is within the tolerance and safe. */
    private boolean table(ZkExperiment experiment, int workers, Path dir, PrintWriter stdout) {
        ZkTable table;
        try (Progress progress = new Progress("zk-table", ZkPaper.TABLE_1.size(), " cells", quietOption.quiet, spec.commandLine().getErr())) {
            table = ZkTable.run(experiment, seed, workers, cell -> progress.step());
        }
        ReproductionFiles.writeTable(dir, table, experiment, ZkCalibration.PAPER_PROFILE);
        ReproductionCharts.zkTable(table.rows().stream()
                .map(r -> new ZkTableRow(r.servers(), r.readPct(), r.simulatedOpsPerSec(), r.paperOpsPerSec())).toList(),
                table.cells().stream().map(c -> new quorumsim.report.ZkCell(c.servers(), c.readPct(), c.leaderCpuBusy(), c.followerCpuBusy(),
                        c.safetyHolds(), c.safety())).toList(), dir);
        boolean met = table.allWithinTolerance() && allSafe(table.cells());
        if (quietOption.quiet) {
            return met;
        }
        stdout.println("ZooKeeper Table 1 (Hunt et al., USENIX ATC 2010): throughput of a saturated system, operations/s");
        stdout.println("250 clients x 100 outstanding, 1 KB requests, throttle 2,000; one calibration ("
                + ZkCalibration.PAPER_PROFILE + ") for all cells; seed " + seed);
        stdout.println();
        stdout.printf(Locale.ROOT, "%7s | %-29s | %-29s%n", "", "        100% reads", "         0% reads");
        stdout.printf(Locale.ROOT, "%7s | %10s %10s %7s | %10s %10s %7s%n", "servers", "simulated", "paper", "dev", "simulated", "paper", "dev");
        for (int servers : ZkPaper.SERVERS) {
            TableRow reads = table.row(servers, 100);
            TableRow writes = table.row(servers, 0);
            stdout.printf(Locale.ROOT, "%7d | %,10d %,10d %+6.1f%% | %,10d %,10d %+6.1f%%%n", servers,
                    reads.simulatedOpsPerSec(), reads.paperOpsPerSec(), reads.deviationPct(),
                    writes.simulatedOpsPerSec(), writes.paperOpsPerSec(), writes.deviationPct());
        }
        stdout.println();
        stdout.printf(Locale.ROOT, "every cell within %.0f%% of the paper: %s (largest deviation %.1f%%)%n", ZkTable.TOLERANCE_PCT,
                table.allWithinTolerance() ? "yes" : "NO", table.maxAbsDeviationPct());
        stdout.println(safetyLine(table.cells()));
        stdout.println();
        stdout.println("CPU busy over the window (the leader; the followers' mean): where each cell saturates");
        for (int servers : ZkPaper.SERVERS) {
            stdout.printf(Locale.ROOT, "%7d | %29s | %29s%n", servers, busy(table, servers, 100), busy(table, servers, 0));
        }
        stdout.println();
        stdout.printf(Locale.ROOT, "%d cells in %.1f s wall on %d threads, %,d events, %,.0f events/s%n", table.cells().size(),
                table.wallSeconds(), workers, table.events(), table.eventsPerSecond());
        stdout.println("wrote " + dir + "/: " + ReproductionFiles.TABLE_CSV + ", " + ReproductionFiles.SUMMARY_JSON
                + ", zk-table.png/.svg (simulated beside the paper's points), " + ReproductionCharts.PAGE);
        stdout.flush();
        return met;
    }

    private static String safetyLine(List<CellResult> cells) {
        for (CellResult c : cells) {
            if (!c.safetyHolds()) {
                return "Zab checkers: VIOLATION with " + c.servers() + " servers at " + c.readPct() + "% reads: " + c.safety();
            }
        }
        return "Zab checkers (agreement, linearizable writes, FIFO client order, sessions): safety holds in every cell";
    }

    private static String busy(ZkTable table, int servers, int readPct) {
        for (CellResult c : table.cells()) {
            if (c.servers() == servers && c.readPct() == readPct) {
                return String.format(Locale.ROOT, "leader %3.0f%%, followers %3.0f%%", 100 * c.leaderCpuBusy(), 100 * c.followerCpuBusy());
            }
        }
        throw new IllegalStateException("no cell for " + servers + " servers at " + readPct + "% reads");
    }

    /** Runs the read-mix grid; true when every cell is safe (its figures are a prediction: nothing to meet). */
    private boolean readMix(ZkExperiment experiment, int workers, Path dir, PrintWriter stdout) {
        ZkReadMix mix;
        int cells = ZkPaper.SERVERS.size() * ZkReadMix.readPcts().size();
        try (Progress progress = new Progress("zk-read-mix", cells, " cells", quietOption.quiet, spec.commandLine().getErr())) {
            mix = ZkReadMix.run(experiment, ZkPaper.SERVERS, seed, workers, cell -> progress.step());
        }
        ReproductionFiles.writeReadMix(dir, mix, experiment, ZkCalibration.PAPER_PROFILE);
        ReproductionCharts.zkReadMix(mix.rows().stream()
                .map(r -> new quorumsim.report.ReadMixRow(r.servers(), r.readPct(), r.opsPerSec(), Double.NaN)).toList(), dir);
        if (quietOption.quiet) {
            return allSafe(mix.cells());
        }
        stdout.println("ZooKeeper throughput against the share of reads (a prediction of the Table 1 calibration), operations/s");
        stdout.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%6s", "reads"));
        for (int servers : ZkPaper.SERVERS) {
            header.append(String.format(Locale.ROOT, " %10s", servers + " srv"));
        }
        stdout.println(header);
        for (int pct : ZkReadMix.readPcts()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d%%", pct));
            for (int servers : ZkPaper.SERVERS) {
                for (ReadMixRow r : mix.rows()) {
                    if (r.servers() == servers && r.readPct() == pct) {
                        line.append(String.format(Locale.ROOT, " %,10d", r.opsPerSec()));
                    }
                }
            }
            stdout.println(line);
        }
        stdout.println();
        stdout.println(safetyLine(mix.cells()));
        stdout.printf(Locale.ROOT, "%d cells in %.1f s wall on %d threads, %,d events, %,.0f events/s%n", mix.cells().size(),
                mix.wallSeconds(), workers, mix.events(), mix.eventsPerSecond());
        stdout.println("wrote " + dir + "/: " + ReproductionFiles.READ_MIX_CSV + ", " + ReproductionFiles.SUMMARY_JSON
                + ", zk-read-mix.png/.svg (one line per server count), " + ReproductionCharts.PAGE);
        stdout.flush();
        return allSafe(mix.cells());
    }

    private static boolean allSafe(List<CellResult> cells) {
        return cells.stream().allMatch(CellResult::safetyHolds);
    }
}
