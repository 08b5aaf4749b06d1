package quorumsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import quorumsim.scenario.Problem;
import quorumsim.scenario.ScenarioException;

/**
 * Bad input and bad usage become clear lines on stderr and exit code 2, without a stack trace
 * unless {@code --debug} is given. A failure inside the simulator (a broken invariant) prints
 * its message and exits 3, with the trace under --debug. Running out of memory, on the main
 * thread or a sweep's worker, is one line saying how to give the JVM more, and exit 3.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    static final int INTERNAL = 3;

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        PrintWriter err = ex.getCommandLine().getErr();
        err.println("quorumsim: " + ex.getMessage());
        err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean debug = parsed.hasMatchedOption("--debug") || (parsed.subcommand() != null && hasDebug(parsed));
        if (ex instanceof ScenarioException s) {
            for (Problem problem : s.problems()) {
                err.println("error: " + problem);
            }
            if (s.problems().size() > 1) {
                err.println(s.problems().size() + " problems.");
            }
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof UsageException) {
            err.println("quorumsim: " + ex.getMessage());
            err.flush();
            return ExitCodes.BAD_INPUT;
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof OutOfMemoryError) {
                return outOfMemory(err);
            }
        }
        err.println("quorumsim: internal failure: " + ex);
        if (debug) {
            ex.printStackTrace(err);
        } else {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return INTERNAL;
    }

    /** The one line for a run that ran out of memory; returns the exit code. */
    static int outOfMemory(PrintWriter err) {
        double maxGiB = Runtime.getRuntime().maxMemory() / (double) (1L << 30);
        err.println(String.format(java.util.Locale.ROOT, "quorumsim: out of memory: the run needed more than the %.1f GB this JVM"
                + " may use; give it more (JAVA_OPTS=-Xmx%dg quorumsim ...) or run less (fewer clients, a shorter duration)",
                maxGiB, Math.max(2, (long) Math.ceil(2 * maxGiB))));
        err.flush();
        return INTERNAL;
    }

    private static boolean hasDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
