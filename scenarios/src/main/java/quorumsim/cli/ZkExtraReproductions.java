package quorumsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import quorumsim.report.FailureTimelineChart;
import quorumsim.reproduce.ReproductionFiles;
import quorumsim.reproduce.ZkBroadcast;
import quorumsim.reproduce.ZkCalibration;
import quorumsim.reproduce.ZkCreate;
import quorumsim.reproduce.ZkExperiment;
import quorumsim.reproduce.ZkFailures;

/**
 * The terminal side of {@code reproduce zk-create}, {@code zk-broadcast} and {@code zk-failures}:
 * run, write the files, print the table. These are predictions of the Table 1 calibration;
 * nothing is held against a tolerance, and each returns whether the Zab checkers found nothing.
 */
final class ZkExtraReproductions {
    private ZkExtraReproductions() {
    }

    static boolean create(ZkExperiment experiment, long seed, int jobs, Path dir, PrintWriter out, boolean quiet, PrintWriter err) {
        ZkCreate create;
        try (Progress progress = new Progress("zk-create", ZkCreate.SERVERS.size() * ZkCreate.WORKERS.size(), " cells", quiet, err)) {
            create = ZkCreate.run(experiment, seed, jobs, row -> progress.step());
        }
        ReproductionFiles.writeCreate(dir, create, ZkCalibration.PAPER_PROFILE);
        boolean safe = create.rows().stream().allMatch(ZkCreate.Row::safetyHolds);
        if (quiet) {
            return safe;
        }
        out.println("ZooKeeper create benchmark (Hunt et al., USENIX ATC 2010, section 5.2): creates/s (mean latency)");
        out.println("each worker creates a 1 KB node, waits for the answer, deletes it asynchronously; Table 1 calibration; seed " + seed);
        out.println();
        out.printf(Locale.ROOT, "%7s | %18s | %18s | %18s%n", "servers", "1 worker", "10 workers", "20 workers");
        for (int servers : ZkCreate.SERVERS) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%7d |", servers));
            for (int workers : ZkCreate.WORKERS) {
                ZkCreate.Row r = create.row(servers, workers);
                line.append(String.format(Locale.ROOT, " %7.0f (%5.2f ms) |", r.createsPerSec(), r.meanLatencyMs()));
            }
            out.println(line.substring(0, line.length() - 2));
        }
        out.println();
        out.println(safe ? "Zab checkers: safety holds in every cell" : "Zab checkers: VIOLATION in " + firstViolation(create));
        out.printf(Locale.ROOT, "%d cells in %.1f s wall, %,d events%n", create.rows().size(), create.wallSeconds(), create.events());
        out.println("wrote " + dir + "/: " + ReproductionFiles.CREATE_CSV + ", " + ReproductionFiles.SUMMARY_JSON);
        out.flush();
        return safe;
    }

    private static String firstViolation(ZkCreate create) {
        for (ZkCreate.Row r : create.rows()) {
            if (!r.safetyHolds()) {
                return r.servers() + " servers, " + r.workers() + " workers: " + r.safety();
            }
        }
        return "";
    }

    static boolean broadcast(ZkExperiment experiment, long seed, int jobs, Path dir, PrintWriter out, boolean quiet, PrintWriter err) {
        ZkBroadcast broadcast;
        try (Progress progress = new Progress("zk-broadcast", ZkBroadcast.SERVERS.size(), " cells", quiet, err)) {
            broadcast = ZkBroadcast.run(experiment, seed, jobs, row -> progress.step());
        }
        ReproductionFiles.writeBroadcast(dir, broadcast, ZkCalibration.PAPER_PROFILE);
        boolean safe = broadcast.rows().stream().allMatch(ZkBroadcast.Row::safetyHolds);
        if (quiet) {
            return safe;
        }
        out.println("ZooKeeper atomic broadcast alone (Hunt et al., USENIX ATC 2010, section 5.1): transactions committed/s");
        out.println("1 KB transactions generated at the leader, 2,000 in flight, no clients; Table 1 calibration; seed " + seed);
        out.println();
        out.printf(Locale.ROOT, "%7s | %10s | %11s%n", "servers", "ops/s", "leader CPU");
        for (ZkBroadcast.Row r : broadcast.rows()) {
            out.printf(Locale.ROOT, "%7d | %,10.0f | %10.0f%%%n", r.servers(), r.opsPerSec(), 100 * r.leaderCpuBusy());
        }
        out.println();
        out.println(safe ? "Zab checkers: safety holds in every cell" : "Zab checkers: VIOLATION");
        out.printf(Locale.ROOT, "%d cells in %.1f s wall, %,d events%n", broadcast.rows().size(), broadcast.wallSeconds(), broadcast.events());
        out.println("wrote " + dir + "/: " + ReproductionFiles.BROADCAST_CSV + ", " + ReproductionFiles.SUMMARY_JSON);
        out.flush();
        return safe;
    }

    static boolean failures(ZkExperiment experiment, long seed, Path dir, PrintWriter out, boolean quiet) {
        ZkFailures f = ZkFailures.run(experiment, seed);
        ReproductionFiles.writeFailures(dir, f, ZkCalibration.PAPER_PROFILE);
        FailureTimelineChart.write(f.timeline().stream().mapToDouble(ZkFailures.Point::second).toArray(),
                f.timeline().stream().mapToDouble(ZkFailures.Point::opsPerSec).toArray(), f.windows(), dir);
        if (quiet) {
            return f.safetyHolds();
        }
        out.println("ZooKeeper throughput under failures (Hunt et al., USENIX ATC 2010, Figure 8): 5 servers, 30% writes,");
        out.println("250 saturating clients; Table 1 calibration; seed " + seed);
        out.println();
        out.printf(Locale.ROOT, "%-22s %7s | %12s %12s %7s | %s%n", "event", "at (s)", "before ops/s", "lowest ops/s", "dip", "back to 90%");
        for (ZkFailures.Event e : f.events()) {
            out.printf(Locale.ROOT, "%-22s %7.1f | %,12.0f %,12.0f %6.0f%% | %s%n", e.what(), e.second(), e.beforeOpsPerSec(),
                    e.lowestOpsPerSec(), 100 * (e.lowestOpsPerSec() / e.beforeOpsPerSec() - 1),
                    e.backMs() < 0 ? "not before the next event" : String.format(Locale.ROOT, "%.0f ms", e.backMs()));
        }
        out.println();
        out.printf(Locale.ROOT, "leader crash: election %.0f ms (crash to the next leader broadcasting), outage %.0f ms (crash to the first"
                + " write issued after it answered); leader changes %d%n", f.electionMs(), f.outageMs(), f.leaderChanges());
        out.println(f.safetyHolds() ? "Zab checkers: safety holds" : "Zab checkers: VIOLATION: " + f.safety());
        out.printf(Locale.ROOT, "%.1f s wall, %,d events%n", f.wallSeconds(), f.simEvents());
        out.println("wrote " + dir + "/: " + ReproductionFiles.TIMELINE_CSV + " (completions per 100 ms), zk-failures.png/.svg (failures shaded), "
                + ReproductionFiles.SUMMARY_JSON);
        out.flush();
        return f.safetyHolds();
    }
}
