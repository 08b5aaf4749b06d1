package quorumsim.swarm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * What a swarm runs: which protocol (or known-broken variant), which sizes, around which base
 * scenario, which seeds, on how many workers, with which wall-time limit per run.
 *
 * @param base          a scenario whose settings every seed keeps (null: generate everything)
 * @param baseServers   the base's number of servers (0 without a base)
 * @param maxFailures   stop once this many failures are known among the lowest seeds (0: run all)
 * @param shrink        shrink each failure
 * @param shrinkAttempts most runs spent shrinking one failure
 */
public record SwarmSettings(String protocol, Variant variant, SizeRange size, Doc base, int baseServers, long fromSeed, long toSeed,
                            int jobs, long limitWallNanos, int maxFailures, boolean shrink, int shrinkAttempts) {
    public static final List<String> PROTOCOLS = List.of("pbft", "zab");

    /**
     * Checks and resolves what a user asked for; every problem is an IllegalArgumentException
     * with a one-line message (a bad base scenario throws the loader's ScenarioException).
     *
     * @param protocol null when a variant or base says it
     * @param variant  null for none
     * @param size     null for the protocol's default range
     * @param base     null for none, else a built-in name or a file
     */
    public static SwarmSettings of(String protocol, String variant, String size, String base, long fromSeed, long toSeed, int jobs,
                                   long limitWallNanos, int maxFailures) {
        Variant v = variant == null ? null : Variant.named(variant);
        Doc baseDoc = null;
        int baseServers = 0;
        int baseF = 0;
        String p = protocol;
        if (base != null) {
            if (v != null) {
                throw new IllegalArgumentException("--base and --variant do not go together: a variant makes its own scenarios");
            }
            ScenarioLoader.Source source = ScenarioLoader.find(base);
            ScenarioSpec spec = ScenarioLoader.bind(source, List.of());
            baseDoc = Doc.of(read(source));
            baseServers = spec.protocolConfig().configured().servers();
            baseF = spec.cluster().f();
            if (p != null && !p.equals(spec.protocol())) {
                throw new IllegalArgumentException("--protocol " + p + " but the base scenario " + base + " runs " + spec.protocol());
            }
            p = spec.protocol();
        }
        if (v != null) {
            if (p != null && !p.equals(v.protocol)) {
                throw new IllegalArgumentException("--variant " + v.label + " is a " + v.protocol + " variant, not " + p);
            }
            p = v.protocol;
        }
        if (p == null) {
            throw new IllegalArgumentException("say which protocol to search: --protocol pbft or --protocol zab (or a --variant)");
        }
        if (!PROTOCOLS.contains(p)) {
            throw new IllegalArgumentException("--protocol " + p + " is not one the swarm searches; allowed: " + String.join(", ", PROTOCOLS));
        }
        boolean pbft = p.equals("pbft");
        SizeRange sizes;
        if (base != null) {
            if (size != null) {
                throw new IllegalArgumentException("--size does not apply with --base: the base scenario fixes the size");
            }
            sizes = pbft ? new SizeRange(baseF, baseF) : new SizeRange(baseServers, baseServers);
        } else if (size != null) {
            sizes = SizeRange.parse(size, pbft ? SizeRange.PBFT_F_ALLOWED : SizeRange.ZAB_SERVERS_ALLOWED, pbft ? "f" : "servers");
        } else {
            sizes = v == Variant.SKIP_COMMIT ? new SizeRange(1, 1) : pbft ? SizeRange.PBFT_F : SizeRange.ZAB_SERVERS;
        }
        if (fromSeed > toSeed) {
            throw new IllegalArgumentException("the seed range " + fromSeed + ".." + toSeed + " is empty: --from must not exceed --to");
        }
        if (toSeed - fromSeed >= 1_000_000L || toSeed - fromSeed < 0) {
            throw new IllegalArgumentException("at most 1,000,000 seeds in one swarm (split bigger searches with --from and --to); got "
                    + fromSeed + ".." + toSeed);
        }
        if (jobs < 1 || jobs > 256) {
            throw new IllegalArgumentException("--jobs must be from 1 to 256, got " + jobs);
        }
        if (limitWallNanos < 1_000_000L) {
            throw new IllegalArgumentException("--limit-wall must be at least 1ms");
        }
        if (maxFailures < 0) {
            throw new IllegalArgumentException("--stop-after must not be negative, got " + maxFailures);
        }
        return new SwarmSettings(p, v, sizes, baseDoc, baseServers, fromSeed, toSeed, jobs, limitWallNanos, maxFailures, true, 150);
    }

    public SwarmSettings withShrinking(boolean on, int attempts) {
        return new SwarmSettings(protocol, variant, size, base, baseServers, fromSeed, toSeed, jobs, limitWallNanos, maxFailures, on, attempts);
    }

    public long seeds() {
        return toSeed - fromSeed + 1;
    }

    /** A label for file and folder names: the protocol, or the variant's name. */
    public String label() {
        return variant == null ? protocol : protocol + "-" + variant.label;
    }

    private static Map<?, ?> read(ScenarioLoader.Source source) {
        try {
            ObjectMapper mapper = source.yaml() ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
            return mapper.readValue(source.text(), Map.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the base scenario " + source.label() + ": " + e.getMessage());
        }
    }
}
