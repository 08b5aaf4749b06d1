package quorumsim.sweep;

/**
 * One of {@code count} disjoint parts of a sweep's (grid point, seed) runs: the runs whose
 * index (grid point major, seed minor) leaves {@code index} when divided by {@code count}.
 * Dealt round robin, each part gets grid points and seeds alike, so parts take about as long.
 */
public record Shard(int index, int count) {
    /** The whole sweep. */
    public static final Shard ALL = new Shard(0, 1);

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + ": I must be from 0 to N-1 and N at least 1");
        }
    }

    /** Parses "I/N", I from 0 to N-1 (a Kubernetes completion index or a Slurm array task id from 0). */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("--shard '" + text + "' must be I/N, e.g. 0/4 for the first of 4 parts (I from 0 to N-1)");
        }
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).trim()), Integer.parseInt(text.substring(slash + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--shard '" + text + "' must be I/N with whole numbers, e.g. 0/4 (I from 0 to N-1)");
        }
    }

    public boolean holds(int runIndex) {
        return runIndex % count == index;
    }

    public boolean isWhole() {
        return count == 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
