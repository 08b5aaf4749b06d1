package quorumsim.cli;

import java.util.List;
import picocli.CommandLine;
import quorumsim.scenario.DidYouMean;

/**
 * An unknown command is bad usage, even with {@code --help} after it (which picocli would
 * otherwise answer with the top-level help and exit 0): one line, with a did-you-mean.
 */
final class UnknownCommand {
    private UnknownCommand() {
    }

    /** The error line for the command {@code args} name, or null when it is known (or none is named). */
    static String message(CommandLine cli, String... args) {
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;  // the top level takes only flags: --debug, --help, --version
            }
            if (cli.getSubcommands().containsKey(arg)) {
                return null;
            }
            List<String> known = List.copyOf(cli.getSubcommands().keySet());
            String suggestion = DidYouMean.closest(arg, known);
            return "quorumsim: unknown command '" + arg + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ".")
                    + " Commands: " + String.join(", ", known) + " (see 'quorumsim --help')";
        }
        return null;
    }
}
