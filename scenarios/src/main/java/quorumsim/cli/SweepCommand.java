package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.sweep.Grid;
import quorumsim.report.Aggregate;
import quorumsim.sweep.Sweep;
import quorumsim.sweep.SweepRun;
import quorumsim.sweep.SweepTables;

/** {@code quorumsim sweep}: a grid of variants times seeds, aggregated and charted. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run a scenario over a grid of parameter values and several seeds, on worker threads",
            "(each run single-threaded; the results are identical whatever --jobs is). Writes sweep.csv",
            "(one row per run), aggregate.csv (mean, standard deviation and 95% confidence interval",
            "per grid point), charts of every figure against the varied parameters, and report.html.",
            "Ctrl-C stops after the runs in progress and keeps what ran."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME|FILE", description = "A built-in scenario or a scenario file.")
    String scenario;

    @Option(names = "--vary", paramLabel = "PATH=V1,V2,...", required = true,
            description = {"A parameter and its values, e.g. --vary cluster.f=1,2,3. Repeat for a grid;", "the first --vary is the outermost."})
    List<String> vary = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per grid point: the scenario's seed, seed+1, ... (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--jobs", paramLabel = "N", description = "Worker threads (default: the number of cores).")
    Integer jobs;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field in every run. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>-sweep).")
    Path out;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (seeds < 1 || seeds > 100_000) {
            throw new UsageException("--seeds must be from 1 to 100000, got " + seeds);
        }
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1 || workers > 256) {
            throw new UsageException("--jobs must be from 1 to 256, got " + workers);
        }
        List<Grid.Axis> axes = new ArrayList<>();
        for (String v : vary) {
            try {
                axes.add(Grid.Axis.parse(v));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        ScenarioLoader.Source source = ScenarioLoader.find(scenario);
        Sweep sweep = new Sweep(source, overrides, axes, seeds);
        String name = sweep.firstSpec().name();
        Path dir = out != null ? out : Path.of("out", name + "-sweep");
        RunCommand.createFolder(dir);
        PrintWriter stdout = spec.commandLine().getOut();
        if (!quiet) {
            stdout.printf("sweep %s: %d grid points x %d seeds = %d runs on %d workers -> %s/%n", name,
                    sweep.runCount() / seeds, seeds, sweep.runCount(), workers, dir);
            stdout.flush();
        }
        CountDownLatch written = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            sweep.cancel();
            try {
                written.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sweep-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        long start = System.nanoTime();
        List<SweepRun> runs;
        try (Progress progress = new Progress("sweep " + name, sweep.runCount(), " runs", quiet)) {
            runs = sweep.run(workers, run -> progress.step());
        }
        try {
            SweepTables.writeRuns(dir.resolve("sweep.csv"), axes, runs);
            Map<List<String>, Map<String, Aggregate>> aggregate = SweepTables.aggregate(runs);
            SweepTables.writeAggregate(dir.resolve("aggregate.csv"), axes, aggregate);
            SweepReports.write(dir, name, axes, runs);
        } finally {
            written.countDown();
        }
        if (!sweep.isCancelled()) {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        }
        if (!quiet) {
            double wall = (System.nanoTime() - start) / 1e9;
            long violated = runs.stream().filter(r -> !r.safety()).count();
            long stuck = runs.stream().filter(r -> !r.liveness()).count();
            stdout.printf(Locale.ROOT, "%s%d runs in %.1f s wall; safety violated in %d, liveness in %d%n",
                    sweep.isCancelled() ? "stopped: kept " : "", runs.size(), wall, violated, stuck);
            stdout.printf("outputs: %s/ (sweep.csv, aggregate.csv, charts, report.html)%n", dir);
            stdout.flush();
        }
        return ExitCodes.DONE;
    }
}
