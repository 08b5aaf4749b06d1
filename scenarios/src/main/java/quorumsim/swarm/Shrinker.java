package quorumsim.swarm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reduces a failing scenario to a small one that fails the same way (same class, and for safety
 * the same first violation kind, for an exception the same exception). Greedy, in the style of
 * delta debugging: it tries the biggest simplifications first (no faults at all, half of them),
 * then one entry at a time, then a smaller cluster and workload, default settings, a shorter
 * timeline; it keeps the first candidate that still fails and starts over from it, until no
 * candidate does or the attempts run out. It never shortens the liveness bound, so a shrunk
 * liveness failure is as real as the original.
 */
final class Shrinker {
    /** A shrunk scenario, its outcome, and how many runs shrinking took. */
    record Shrunk(Doc doc, Outcome outcome, int attempts) {
    }

    private static final long DEFAULT_LIVENESS_BOUND_MS = 2_000;
    /**
     * Settings that say which system is under test, not how hard it is tried: a shrunk scenario
     * keeps them. Without {@code fifo} a PBFT scenario generated on datagram links came back on
     * FIFO links, where one slow draw holds back a link's every later message (swarm seed 7044).
     */
    private static final Set<String> MODEL_KEYS = Set.of("variant", "fifo");
    /** Zab below three servers tolerates no fault: a failure shrunk there would be another failure. */
    private static final int ZAB_SMALLEST_SERVERS = 3;
    private final Function<Doc, Outcome> trial;
    private final int maxAttempts;

    Shrinker(Function<Doc, Outcome> trial, int maxAttempts) {
        this.trial = trial;
        this.maxAttempts = maxAttempts;
    }

    Shrunk shrink(Doc failing, Outcome original) {
        Doc best = failing;
        Outcome bestOutcome = original;
        int attempts = 0;
        int startAt = 0;
        while (attempts < maxAttempts) {
            List<Doc> candidates = candidates(best);
            int accepted = -1;
            String current = best.yaml(List.of());
            for (int k = startAt; k < candidates.size() && attempts < maxAttempts; k++) {
                if (candidates.get(k).yaml(List.of()).equals(current)) {
                    continue;
                }
                attempts++;
                Outcome outcome = trial.apply(candidates.get(k));
                if (outcome.signature().equals(original.signature())) {
                    best = candidates.get(k);
                    bestOutcome = outcome;
                    accepted = k;
                    break;
                }
            }
            if (accepted >= 0) {
                startAt = accepted;      // the candidates before it failed on a bigger scenario: go on from here
            } else if (startAt > 0) {
                startAt = 0;             // one more pass from the start before giving up
            } else {
                break;
            }
        }
        return new Shrunk(best, bestOutcome, attempts);
    }

    /** Simpler versions of {@code doc}, the biggest simplifications first. */
    static List<Doc> candidates(Doc doc) {
        List<Doc> out = new ArrayList<>();
        List<Object> faults = doc.list("faults");
        List<Object> byzantine = doc.list("byzantine");
        if (faults.size() > 1) {
            out.add(doc.copy().putList("faults", List.of()));
        }
        if (byzantine.size() > 1) {
            out.add(doc.copy().putList("byzantine", List.of()));
        }
        if (faults.size() >= 4) {
            out.add(doc.copy().putList("faults", faults.subList(0, faults.size() / 2)));
            out.add(doc.copy().putList("faults", faults.subList(faults.size() / 2, faults.size())));
        }
        for (int i = 0; i < faults.size(); i++) {
            out.add(doc.copy().putList("faults", without(faults, i)));
        }
        for (int i = 0; i < byzantine.size(); i++) {
            out.add(doc.copy().putList("byzantine", without(byzantine, i)));
            Object nodes = ((Map<?, ?>) byzantine.get(i)).get("node");
            if (nodes instanceof List<?> ids && ids.size() > 1) {
                for (int k = 0; k < ids.size(); k++) {
                    Doc c = doc.copy();
                    Doc.cast(c.list("byzantine").get(i)).put("node", without(new ArrayList<>(ids), k));
                    out.add(c);
                }
            }
        }
        int before = out.size();
        smallerCluster(doc, out);
        smallerWorkload(doc, out);
        for (int i = before; i < out.size(); i++) {
            out.set(i, withoutMissingNodes(out.get(i)));
        }
        for (String section : List.of("pbft", "zab", "network", "hardware")) {
            if (doc.get(section) instanceof Map<?, ?> keys) {
                for (Object key : keys.keySet()) {
                    if (!MODEL_KEYS.contains(key)) {
                        out.add(doc.copy().put(section + "." + key, null));
                    }
                }
            }
        }
        if (doc.get("network.reorder") != null) {
            out.add(doc.copy().put("network.reorder", null).put("network.reorderDelay", null));
        }
        shorter(doc, out);
        if (Generator.millis(doc.get("checks.livenessBound")) <= DEFAULT_LIVENESS_BOUND_MS
                && Generator.millis(doc.get("duration")) >= Generator.lastEventMs(doc) + DEFAULT_LIVENESS_BOUND_MS + Shape.DEFAULT.judgedMs()) {
            out.add(doc.copy().put("checks", null));   // the default bound is no shorter: a liveness failure stays real
        }
        return out;
    }

    /**
     * Takes nodes that no longer exist out of partitions (a partition left with one group goes),
     * and drops a fault aimed at a server that a smaller cluster no longer has: its id would now
     * name a client (the generator aims crashes, cuts and clock faults at servers only), and a
     * crashed client's unanswered request reads as lost liveness (swarm seed 587's shrunk file).
     */
    static Doc withoutMissingNodes(Doc doc) {
        boolean pbft = "pbft".equals(doc.get("protocol"));
        int servers = number(doc, pbft ? "cluster.n" : "cluster.n", 0);
        if (servers == 0) {
            servers = pbft ? 3 * number(doc, "cluster.f", 1) + 1 : 2 * number(doc, "cluster.f", 1) + 1;
        }
        int nodes = servers + number(doc, "workload.clients", 4);
        List<Object> faults = new ArrayList<>();
        for (Object item : doc.list("faults")) {
            LinkedHashMap<String, Object> fault = Doc.cast(item);
            if (aimsPast(fault, servers)) {
                continue;
            }
            if (fault.get("partition") instanceof List<?> groups) {
                List<Object> kept = new ArrayList<>();
                for (Object group : groups) {
                    List<Object> ids = new ArrayList<>(((List<?>) group).stream().filter(id -> ((Number) id).intValue() < nodes).toList());
                    if (!ids.isEmpty()) {
                        kept.add(ids);
                    }
                }
                if (kept.size() < 2) {
                    continue;
                }
                fault.put("partition", kept);
            }
            faults.add(fault);
        }
        return doc.putList("faults", faults);
    }

    /** True if the fault names a server id at or past {@code servers} (partitions excepted: they may hold clients). */
    private static boolean aimsPast(Map<String, Object> fault, int servers) {
        for (Map.Entry<String, Object> e : fault.entrySet()) {
            if (e.getKey().equals("at") || e.getKey().equals("until") || e.getKey().equals("partition")) {
                continue;
            }
            if (e.getValue() instanceof Number id && id.intValue() >= servers) {
                return true;
            }
            if (e.getValue() instanceof Map<?, ?> target) {
                for (String key : List.of("node", "from", "to")) {
                    if (target.get(key) instanceof Number id && id.intValue() >= servers) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int number(Doc doc, String path, int fallback) {
        return doc.get(path) instanceof Number value ? value.intValue() : fallback;
    }

    private static void smallerCluster(Doc doc, List<Doc> out) {
        boolean pbft = "pbft".equals(doc.get("protocol"));
        if (doc.get("cluster.n") != null && pbft) {
            out.add(doc.copy().put("cluster.n", null));
        }
        String size = pbft ? "cluster.f" : "cluster.n";
        int smallest = pbft ? 1 : ZAB_SMALLEST_SERVERS;
        if (doc.get(size) instanceof Number value && value.intValue() > smallest) {
            int smaller = value.intValue() - 1;
            Doc c = doc.copy().put(size, smaller);
            if (pbft) {
                c.put("cluster.n", null);
            }
            out.add(c);
            if (doc.get("cluster.quorum") instanceof Number q && q.intValue() > 1) {
                out.add(c.copy().put("cluster.quorum", Math.max(1, q.intValue() - (pbft ? 2 : 1))));
            }
        }
    }

    private static void smallerWorkload(Doc doc, List<Doc> out) {
        if (doc.get("workload.clients") instanceof Number clients && clients.intValue() > 1) {
            if (clients.intValue() > 2) {
                out.add(doc.copy().put("workload.clients", clients.intValue() / 2));
            }
            out.add(doc.copy().put("workload.clients", clients.intValue() - 1));
        }
        for (String key : List.of("outstanding", "readRatio", "requestSize", "kind")) {
            if (doc.get("workload." + key) != null) {
                out.add(doc.copy().put("workload." + key, null));
            }
        }
    }

    /** The timeline at half speed, each fault half as long, a shorter run. */
    private static void shorter(Doc doc, List<Doc> out) {
        long lastMs = Generator.lastEventMs(doc);
        long durationMs = Generator.millis(doc.get("duration"));
        long boundMs = Generator.millis(doc.get("checks.livenessBound"));
        if (lastMs > 1) {
            Doc half = doc.copy();
            for (Object item : half.list("faults")) {
                LinkedHashMap<String, Object> fault = Doc.cast(item);
                halve(fault, "at");
                halve(fault, "until");
                if (fault.get("delaySpike") instanceof Map<?, ?> spike) {
                    halve(Doc.cast(spike), "for");
                }
            }
            for (Object item : half.list("byzantine")) {
                halve(Doc.cast(item), "from");
                halve(Doc.cast(item), "until");
            }
            half.put("duration", Timeline.ms(Math.max(1, durationMs - (lastMs - Generator.lastEventMs(half)))));
            out.add(half);
        }
        List<Object> faults = doc.list("faults");
        for (int i = 0; i < faults.size(); i++) {
            Map<?, ?> fault = (Map<?, ?>) faults.get(i);
            long at = Generator.millis(fault.get("at"));
            long until = Generator.millis(fault.get("until"));
            if (until - at > 1) {
                Doc c = doc.copy();
                Doc.cast(c.list("faults").get(i)).put("until", Timeline.ms(at + (until - at) / 2));
                out.add(c);
            }
        }
        // A run that judges liveness keeps a judged stretch after its quiet phase, as generated:
        // shorter, a check of "no answer in the last bound" would look back before the load began.
        boolean judged = boundMs < durationMs;
        long shortestMs = judged ? lastMs + boundMs + Shape.DEFAULT.judgedMs() : lastMs + 1;
        for (long shorterMs : new long[] {shortestMs + (durationMs - shortestMs) / 2, shortestMs}) {
            if (shorterMs < durationMs) {
                out.add(doc.copy().put("duration", Timeline.ms(shorterMs)));
            }
        }
    }

    private static void halve(LinkedHashMap<String, Object> map, String key) {
        if (map.get(key) != null) {
            map.put(key, Timeline.ms(Generator.millis(map.get(key)) / 2));
        }
    }

    private static <T> List<T> without(List<T> items, int index) {
        List<T> out = new ArrayList<>(items);
        out.remove(index);
        return out;
    }
}
