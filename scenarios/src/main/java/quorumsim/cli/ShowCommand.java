package quorumsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.scenario.Catalogue;
import quorumsim.scenario.DidYouMean;

/** {@code quorumsim show}: a built-in scenario's YAML, the starting point for one's own file. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a built-in scenario's YAML, to start a file of your own.",
            "For example: quorumsim show pbft-normal > my.yaml, edit it, then quorumsim run my.yaml.",
            "Every key is described in docs/SCENARIOS.md."})
final class ShowCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "A built-in scenario (see 'quorumsim list').")
    String name;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!Catalogue.contains(name)) {
            String suggestion = DidYouMean.closest(name, Catalogue.names());
            throw new UsageException("no built-in scenario '" + name + "'" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : ".")
                    + " See 'quorumsim list'.");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(Catalogue.text(name));
        out.flush();
        return ExitCodes.DONE;
    }
}
