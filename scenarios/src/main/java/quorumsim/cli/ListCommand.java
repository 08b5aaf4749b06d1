package quorumsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import quorumsim.scenario.Catalogue;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** {@code quorumsim list}: the built-in scenarios, one line each. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the built-in scenarios and what to look at in each.",
            "Run one with 'quorumsim run NAME'; copy one to start your own with 'quorumsim show NAME > my.yaml'."})
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = Catalogue.names().stream().mapToInt(String::length).max().orElse(10);
        for (String name : Catalogue.names()) {
            ScenarioSpec s = ScenarioLoader.load(name, java.util.List.of());
            String description = firstSentence(s.description().replaceAll("\\s+", " ").trim());
            String expect = s.expect().safety() == null ? "" : "  [safety " + s.expect().safety() + "]";
            out.printf("%-" + width + "s  %-12s %s%s%n", name, s.protocol(), description, expect);
        }
        out.println();
        out.println("Run one with 'quorumsim run NAME' ('quorumsim run --help' for options); start a file of your own with"
                + " 'quorumsim show NAME > my.yaml'. The full description is in each run's report.");
        out.flush();
        return ExitCodes.DONE;
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
