package quorumsim.kv;

/**
 * Stable 64-bit digests, the same in every run and JVM: String.hashCode is specified by the
 * JLS, and the mixer is SplitMix64's finalizer. Stand-in for SHA-256 in the simulation.
 */
public final class Hashing {
    private Hashing() {
    }

    public static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long of(String s) {
        return mix(s.length(), s.hashCode());
    }
}
