package quorumsim.core;

import java.util.SplittableRandom;

/**
 * One root seed split into independent named streams ("network/3", "workload", "faults",
 * "node/5"). A stream's seed depends only on the root seed and its name, so adding a node or
 * a fault leaves every other stream's draws unchanged.
 */
public final class RandomStreams {
    private final long rootSeed;

    public RandomStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    public SplittableRandom stream(String name) {
        return new SplittableRandom(mix(rootSeed ^ mix(fnv1a64(name))));
    }

    /** FNV-1a over the name's characters: stable across JVMs, unlike identity hashes. */
    static long fnv1a64(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finalizer: spreads nearby seeds far apart. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
