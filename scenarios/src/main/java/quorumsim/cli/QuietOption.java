package quorumsim.cli;

import picocli.CommandLine.Option;

/** {@code --quiet}, shared by every command that prints a summary (a Picocli mixin). */
final class QuietOption {
    @Option(names = "--quiet", description = "Print nothing but errors; the exit code still tells.")
    boolean quiet;
}
