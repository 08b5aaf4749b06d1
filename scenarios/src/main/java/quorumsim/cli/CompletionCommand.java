package quorumsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code quorumsim completion}: a bash/zsh completion script for every command and option. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash and zsh.",
            "bash: source <(quorumsim completion)   (or save it under /etc/bash_completion.d/)",
            "zsh:  autoload -U +X bashcompinit && bashcompinit && source <(quorumsim completion)"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash("quorumsim", spec.root().commandLine()));
        out.flush();
        return ExitCodes.DONE;
    }
}
