package quorumsim.swarm;

/**
 * The sizes a swarm draws from, both ends included: f for PBFT (n is 3f+1 or a little more),
 * the number of servers for Zab.
 */
public record SizeRange(int min, int max) {
    static final SizeRange PBFT_F = new SizeRange(1, 4);
    static final SizeRange ZAB_SERVERS = new SizeRange(3, 9);
    /** What --size may ask for. */
    static final SizeRange PBFT_F_ALLOWED = new SizeRange(1, 10);
    static final SizeRange ZAB_SERVERS_ALLOWED = new SizeRange(1, 31);

    /** Reads "a..b" or "a"; throws IllegalArgumentException with a message for --size. */
    static SizeRange parse(String text, SizeRange allowed, String what) {
        String[] ends = text.trim().split("\\.\\.", -1);
        if (ends.length > 2) {
            throw new IllegalArgumentException("--size '" + text + "': expected a..b or a single number (" + what + " from "
                    + allowed.min + " to " + allowed.max + ")");
        }
        try {
            int min = Integer.parseInt(ends[0].trim());
            int max = ends.length == 2 ? Integer.parseInt(ends[1].trim()) : min;
            if (min > max || min < allowed.min || max > allowed.max) {
                throw new IllegalArgumentException("--size " + text + ": " + what + " must lie within " + allowed.min + ".." + allowed.max
                        + (min > max ? ", from low to high" : ""));
            }
            return new SizeRange(min, max);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size '" + text + "': expected a..b with whole numbers, e.g. --size "
                    + allowed.min + ".." + allowed.max + " (" + what + ")");
        }
    }

    /**
     * A size from the range, the smaller ones more often (weights max-size+1 : ... : 1): a big
     * cluster costs the square of its size in messages, and most bugs show in small ones.
     */
    int draw(java.util.SplittableRandom random) {
        int span = max - min + 1;
        int ticket = random.nextInt(span * (span + 1) / 2);
        for (int k = 0; k < span; k++) {
            ticket -= span - k;
            if (ticket < 0) {
                return min + k;
            }
        }
        throw new AssertionError("a ticket beyond the weights");
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : min + ".." + max;
    }
}
