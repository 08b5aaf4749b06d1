package quorumsim.swarm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Maps a seed to a whole scenario document, from the seed alone: the protocol's generator
 * draws size, workload, network, timeouts, Byzantine replicas and a fault timeline; a
 * known-broken variant then bends it; a base scenario, when given, keeps its own settings and
 * takes only the seed's faults, Byzantine replicas and timing.
 */
final class Generator {
    /** The order of keys in a generated file: what it is, how long, the system, the load, what goes wrong. */
    static final List<String> ORDER = List.of("name", "description", "protocol", "seed", "duration", "unsafe", "checks", "cluster",
            "network", "hardware", "pbft", "zab", "workload", "byzantine", "faults", "expect");

    private final String protocol;
    private final SizeRange size;
    private final Variant variant;
    private final Doc base;
    private final int baseServers;

    /**
     * @param variant     null for the protocol as it is
     * @param base        null to generate whole scenarios
     * @param baseServers the base's servers (0 without a base)
     */
    Generator(String protocol, SizeRange size, Variant variant, Doc base, int baseServers) {
        this.protocol = protocol;
        this.size = size;
        this.variant = variant;
        this.base = base;
        this.baseServers = baseServers;
    }

    Doc generate(long seed) {
        Shape shape = variant == null ? Shape.DEFAULT : Shape.SHORT;
        Doc doc = protocol.equals("pbft") ? PbftScenarios.generate(seed, size, baseServers, shape)
                : ZabScenarios.generate(seed, size, baseServers, shape);
        if (variant != null) {
            variant.bend(doc, new SplittableRandom(seed ^ 0x5DEECE66DL));
            finish(doc, shape, 0);
        }
        if (base != null) {
            doc = onBase(doc);
        }
        return doc;
    }

    /** The base's settings with the seed's name, seed, timing, Byzantine replicas and faults (its description and diagram go: they told of its own). */
    private Doc onBase(Doc generated) {
        Doc doc = base.copy();
        for (String key : List.of("name", "description", "seed", "duration", "checks", "byzantine", "faults", "expect", "report")) {
            doc.put(key, null);
        }
        for (String key : List.of("name", "seed", "duration", "checks", "unsafe", "byzantine", "faults", "expect")) {
            Object value = generated.get(key);
            if (value != null) {
                doc.put(key, value);
            }
        }
        doc.put("name", generated.get("name"));
        finish(doc, Shape.DEFAULT, leastBoundMs(doc));
        return doc;
    }

    /**
     * The shortest liveness bound fair to the scenario's timeouts: PBFT's view-change timer may
     * have doubled a few times when the faults heal; a Zab election and clients moving their
     * sessions take up to two session timeouts.
     */
    static long leastBoundMs(Doc doc) {
        if ("pbft".equals(doc.get("protocol"))) {
            return 16 * millis(doc.get("pbft.viewChangeTimeout") == null ? "100ms" : doc.get("pbft.viewChangeTimeout"));
        }
        return 2 * millis(doc.get("zab.sessionTimeout") == null ? "1s" : doc.get("zab.sessionTimeout")) + 500;
    }

    /** The first keys of every generated document, in the order a reader expects them. */
    static Doc header(String protocol, long seed) {
        Doc doc = new Doc();
        doc.put("name", "swarm-" + protocol + "-" + seed);
        doc.put("protocol", protocol);
        doc.put("seed", seed);
        doc.put("duration", "0ms");
        doc.put("checks", Doc.map("livenessBound", "0ms"));
        return doc;
    }

    /**
     * Sets the duration and liveness bound: after the last fault event, a quiet phase of the bound
     * plus the judged stretch. Runs that do not judge liveness get a bound as long as the run.
     */
    static void finish(Doc doc, Shape shape, long leastBoundMs) {
        long lastMs = lastEventMs(doc);
        long boundMs = Math.max(shape.livenessBoundMs(), leastBoundMs);
        long durationMs = Math.max(lastMs, shape.faultsFromMs()) + boundMs + shape.judgedMs();
        doc.put("duration", Timeline.ms(durationMs));
        doc.put("checks", Doc.map("livenessBound", Timeline.ms(shape.judgesLiveness() ? boundMs : durationMs)));
        doc.put("expect", Doc.map("safety", "holds", "liveness", "holds"));
        doc.ordered(ORDER);
    }

    /** The last time anything on the timeline starts or ends. */
    static long lastEventMs(Doc doc) {
        long last = 0;
        for (Object item : doc.list("faults")) {
            Map<?, ?> fault = (Map<?, ?>) item;
            long at = millis(fault.get("at"));
            last = Math.max(last, Math.max(at, millis(fault.get("until"))));
            if (fault.get("delaySpike") instanceof Map<?, ?> spike) {
                last = Math.max(last, at + millis(spike.get("for") == null ? "1000ms" : spike.get("for")));
            }
        }
        for (Object item : doc.list("byzantine")) {
            Map<?, ?> entry = (Map<?, ?>) item;
            last = Math.max(last, Math.max(millis(entry.get("from")), millis(entry.get("until"))));
        }
        return last;
    }

    /** A generated time ("613ms") in milliseconds; 0 for none. */
    static long millis(Object time) {
        if (time == null) {
            return 0;
        }
        return Math.round(quorumsim.scenario.Units.durationNanos(time.toString()) / 1e6);
    }

    /**
     * A latency distribution, a bandwidth now and then, and for datagrams loss, duplication and
     * reordering. Datagrams travel on their own ({@code fifo: false}): PBFT runs over UDP (the
     * BFT library; OSDI'99 section 2: the network may delay, duplicate or reorder), where no
     * message waits behind another. On a FIFO link whose draws are not capped (TCP would resend
     * after its timeout) one long draw holds everything behind it: the largest of some 10^4
     * Pareto draws with alpha 1.5 is about 460 times the minimum, a second on a 2 ms link, so the
     * link carried nothing for a second inside the quiet phase that judges liveness (swarm seeds
     * 1844, 2388, 2683, 2711, 4175, 4308, 4613, 5456, 5481, 7044).
     */
    static LinkedHashMap<String, Object> network(SplittableRandom random, boolean datagrams) {
        int us = 200 + random.nextInt(2800);   // 0.2 to 3 ms: a LAN to a metro network, and fewer requests per virtual second
        LinkedHashMap<String, Object> latency = switch (random.nextInt(6)) {
            case 0 -> Doc.map("distribution", "constant", "value", us + "us");
            case 1 -> Doc.map("distribution", "uniform", "min", us + "us", "max", (us + 100 + random.nextInt(2000)) + "us");
            case 2 -> Doc.map("distribution", "normal", "mean", us + "us", "stddev", (1 + random.nextInt(us / 2)) + "us");
            case 3 -> Doc.map("distribution", "exponential", "mean", us + "us");
            case 4 -> Doc.map("distribution", "lognormal", "mean", us + "us", "stddev", (1 + random.nextInt(us)) + "us");
            default -> Doc.map("distribution", "pareto", "min", us + "us", "alpha", PbftScenarios.pick(random, 1.5, 2.0, 3.0));
        };
        LinkedHashMap<String, Object> network = Doc.map("latency", latency);
        if (random.nextInt(4) == 0) {
            network.put("bandwidth", PbftScenarios.pick(random, "100Mbps", "1Gbps", "10Gbps"));
        }
        if (datagrams && random.nextInt(3) == 0) {
            network.put("loss", (1 + random.nextInt(50)) / 1000.0);
        }
        if (datagrams && random.nextInt(4) == 0) {
            network.put("duplicate", (1 + random.nextInt(50)) / 1000.0);
        }
        if (datagrams && random.nextInt(4) == 0) {
            network.put("reorder", (1 + random.nextInt(100)) / 1000.0);
            network.put("reorderDelay", (1 + random.nextInt(5)) + "ms");
        }
        if (datagrams) {
            network.put("fifo", false);
        }
        return network;
    }
}
