package quorumsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import quorumsim.bench.PbftBench;

/** {@code quorumsim bench pbft}: PBFT messages per wall second at growing n, in one process. */
@Command(name = "pbft", mixinStandardHelpOptions = true,
        description = {"Measure PBFT's simulation speed at growing n.",
            "",
            "One client sends sequential requests; one-way delay normal(250 ms, 50 ms) on 1 Gbit/s links;"
                + " view-change timeout 6 s (no view change happens); f = floor((n-1)/3); default costs."
                + " A warm-up run at n = 4 comes first. Prints per n: messages per wall second and per second of the thread's CPU time (what it does when it gets a core), events per wall second,"
                + " wall seconds per 100 requests, and the peak heap (garbage included)."})
final class BenchPbftCommand implements Callable<Integer> {
    @Option(names = "--n", paramLabel = "N,N...", split = ",", defaultValue = "4,16,64,256,1000",
            description = "Replica counts, one row each (default: ${DEFAULT-VALUE}).")
    List<Integer> ns;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "100",
            description = "Sequential requests per row (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (int n : ns) {
            if (n < 4 || n > 10_000) {
                throw new UsageException("--n: each replica count must be from 4 to 10000, got " + n);
            }
        }
        if (requests < 1 || requests > 1_000_000) {
            throw new UsageException("--requests must be from 1 to 1000000, got " + requests);
        }
        PrintWriter out = spec.commandLine().getOut();
        PbftBench.run(4, Math.min(requests, 100), seed);
        out.printf(Locale.ROOT, "PBFT, 1 client, %d sequential requests, latency normal(250 ms, 50 ms), seed %d%n", requests, seed);
        out.printf(Locale.ROOT, "%6s %5s %9s %13s %12s %14s %12s %11s %10s  %s%n",
                "n", "f", "requests", "messages", "messages/s", "msgs/CPU s", "events/s", "wall s/100", "peak heap", "digest");
        out.flush();
        for (int n : ns) {
            PbftBench.Row row = PbftBench.run(n, requests, seed);
            out.printf(Locale.ROOT, "%6d %5d %9d %,13d %,12.0f %,14.0f %,12.0f %11.3f %7.0f MB  %s%n",
                    row.n(), row.f(), row.completed(), row.messages(), row.messagesPerSec(), row.messagesPerCpuSec(), row.eventsPerSec(),
                    row.wallSecPer100(), row.peakHeapBytes() / 1048576.0, row.digest());
            out.flush();
        }
        return ExitCodes.DONE;
    }
}
