package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.run.OutputFolders;
import quorumsim.sweep.ShardFile;
import quorumsim.sweep.SweepRun;

/** {@code quorumsim merge}: the parts of a sharded sweep, combined into the whole sweep's outputs. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Join a sharded sweep's parts into one sweep.",
            "",
            "Give the folder of every part ('sweep --shard I/N' wrote shard.json in each). Writes sweep.csv and"
                + " aggregate.csv byte-identical to the unsharded sweep's, its charts and report.html,"
                + " and prints its table. Refuses parts of different sweeps, a part given twice or missing,"
                + " and a part whose runs did not all finish."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "The folders of every shard.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<scenario name>-sweep, as the unsharded sweep's).")
    Path out;

    @Mixin
    QuietOption quietOption;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ShardFile> parts = new ArrayList<>();
        List<SweepRun> runs;
        try {
            for (Path dir : dirs) {
                parts.add(ShardFile.read(dir));
            }
            runs = ShardFile.merge(parts);
        } catch (IllegalArgumentException e) {
            throw new UsageException("merge: " + e.getMessage());
        }
        ShardFile first = parts.get(0);
        long start = System.nanoTime();
        OutputFolders.Folder folder = RunCommand.prepareFolder(out != null ? out : Path.of("out", first.scenario() + "-sweep"), first.sweep());
        Path dir = folder.dir();
        SweepCommand.writeTablesAndReports(dir, first.scenario(), first.axes(), runs);
        folder.seal();
        if (!quietOption.quiet) {
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("merged %d shards of sweep %s%n", parts.size(), first.scenario());
            SweepCommand.printTable(stdout, first.axes(), runs, runs.size() + " runs merged", (System.nanoTime() - start) / 1e9, dir);
        }
        return ExitCodes.DONE;
    }
}
