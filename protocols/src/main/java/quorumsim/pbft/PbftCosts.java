package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.core.CpuCostModel;

/**
 * CPU costs of a replica or client, in nanoseconds. Profiles live in calibration files
 * under {@code quorumsim/pbft/costs/} on the classpath, each number with where it comes
 * from: {@code modern-server} (the default: a current ~3 GHz core, the paper's crypto costs
 * scaled and checked against today's measurements) and {@code osdi99} (the testbed of the PBFT
 * papers, a 133 MHz DEC Alpha 21064, derived cost by cost from its specification).
 *
 * @param digestPerByteNanos the message digest (MD5 in the implementation) per byte, charged on
 *                           every byte sent and received: a sender digests a message to MAC it,
 *                           a receiver to check the MACs and the digests it carries
 */
public record PbftCosts(long receivePerMessageNanos, double receivePerByteNanos, long sendPerMessageNanos,
                        double sendPerByteNanos, long macNanos, long signatureSignNanos, long signatureVerifyNanos,
                        long executeNanos, double digestPerByteNanos) {

    public static final String DEFAULT_PROFILE = "modern-server";
    /** The profiles a scenario may choose ({@code hardware.profile}), the default first. */
    public static final List<String> PROFILES = List.of(DEFAULT_PROFILE, "osdi99");
    /** The costs by name, in the record's order: a profile file's keys and {@code hardware.costs:}'s. */
    public static final List<String> KEYS = List.of("receivePerMessageNanos", "receivePerByteNanos", "sendPerMessageNanos",
            "sendPerByteNanos", "macNanos", "signatureSignNanos", "signatureVerifyNanos", "executeNanos", "digestPerByteNanos");
    private static final PbftCosts DEFAULTS = profile(DEFAULT_PROFILE);

    /** The {@code modern-server} profile. */
    public static PbftCosts defaults() {
        return DEFAULTS;
    }

    /** A calibration profile by name ("modern-server", "osdi99"); every key must be present, no other allowed. */
    public static PbftCosts profile(String name) {
        String path = "/quorumsim/pbft/costs/" + name + ".properties";
        java.util.Properties p = new java.util.Properties();
        try (java.io.InputStream in = PbftCosts.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no PBFT cost profile '" + name + "'; known: " + String.join(", ", PROFILES));
            }
            p.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading " + path, e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(path + ": unknown key '" + key + "'; known: " + KEYS);
            }
        }
        for (String key : KEYS) {
            if (p.getProperty(key) == null) {
                throw new IllegalArgumentException(path + ": missing key '" + key + "'");
            }
        }
        return new PbftCosts(Long.parseLong(p.getProperty(KEYS.get(0)).trim()), Double.parseDouble(p.getProperty(KEYS.get(1)).trim()),
                Long.parseLong(p.getProperty(KEYS.get(2)).trim()), Double.parseDouble(p.getProperty(KEYS.get(3)).trim()),
                Long.parseLong(p.getProperty(KEYS.get(4)).trim()), Long.parseLong(p.getProperty(KEYS.get(5)).trim()),
                Long.parseLong(p.getProperty(KEYS.get(6)).trim()), Long.parseLong(p.getProperty(KEYS.get(7)).trim()),
                Double.parseDouble(p.getProperty(KEYS.get(8)).trim()));
    }

    /** These costs with some replaced by name (a key of {@link #KEYS}); whole-nanosecond costs are rounded. */
    public PbftCosts withOverrides(java.util.Map<String, Double> overrides) {
        double[] v = {receivePerMessageNanos, receivePerByteNanos, sendPerMessageNanos, sendPerByteNanos, macNanos,
                signatureSignNanos, signatureVerifyNanos, executeNanos, digestPerByteNanos};
        for (java.util.Map.Entry<String, Double> e : overrides.entrySet()) {
            int at = KEYS.indexOf(e.getKey());
            if (at < 0) {
                throw new IllegalArgumentException("unknown PBFT cost '" + e.getKey() + "'; known: " + KEYS);
            }
            v[at] = e.getValue();
        }
        return new PbftCosts(Math.round(v[0]), v[1], Math.round(v[2]), v[3], Math.round(v[4]), Math.round(v[5]), Math.round(v[6]),
                Math.round(v[7]), v[8]);
    }

    /** Everything free: latency is then pure network delay (for counting message delays). */
    public static PbftCosts free() {
        return new PbftCosts(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The engine's model: every byte sent or received is copied and digested. */
    public CpuCostModel toCostModel() {
        return new CpuCostModel.Linear(receivePerMessageNanos, receivePerByteNanos + digestPerByteNanos, sendPerMessageNanos,
                sendPerByteNanos + digestPerByteNanos, signatureSignNanos, signatureVerifyNanos, macNanos);
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (receivePerMessageNanos < 0 || sendPerMessageNanos < 0 || macNanos < 0 || signatureSignNanos < 0
                || signatureVerifyNanos < 0 || executeNanos < 0 || receivePerByteNanos < 0 || sendPerByteNanos < 0 || digestPerByteNanos < 0) {
            problems.add("pbft costs must not be negative");
        }
        return problems;
    }
}
