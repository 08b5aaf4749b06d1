package quorumsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
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
                + " wall seconds per 100 requests, the row's wall and CPU seconds, and the peak heap (garbage included);"
                + " then the issue's targets (n = 64: 2 M messages per wall second; n = 256: half that rate; n = 1000, 10 requests:"
                + " under 30 s and 8 GB) beside the rows' figures, and the machine's load average."})
final class BenchPbftCommand implements Callable<Integer> {
    @Option(names = "--n", paramLabel = "N[:REQUESTS],...", split = ",", defaultValue = "4,16,64,256,1000:10",
            description = "Replica counts, one row each, each with its own request count after a colon if given"
                    + " (default: ${DEFAULT-VALUE}).")
    List<String> ns;

    @Option(names = "--requests", paramLabel = "N", defaultValue = "100",
            description = "Sequential requests per row that names none (default: ${DEFAULT-VALUE}).")
    long requests;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private record Plan(int n, long requests) {
    }

    @Override
    public Integer call() {
        if (requests < 1 || requests > 1_000_000) {
            throw new UsageException("--requests must be from 1 to 1000000, got " + requests);
        }
        List<Plan> plans = new ArrayList<>();
        for (String item : ns) {
            plans.add(plan(item.strip()));
        }
        PrintWriter out = spec.commandLine().getOut();
        double loadBefore = MachineLoad.now();
        PbftBench.run(4, Math.min(requests, 100), seed);
        out.printf(Locale.ROOT, "PBFT, 1 client, sequential requests, latency normal(250 ms, 50 ms), seed %d%n", seed);
        out.printf(Locale.ROOT, "%6s %5s %9s %13s %12s %14s %12s %11s %9s %9s %10s  %s%n",
                "n", "f", "requests", "messages", "messages/s", "msgs/CPU s", "events/s", "wall s/100", "wall s", "CPU s", "peak heap", "digest");
        out.flush();
        List<PbftBench.Row> rows = new ArrayList<>();
        for (Plan plan : plans) {
            PbftBench.Row row = PbftBench.run(plan.n(), plan.requests(), seed);
            rows.add(row);
            out.printf(Locale.ROOT, "%6d %5d %9d %,13d %,12.0f %,14.0f %,12.0f %11.3f %9.2f %9.2f %7.0f MB  %s%n",
                    row.n(), row.f(), row.completed(), row.messages(), row.messagesPerSec(), row.messagesPerCpuSec(), row.eventsPerSec(),
                    row.wallSecPer100(), row.wallNanos() / 1e9, row.cpuNanos() / 1e9, row.peakHeapBytes() / 1048576.0, row.digest());
            out.flush();
        }
        for (String line : targets(rows)) {
            out.println(line);
        }
        out.println(MachineLoad.describe(loadBefore, MachineLoad.now()));
        return ExitCodes.DONE;
    }

    private Plan plan(String item) {
        String[] parts = item.split(":", -1);
        if (parts.length > 2) {
            throw new UsageException("--n: '" + item + "' is not N or N:REQUESTS");
        }
        int n = parse(parts[0], item, "a replica count");
        if (n < 4 || n > 10_000) {
            throw new UsageException("--n: each replica count must be from 4 to 10000, got " + n);
        }
        long rowRequests = parts.length == 2 ? parse(parts[1], item, "a request count") : requests;
        if (rowRequests < 1 || rowRequests > 1_000_000) {
            throw new UsageException("--n: requests after the colon must be from 1 to 1000000, got " + rowRequests + " in '" + item + "'");
        }
        return new Plan(n, rowRequests);
    }

    private static int parse(String number, String item, String what) {
        try {
            return Integer.parseInt(number.strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--n: '" + number + "' in '" + item + "' is not " + what);
        }
    }

    /** Issue 11's targets, for the rows that have their n (the 1000 one only at 10 requests). */
    static List<String> targets(List<PbftBench.Row> rows) {
        List<String> lines = new ArrayList<>();
        PbftBench.Row n64 = find(rows, 64);
        PbftBench.Row n256 = find(rows, 256);
        PbftBench.Row n1000 = find(rows, 1000);
        if (n64 != null) {
            lines.add(String.format(Locale.ROOT, "target n = 64: 2,000,000 messages per wall second or more; here %,.0f (%s)",
                    n64.messagesPerSec(), n64.messagesPerSec() >= 2e6 ? "met" : "not met"));
        }
        if (n64 != null && n256 != null) {
            double ratio = n256.messagesPerSec() / n64.messagesPerSec();
            lines.add(String.format(Locale.ROOT, "target n = 256: half the n = 64 rate or more; here %.2f of it (%s)",
                    ratio, ratio >= 0.5 ? "met" : "not met"));
        }
        if (n1000 != null && n1000.completed() == 10) {
            double wallSec = n1000.wallNanos() / 1e9;
            double heapGb = n1000.peakHeapBytes() / (double) (1L << 30);
            lines.add(String.format(Locale.ROOT, "target n = 1000, 10 requests: under 30 s and 8 GB; here %.1f s, %.2f GB peak heap (%s)",
                    wallSec, heapGb, wallSec < 30 && heapGb < 8 ? "met" : "not met"));
        }
        return lines;
    }

    private static PbftBench.Row find(List<PbftBench.Row> rows, int n) {
        for (PbftBench.Row row : rows) {
            if (row.n() == n) {
                return row;
            }
        }
        return null;
    }
}
