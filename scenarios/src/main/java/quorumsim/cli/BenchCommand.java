package quorumsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quorumsim.bench.BenchResult;
import quorumsim.bench.EngineBench;

/** {@code quorumsim bench}: the engine's event loop beside a plain PriorityQueue loop, in one process. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchPbftCommand.class,
        description = {"Measure the engine's speed beside a plain event loop.",
            "",
            "No-op actors exchange messages and timers through the real event loop,"
                + " and a plain java.util.PriorityQueue loop runs the same event pattern in the same process."
                + " Prints, per latency pattern, events per second of both and their ratio (engine / baseline; 1.0 or more is the target).",
            "",
            "'quorumsim bench pbft' measures PBFT runs at growing n instead."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--actors", paramLabel = "N", defaultValue = "300", description = "No-op actors (default: ${DEFAULT-VALUE}).")
    int actors;

    @Option(names = "--events", paramLabel = "N", defaultValue = "10000000", description = "Events per measured round (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--latency", paramLabel = "PATTERN,...", split = ",", defaultValue = "constant,uniform,lognormal",
            converter = PatternConverter.class,
            description = "Message latency patterns, one row each: constant (100 us), uniform (50-150 us),"
                    + " lognormal (mean 100 us, sd 50 us) (default: ${DEFAULT-VALUE}).")
    List<EngineBench.Pattern> patterns;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (actors < 2 || actors > 1_000_000) {
            throw new UsageException("--actors must be from 2 to 1000000, got " + actors);
        }
        if (events < 1_000 || events > 10_000_000_000L) {
            throw new UsageException("--events must be from 1000 to 10000000000, got " + events);
        }
        PrintWriter out = spec.commandLine().getOut();
        double loadBefore = MachineLoad.now();
        out.println(BenchResult.header(actors, events, seed));
        out.flush();
        for (EngineBench.Pattern pattern : patterns) {
            out.println(EngineBench.run(pattern, actors, events, seed).row());
            out.flush();
        }
        out.println("target: ratio 1.0 or more on the random patterns (uniform, lognormal); "
                + MachineLoad.describe(loadBefore, MachineLoad.now()));
        return ExitCodes.DONE;
    }

    /** {@code constant}, {@code uniform} or {@code lognormal}. */
    static final class PatternConverter implements picocli.CommandLine.ITypeConverter<EngineBench.Pattern> {
        @Override
        public EngineBench.Pattern convert(String value) {
            for (EngineBench.Pattern p : EngineBench.Pattern.values()) {
                if (p.name().equalsIgnoreCase(value)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a pattern; constant, uniform or lognormal");
        }
    }
}
