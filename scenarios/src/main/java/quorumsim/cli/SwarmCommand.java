package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quorumsim.run.OutputFolders;
import quorumsim.scenario.Units;
import quorumsim.swarm.Failure;
import quorumsim.swarm.Outcome;
import quorumsim.swarm.Swarm;
import quorumsim.swarm.SwarmFiles;
import quorumsim.swarm.SwarmResult;
import quorumsim.swarm.SwarmSettings;

/** {@code quorumsim swarm}: random scenarios inside a protocol's assumptions, each failure written down and shrunk. */
@Command(name = "swarm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search random faulty scenarios for bugs; shrink each failure.",
            "",
            "Each seed becomes a whole random scenario inside the protocol's assumptions (size, workload, network, "
                + "timeouts, Byzantine replicas for PBFT, and a timeline of crashes, pauses, partitions, cuts, isolations, "
                + "clock jumps and drifts and delay spikes that heals before a quiet phase). Each run is judged: ok, "
                + "safety (a checker saw a violation), liveness (a request went unanswered in the quiet phase), exception "
                + "(an internal failure), or over-limit (it did not end within --limit-wall).",
            "",
            "Every failing seed is written as a scenario file that 'quorumsim run' reproduces, and shrunk to a small "
                + "file that fails the same way. Results do not depend on --jobs.",
            ""},
        footer = {"",
            "Writes, per failing seed, seed-<N>-<class>.yaml and its shrunk form",
            "seed-<N>-<class>-shrunk.yaml; failures.csv (a row each) and",
            "summary.json (counts, seeds per second, the same rows).",
            "Exit codes: 0 no failure, 1 failures found, 2 bad usage or input.",
            "",
            "Examples:",
            "  quorumsim swarm --protocol pbft --seeds 1000       f from 1 to 4",
            "  quorumsim swarm --protocol zab --from 5001 --to 6000 --jobs 4",
            "  quorumsim swarm --protocol pbft --size 1..2        only f = 1, 2",
            "  quorumsim swarm --base zk-lock-recipe --seeds 300  faults around it",
            "  quorumsim swarm --variant skip-commit --stop-after 1 --seeds 1000",
            "  quorumsim swarm --protocol zab --print 4973        one seed's file",
            "  quorumsim run out/swarm-zab/seed-8-liveness-shrunk.yaml",
            "",
            "Variants, known-broken, which the swarm must catch: quorum-2f,",
            "skip-commit, f-plus-1-colluders (PBFT); quorum-below-majority,",
            "equivocating-leader (Zab)."})
final class SwarmCommand implements Callable<Integer> {
    @Option(names = "--protocol", paramLabel = "pbft|zab", description = {"The protocol to search (implied by", "--variant or --base)."})
    String protocol;

    @Option(names = "--seeds", paramLabel = "N", description = "N seeds from --from (default: 100).")
    Long seeds;

    @Option(names = "--from", paramLabel = "S", defaultValue = "1", description = "The first seed (default: ${DEFAULT-VALUE}).")
    long from;

    @Option(names = "--to", paramLabel = "E", description = "The last seed, instead of --seeds.")
    Long to;

    @Mixin
    JobsOption jobsOption;

    @Option(names = "--out", paramLabel = "DIR", description = {"Output folder (default:", "out/swarm-<protocol or variant>)."})
    Path out;

    @Option(names = "--size", paramLabel = "a..b", description = {"f for PBFT (default 1..4; n is 3f+1 or a", "little more), servers for Zab (default", "3..9); one number fixes it."})
    String size;

    @Option(names = "--base", paramLabel = "NAME|FILE", description = {"A scenario to vary around: it keeps its", "settings; each seed adds faults (and", "Byzantine replicas for PBFT)."})
    String base;

    @Option(names = "--variant", paramLabel = "NAME", description = {"Search a known-broken variant instead", "(short runs, judged on safety)."})
    String variant;

    @Option(names = "--limit-wall", paramLabel = "DURATION", defaultValue = "30s",
            description = {"Abandon a run still going after this", "much wall time (default: ${DEFAULT-VALUE})."})
    String limitWall;

    @Option(names = "--stop-after", paramLabel = "N", defaultValue = "0",
            description = {"Stop once N failures are known among", "the lowest seeds (default: run all)."})
    int stopAfter;

    @Option(names = "--shrink-runs", paramLabel = "N", defaultValue = "150",
            description = {"Most runs spent shrinking one failure;", "0 does not shrink (default: ${DEFAULT-VALUE})."})
    int shrinkRuns;

    @Option(names = "--print", paramLabel = "SEED", description = "Print the scenario of one seed as YAML and exit.")
    Long print;

    @Option(names = "--quiet", description = "Print nothing but errors.")
    boolean quiet;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        SwarmSettings settings = settings();
        PrintWriter stdout = spec.commandLine().getOut();
        Swarm swarm = new Swarm(settings);
        if (print != null) {
            stdout.print(swarm.scenarioYaml(print));
            stdout.flush();
            return ExitCodes.DONE;
        }
        OutputFolders.Folder folder = RunCommand.prepareFolder(out != null ? out : Path.of("out", "swarm-" + settings.label()),
                OutputFolders.identity("swarm", String.join("\n", spec.commandLine().getParseResult().originalArgs())));
        Path dir = folder.dir();
        if (!quiet) {
            stdout.printf("swarm %s: seeds %d..%d (%s %s)%s on %d workers -> %s/%n", settings.label(), settings.fromSeed(), settings.toSeed(),
                    settings.protocol().equals("pbft") ? "f" : "servers", settings.size(), base == null ? "" : " around " + base,
                    settings.jobs(), dir);
            stdout.flush();
        }
        long start = System.nanoTime();
        SwarmResult result;
        try (CtrlC ctrlC = CtrlC.onInterrupt(() -> {
                swarm.cancel();
                System.err.println();
                System.err.println("stopping: the seeds in progress are called off; writing the finished ones (Ctrl-C again quits at once)");
                System.err.flush();
            });
             // piped, the swarm prints its own lines (seeds done, failing, seeds per second): no second progress line
             Progress progress = new Progress("swarm " + settings.label(), settings.seeds(), " seeds", quiet || Lines.piped(),
                     spec.commandLine().getErr())) {
            result = swarm.run(new Lines(stdout, settings, progress, start, quiet));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        SwarmFiles.write(dir, settings, result, wall);
        folder.seal();
        if (!quiet) {
            printSummary(stdout, result, wall, dir);
        }
        return result.anyFailed() ? ExitCodes.EXPECTATION_UNMET : ExitCodes.DONE;
    }

    private SwarmSettings settings() {
        if (seeds != null && to != null) {
            throw new UsageException("give --seeds N or --to E, not both");
        }
        if (seeds != null && seeds < 1) {
            throw new UsageException("--seeds must be at least 1, got " + seeds);
        }
        long last = to != null ? to : from + (seeds == null ? 100 : seeds) - 1;
        if (last < from) {
            throw new UsageException("--to " + last + " is below --from " + from);
        }
        long limitNanos;
        try {
            limitNanos = Units.durationNanos(limitWall);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--limit-wall: " + e.getMessage());
        }
        if (shrinkRuns < 0 || shrinkRuns > 100_000) {
            throw new UsageException("--shrink-runs must be from 0 to 100000, got " + shrinkRuns);
        }
        try {
            return SwarmSettings.of(protocol, variant, size, base, from, last, jobsOption.workers(),
                    limitNanos, stopAfter).withShrinking(shrinkRuns > 0, shrinkRuns);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static void printSummary(PrintWriter out, SwarmResult result, double wall, Path dir) {
        StringBuilder counts = new StringBuilder();
        result.counts().forEach((failure, count) -> counts.append(counts.length() == 0 ? "" : ", ").append(count).append(' ').append(failure.label));
        out.printf(Locale.ROOT, "%s%d seeds in %.1f s (%.2f seeds/s): %s%n", result.cancelled() ? "stopped: " : "", result.outcomes().size(), wall,
                result.outcomes().size() / Math.max(wall, 1e-9), counts);
        for (Swarm.Finding f : result.findings()) {
            String file = f.shrinkAttempts() > 0
                    ? String.format(Locale.ROOT, "%s (shrunk to %d lines)", dir.resolve(SwarmFiles.shrunkFileName(f)), f.shrunk().lines())
                    : dir.resolve(SwarmFiles.fileName(f)).toString();
            out.printf(Locale.ROOT, "FAIL seed %d: %s -> %s%n      %s%n", f.seed(), f.outcome().signature(), file, f.outcome().detail());
        }
        out.printf("outputs: %s/ (summary.json, failures.csv%s)%n", dir,
                result.findings().isEmpty() ? "" : ", a scenario file per failing seed" + (result.findings().get(0).shrinkAttempts() > 0 ? " and its shrunk form" : ""));
        out.flush();
    }

    /** Progress: a bar on a terminal; in a pipe, a line per failure and a line every ten seconds. */
    private static final class Lines implements Swarm.Listener {
        private static final long EVERY_NANOS = 10_000_000_000L;
        private final PrintWriter out;
        private final SwarmSettings settings;
        private final Progress progress;
        private final long start;
        private final boolean piped;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicLong lastLine;

        Lines(PrintWriter out, SwarmSettings settings, Progress progress, long start, boolean quiet) {
            this.piped = !quiet && piped();
            this.out = out;
            this.settings = settings;
            this.progress = progress;
            this.start = start;
            this.lastLine = new AtomicLong(start);
        }

        /** Not on a terminal: a pipe, a file or a CI log. */
        static boolean piped() {
            return System.console() == null || System.getenv("CI") != null;
        }

        @Override
        public void seedDone(long seed, Outcome outcome) {
            int n = done.incrementAndGet();
            progress.step();
            if (outcome.failure() != Failure.OK) {
                failed.incrementAndGet();
                if (piped) {
                    line(String.format(Locale.ROOT, "seed %d: %s: %s", seed, outcome.signature(), outcome.detail()));
                }
            }
            long now = System.nanoTime();
            long last = lastLine.get();
            if (piped && now - last >= EVERY_NANOS && lastLine.compareAndSet(last, now)) {
                line(String.format(Locale.ROOT, "swarm %s: %d/%d seeds, %d failing, %.1f seeds/s", settings.label(), n, settings.seeds(),
                        failed.get(), n / ((now - start) / 1e9)));
            }
        }

        private synchronized void line(String text) {
            out.println(text);
            out.flush();
        }
    }
}
