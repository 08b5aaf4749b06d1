package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.run.OutputFolders;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.sweep.Grid;
import quorumsim.sweep.PartialRuns;
import quorumsim.sweep.Shard;
import quorumsim.sweep.ShardFile;
import quorumsim.report.Aggregate;
import quorumsim.sweep.Sweep;
import quorumsim.sweep.SweepRun;
import quorumsim.sweep.SweepTables;

/** {@code quorumsim sweep}: a grid of variants times seeds, aggregated and charted. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario over a grid of values and seeds, and tabulate it.",
            "",
            "Prints one row per grid point: throughput, p50 and p99 latency (with 95%% intervals over the seeds)"
                + " and the seeds of any violation.",
            "Writes sweep.csv (one row per run), aggregate.csv (mean, standard deviation and 95%% confidence interval"
                + " per grid point), charts of every figure against the varied parameters, and report.html.",
            "Runs go to --jobs worker threads; each run is single-threaded, so the results are the same whatever --jobs is.",
            "--shard I/N runs only the I-th of N disjoint parts (I from 0) and writes shard.json;"
                + " 'quorumsim merge' combines the parts' folders into the unsharded sweep's tables, byte for byte.",
            "Ctrl-C calls off the runs in progress and writes every output for the runs that finished"
                + " (a second Ctrl-C quits at once). sweep.csv grows as runs finish, so even a killed sweep keeps them."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|FILE", description = "A built-in scenario or a scenario file.")
    String scenario;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
            description = "A parameter and its values, e.g. --vary cluster.f=1,2,3. Repeat for a grid; the first --vary is the outermost.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per grid point: the scenario's seed, seed+1, ... (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Mixin
    JobsOption jobsOption;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field in every run. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>-sweep). A folder of this same sweep is"
                + " rewritten; one holding anything else is kept and DIR-2 (or -3, ...) is used.")
    Path out;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only part I of N (I from 0 to N-1), e.g. a Slurm array task or a"
                + " Kubernetes Indexed Job's completion index; default output folder out/<scenario name>-sweep-shard-I-of-N.")
    String shardText;

    @Mixin
    QuietOption quietOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (seeds < 1 || seeds > 100_000) {
            throw new UsageException("--seeds must be from 1 to 100000, got " + seeds);
        }
        int workers = jobsOption.workers();
        List<Grid.Axis> axes = new ArrayList<>();
        for (String v : vary) {
            try {
                axes.add(Grid.Axis.parse(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Shard shard = Shard.ALL;
        if (shardText != null) {
            try {
                shard = Shard.parse(shardText);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        ScenarioLoader.Source source = ScenarioLoader.find(scenario);
        Sweep sweep = new Sweep(source, overrides, axes, seeds);
        String name = sweep.firstSpec().name();
        String sweepIdentity = OutputFolders.identity("sweep", source.text(), String.join("\n", overrides), String.join("\n", vary), Integer.toString(seeds));
        OutputFolders.Folder folder = shard.isWhole()
                ? RunCommand.prepareFolder(out != null ? out : Path.of("out", name + "-sweep"), sweepIdentity)
                : RunCommand.prepareFolder(out != null ? out : Path.of("out", name + "-sweep-shard-" + shard.index() + "-of-" + shard.count()),
                        OutputFolders.identity(sweepIdentity, "shard", shard.toString()));
        Path dir = folder.dir();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (!quietOption.quiet) {
            if (folder.moved()) {
                stdout.printf("%s/ holds another run (another configuration); this sweep goes to %s/%n", folder.wanted(), dir);
            }
            stdout.printf("sweep %s: %d grid points x %d seeds = %d runs%s on %d workers -> %s/%n", name,
                    sweep.runCount() / seeds, seeds, sweep.runCount(),
                    shard.isWhole() ? "" : ", shard " + shard + " of them " + sweep.runCount(shard), workers, dir);
            stdout.flush();
        }
        long start = System.nanoTime();
        PartialRuns partial = new PartialRuns(dir.resolve("sweep.csv"), axes);
        List<SweepRun> runs;
        try (CtrlC ctrlC = CtrlC.onInterrupt(() -> {
                sweep.cancel();
                stderr.println();
                stderr.println("stopping: the runs in progress are called off; writing the finished ones (Ctrl-C again quits at once)");
                stderr.flush();
            });
             Progress progress = new Progress("sweep " + name, sweep.runCount(shard), " runs", quietOption.quiet, stderr)) {
            runs = sweep.run(workers, shard, run -> {
                partial.add(run);
                progress.step();
            });
        }
        if (!shard.isWhole()) {
            SweepTables.writeRuns(dir.resolve("sweep.csv"), axes, runs);
            new ShardFile(sweepIdentity, name, shard.index(), shard.count(), sweep.runCount(), axes, runs).write(dir);
            folder.seal();
            if (!quietOption.quiet) {
                stdout.printf(Locale.ROOT, "shard %s: %d of its %d runs in %.1f s wall -> %s/ (shard.json, sweep.csv)%n", shard, runs.size(),
                        sweep.runCount(shard), (System.nanoTime() - start) / 1e9, dir);
                stdout.println("when every shard is done: quorumsim merge <each shard's folder>");
                stdout.flush();
            }
            return ExitCodes.DONE;
        }
        writeTablesAndReports(dir, name, axes, runs);
        folder.seal();
        if (!quietOption.quiet) {
            double wall = (System.nanoTime() - start) / 1e9;
            String done = sweep.isCancelled() ? "stopped: kept the " + runs.size() + " of " + sweep.runCount() + " runs that finished"
                    : runs.size() + " runs";
            printTable(stdout, axes, runs, done, wall, dir);
        }
        return ExitCodes.DONE;
    }

    /** sweep.csv, aggregate.csv, charts and report.html of a whole sweep (also of a merged one). */
    static void writeTablesAndReports(Path dir, String name, List<Grid.Axis> axes, List<SweepRun> runs) {
        SweepTables.writeRuns(dir.resolve("sweep.csv"), axes, runs);
        Map<List<String>, Map<String, Aggregate>> aggregate = SweepTables.aggregate(runs);
        SweepTables.writeAggregate(dir.resolve("aggregate.csv"), axes, aggregate);
        SweepReports.write(dir, name, axes, runs);
    }

    static void printTable(PrintWriter stdout, List<Grid.Axis> axes, List<SweepRun> runs, String done, double wallSeconds, Path dir) {
        long violated = runs.stream().filter(r -> !r.safety()).count();
        long stuck = runs.stream().filter(r -> !r.liveness()).count();
        stdout.println();
        SweepTable.lines(axes.stream().map(Grid.Axis::path).toList(), runs).forEach(stdout::println);
        stdout.println();
        stdout.printf(Locale.ROOT, "%s in %.1f s wall; safety violated in %d, liveness in %d%n", done, wallSeconds, violated, stuck);
        stdout.printf("outputs: %s/ (sweep.csv, aggregate.csv, charts, report.html)%n", dir);
        stdout.flush();
    }
}
