package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import quorumsim.report.ViolationStory;
import quorumsim.result.RunResult;
import quorumsim.result.RunSummary;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/** The short human summary of a run. */
final class SummaryPrinter {
    private SummaryPrinter() {
    }

    static void print(PrintWriter out, RunResult result, Path dir, List<String> unmet, double reportSeconds, boolean noExpect,
                      ConfigurationSummary configuration, String traceFile, Optional<ViolationStory> story, boolean reports) {
        RunSummary s = result.summary();
        out.printf(Locale.ROOT, "%s  (%s, seed %d, %.3g s virtual)%n", s.scenario(), s.protocol(), s.seed(), s.virtualSeconds());
        if (s.unsafe()) {
            out.println("  UNSAFE configuration: outside the protocol's assumptions");
        }
        configuration.lines().forEach(out::println);
        out.printf(Locale.ROOT, "  throughput   %,.1f ops/s   (%,d completed: %,d reads, %,d writes; %,d pending at the end)%n",
                s.throughputOpsPerSec(), s.requests().completed(), s.requests().reads(), s.requests().writes(), s.requests().pending());
        RunSummary.LatencySummary l = s.latencyMs();
        out.printf(Locale.ROOT, "  latency ms   mean %.3f  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f%n", l.mean(), l.p50(), l.p90(), l.p99(), l.max());
        Double perRequest = s.figures() == null ? null : s.figures().get("messagesPerRequest");
        out.printf(Locale.ROOT, "  messages     %,d%s%n", s.messages().total(),
                perRequest != null ? String.format(Locale.ROOT, " (%.1f per request)", perRequest) : "");
        Double viewChanges = s.figures() == null ? null : s.figures().get("viewChanges");
        if (viewChanges != null) {
            out.printf(Locale.ROOT, "  view changes %.0f%n", viewChanges);
        }
        Double leaderChanges = s.figures() == null ? null : s.figures().get("leaderChanges");
        if (leaderChanges != null) {
            Double election = s.figures().get("electionMsMax");
            out.printf(Locale.ROOT, "  leader changes %.0f%s%n", leaderChanges,
                    election != null && election > 0 ? String.format(Locale.ROOT, " (longest election %.1f ms)", election) : "");
        }
        Double outage = s.figures() == null ? null : s.figures().get("outageMs");
        if (outage != null) {
            out.printf(Locale.ROOT, "  outage       %.1f ms from the first failure to the first write issued after it being answered%n", outage);
        }
        staleness(out, s);
        Double closed = s.figures() == null ? null : s.figures().get("sessionsClosed");
        if (closed != null && closed > 0) {
            out.printf(Locale.ROOT, "  sessions     %.0f closed by the ensemble (expired, or closed by their client)%n", closed);
        }
        verdict(out, "safety  ", s.safety());
        story.ifPresent(st -> {
            out.println("  what went wrong (violation.svg draws it):");
            st.lines().forEach(line -> out.println("      " + line));
        });
        verdict(out, "liveness", s.liveness());
        if (noExpect) {
            out.println("  expect       (none set)");
        } else if (unmet.isEmpty()) {
            out.println("  expect       met");
        } else {
            for (String line : unmet) {
                out.println("  expect       NOT MET: " + line);
            }
        }
        out.printf(Locale.ROOT, "  engine       %,d events in %.2f s wall (%.2f M events/s); reports %.2f s; digest %s%n", s.events(), s.wallSeconds(),
                s.wallSeconds() > 0 ? s.events() / s.wallSeconds() / 1e6 : 0.0, reportSeconds, s.traceDigest());
        out.println("  outputs      " + dir + "/  (summary.json" + (reports ? ", report.html, charts, messages.svg" : "")
                + (story.isPresent() ? ", violation.svg" : "") + (traceFile != null ? ", " + traceFile + ")" : ")"));
    }

    /** Zab's local reads may be stale: how many missed a write to their node acknowledged before they were issued, and by how much. */
    private static void staleness(PrintWriter out, RunSummary s) {
        java.util.Map<String, Double> f = s.figures();
        if (f == null || !f.containsKey("staleReads") || f.getOrDefault("readsMeasured", 0.0) == 0) {
            return;
        }
        out.printf(Locale.ROOT, "  stale reads  %,.0f of %,.0f (%.1f%%) missed an acknowledged write to their node; behind by p50 %.0f / p99 %.0f"
                + " transactions, p99 %.3f ms%n",
                f.get("staleReads"), f.get("readsMeasured"), 100 * f.get("staleReads") / f.get("readsMeasured"),
                f.getOrDefault("staleReadZxidLagP50", 0.0), f.getOrDefault("staleReadZxidLagP99", 0.0), f.getOrDefault("staleReadTimeLagMsP99", 0.0));
        if (f.getOrDefault("readsAfterSync", 0.0) > 0) {
            out.printf(Locale.ROOT, "               of the reads right after a sync: %,.0f of %,.0f stale%n", f.get("staleReadsAfterSync"), f.get("readsAfterSync"));
        }
    }

    private static void verdict(PrintWriter out, String what, Verdict v) {
        out.println("  " + what + "     " + (!v.judged() ? "not judged" : v.holds() ? "holds" : "VIOLATED") + "  " + v.detail());
        if (!v.holds()) {
            List<Violation> first = v.violations().subList(0, Math.min(3, v.violations().size()));
            for (Violation violation : first) {
                out.printf(Locale.ROOT, "               at %.6f s: %s: %s%n", violation.time(), violation.kind(), violation.detail());
            }
            if (v.violations().size() > first.size()) {
                out.println("               ... " + (v.violations().size() - first.size()) + " more in summary.json");
            }
        }
    }
}
