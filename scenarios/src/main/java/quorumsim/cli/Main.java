package quorumsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code quorumsim} command. */
@Command(name = "quorumsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "A deterministic discrete-event simulator of PBFT and Zab/ZooKeeper.",
            "Every run is reproducible from its seed, checked for safety and liveness, and charted.",
            ""},
        subcommands = {RunCommand.class, SweepCommand.class, MergeCommand.class, SwarmCommand.class, ReproduceCommand.class, ListCommand.class, ShowCommand.class,
            ValidateCommand.class, BenchCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
        footer = {"",
            "Exit codes:",
            "  0  done, and every expect: met",
            "  1  an expect: was not met",
            "  2  bad usage or bad input (one line per problem)",
            "  3  an internal failure or out of memory (more memory: JAVA_OPTS=-Xmx16g)",
            "",
            "Examples:",
            "  quorumsim list",
            "  quorumsim run pbft-normal",
            "  quorumsim show pbft-normal > my.yaml",
            "  quorumsim run my-scenario.yaml --seed 7 --set cluster.f=2",
            "  quorumsim sweep pbft-normal --vary cluster.f=1,2,3 --seeds 5",
            "  quorumsim swarm --protocol pbft --seeds 1000 --jobs 2",
            "  quorumsim reproduce zk-table"})
public final class Main implements Runnable {
    @Option(names = "--debug", description = "Show stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with its output and errors going to the given writers. */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        String unknown = UnknownCommand.message(cli, args);
        if (unknown != null) {
            err.println(unknown);
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        return execute(cli, err, args);
    }

    /** The command tree, every command answering {@code --version}. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(new Errors());
        cli.setParameterExceptionHandler(new Errors());
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new Version());
        }
        return cli;
    }

    /** Runs {@code cli}; running out of memory anywhere in it is one line on {@code err} and exit 3, not a stack trace. */
    static int execute(CommandLine cli, java.io.PrintWriter err, String... args) {
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            return Errors.outOfMemory(err);
        }
    }
}
