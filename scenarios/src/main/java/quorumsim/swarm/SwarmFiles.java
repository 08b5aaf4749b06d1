package quorumsim.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The swarm's output folder: for every failing seed the scenario as generated and its shrunk
 * form, both ordinary scenario files that {@code quorumsim run} reproduces (with
 * {@code expect: holds}, so the run exits 1 while the failure is there); {@code failures.csv}
 * with one row per failing seed; {@code summary.json} with the counts and the same rows.
 */
public final class SwarmFiles {
    private SwarmFiles() {
    }

    /** The file names of one finding, relative to the folder. */
    public static String fileName(Swarm.Finding f) {
        return "seed-" + f.seed() + "-" + f.outcome().failure().label + ".yaml";
    }

    public static String shrunkFileName(Swarm.Finding f) {
        return "seed-" + f.seed() + "-" + f.outcome().failure().label + "-shrunk.yaml";
    }

    /** Writes the files of every finding, failures.csv and summary.json; returns summary.json's path. */
    public static Path write(Path dir, SwarmSettings settings, SwarmResult result, double wallSeconds) {
        try {
            Files.createDirectories(dir);
            List<Map<String, Object>> rows = new ArrayList<>();
            StringBuilder csv = new StringBuilder("seed,class,kind,detail,file,shrunkFile,shrunkLines,shrunkClass,shrinkRuns\n");
            for (Swarm.Finding f : result.findings()) {
                write(dir.resolve(fileName(f)), yaml(settings, f, f.scenario(), f.outcome(), false));
                boolean shrunk = settings.shrink();
                if (shrunk) {
                    write(dir.resolve(shrunkFileName(f)), yaml(settings, f, f.shrunk(), f.shrunkOutcome(), true));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("seed", f.seed());
                row.put("class", f.outcome().failure().label);
                row.put("kind", f.outcome().kind());
                row.put("detail", f.outcome().detail());
                row.put("file", fileName(f));
                row.put("shrunkFile", shrunk ? shrunkFileName(f) : "");
                row.put("shrunkLines", shrunk ? f.shrunk().lines() : 0);
                row.put("shrunkClass", shrunk ? f.shrunkOutcome().signature() : "");
                row.put("shrinkRuns", f.shrinkAttempts());
                rows.add(row);
                csv.append(String.join(",", row.values().stream().map(v -> csvField(String.valueOf(v))).toList())).append('\n');
            }
            write(dir.resolve("failures.csv"), csv.toString());
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("protocol", settings.protocol());
            summary.put("variant", settings.variant() == null ? null : settings.variant().label);
            summary.put("size", (settings.protocol().equals("pbft") ? "f=" : "servers=") + settings.size());
            summary.put("fromSeed", settings.fromSeed());
            summary.put("toSeed", settings.toSeed());
            summary.put("seedsRun", result.outcomes().size());
            summary.put("stoppedEarly", result.cancelled() || result.outcomes().size() < settings.seeds());
            Map<String, Object> counts = new LinkedHashMap<>();
            result.counts().forEach((failure, count) -> counts.put(failure.label, count));
            summary.put("counts", counts);
            summary.put("wallSeconds", Math.round(wallSeconds * 1000) / 1000.0);
            summary.put("seedsPerSecond", wallSeconds > 0 ? Math.round(result.outcomes().size() / wallSeconds * 100) / 100.0 : 0);
            summary.put("failures", rows);
            Path json = dir.resolve("summary.json");
            write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary) + "\n");
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the swarm's files in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A finding's scenario as a file: comments saying what it does and how to reproduce it, then the scenario. */
    static String yaml(SwarmSettings settings, Swarm.Finding f, Doc doc, Outcome outcome, boolean shrunk) {
        List<String> header = new ArrayList<>();
        header.add(String.format(Locale.ROOT, "quorumsim swarm %s, seed %d%s: %s", settings.label(), f.seed(),
                shrunk ? String.format(Locale.ROOT, ", shrunk in %d runs", f.shrinkAttempts()) : "", outcome.signature()));
        header.add(outcome.detail());
        header.add("Reproduce: quorumsim run <this file>" + (outcome.digest().isEmpty() ? "" : "  (trace digest " + outcome.digest() + ")"));
        return doc.yaml(header);
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
