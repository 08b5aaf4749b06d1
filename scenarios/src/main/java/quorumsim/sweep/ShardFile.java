package quorumsim.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * {@code shard.json}: what one part of a sharded sweep ran, exactly (figures at full
 * precision, so the merged tables are byte-identical to an unsharded sweep's), with what the
 * merge checks: the sweep it belongs to ({@code sweep}, the output folder identity of the
 * unsharded sweep), which part it is, and how many runs the whole sweep has.
 */
public record ShardFile(String sweep, String scenario, int shard, int shards, int runCount, List<Grid.Axis> axes,
                        List<SweepRun> runs) {
    public static final String NAME = "shard.json";
    private static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    public void write(Path dir) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(NAME).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(NAME) + ": " + e.getMessage(), e);
        }
    }

    /** Reads DIR/shard.json; a one-line problem naming the folder if it is missing or unreadable. */
    public static ShardFile read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + ": no " + NAME + " here; give the folders 'sweep --shard I/N' wrote");
        }
        try {
            return JSON.readValue(file.toFile(), ShardFile.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": not a shard file (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /**
     * The whole sweep's runs in index order, from every part of it; a one-line problem if the
     * parts are of different sweeps, one is missing or given twice, or a run is missing.
     */
    public static List<SweepRun> merge(List<ShardFile> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("merge needs the folders of every shard");
        }
        ShardFile first = parts.get(0);
        TreeMap<Integer, ShardFile> byShard = new TreeMap<>();
        for (ShardFile part : parts) {
            if (!part.sweep().equals(first.sweep()) || part.shards() != first.shards() || part.runCount() != first.runCount()) {
                throw new IllegalArgumentException("shard " + part.shard() + "/" + part.shards() + " is of another sweep than shard "
                        + first.shard() + "/" + first.shards() + " (scenario, --set, --vary and --seeds must be the same)");
            }
            if (byShard.put(part.shard(), part) != null) {
                throw new IllegalArgumentException("shard " + part.shard() + "/" + part.shards() + " is given twice");
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < first.shards(); i++) {
            if (!byShard.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shard(s) " + missing + " of " + first.shards() + " missing; merge needs every part");
        }
        List<SweepRun> runs = new ArrayList<>();
        parts.forEach(p -> runs.addAll(p.runs()));
        runs.sort(Comparator.comparingInt(SweepRun::index));
        if (runs.size() != first.runCount()) {
            throw new IllegalArgumentException(runs.size() + " of the sweep's " + first.runCount()
                    + " runs finished; rerun the shards that were stopped (their sweep.csv shows how far they got)");
        }
        return runs;
    }
}
