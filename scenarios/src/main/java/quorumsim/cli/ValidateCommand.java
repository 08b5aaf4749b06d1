package quorumsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import quorumsim.scenario.Problem;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;
import quorumsim.scenario.Units;

/** {@code quorumsim validate}: the checks of a run, without running. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without running them.",
            "",
            "Files or built-in names are checked for syntax, unknown keys, types, ranges, node ids, fault times,"
                + " and the protocol's assumptions. Every problem in every file is reported.",
            "Exit code 2 if any file has a problem."})
final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Scenario files (.yaml, .yml, .json) or built-in names.")
    List<String> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int bad = 0;
        for (String file : files) {
            try {
                ScenarioSpec s = ScenarioLoader.load(file, List.of());
                out.printf("%s: ok (%s, %d clients, %s virtual, %d faults%s)%n", file, s.protocol(), s.workload().clients(),
                        Units.formatDuration(s.durationNanos()), s.faults().size(), s.unsafe() ? ", UNSAFE" : "");
            } catch (ScenarioException e) {
                bad++;
                for (Problem p : e.problems()) {
                    err.println("error: " + p);
                }
            }
        }
        out.flush();
        err.flush();
        if (bad > 0 && files.size() > 1) {
            err.println(bad + " of " + files.size() + " files have problems.");
            err.flush();
        }
        return bad == 0 ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }
}
