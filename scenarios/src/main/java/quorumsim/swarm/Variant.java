package quorumsim.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A known-broken variant: a protocol with one of its rules or assumptions removed, which the
 * swarm must catch. Each bends a generated scenario (short, judged on safety) towards what
 * exposes it, the way the built-in scenarios of the same names do.
 */
public enum Variant {
    /** PBFT with certificates of 2f instead of 2f+1 and an equivocating primary (built-in pbft-quorum-2f). */
    QUORUM_2F("quorum-2f", "pbft", "certificates of 2f, an equivocating primary") {
        @Override
        void bend(Doc doc, SplittableRandom random) {
            int f = f(doc);
            doc.put("unsafe", true);
            Doc.cast(doc.get("cluster")).put("quorum", 2 * f);
            doc.putList("byzantine", List.of(Doc.map("node", 0, "behaviour", "equivocate", "from", Timeline.ms(random.nextInt(50)))));
        }
    },
    /**
     * PBFT executing when prepared, without a commit phase (built-in pbft-skip-commit). Its
     * counterexample needs a view change while a replica has prepared and executed what the
     * others never prepared: one replica's messages reach nobody and the primary's pre-prepares
     * miss another replica, so only the muted one (with one more vote) prepares; the others
     * change view without its certificate and give the sequence number to another request.
     */
    SKIP_COMMIT("skip-commit", "pbft", "execution when prepared, no commit phase") {
        @Override
        void bend(Doc doc, SplittableRandom random) {
            doc.put("unsafe", true);
            doc.put("cluster", Doc.map("f", 1));
            doc.put("byzantine", null);
            int vctMs = 10 + random.nextInt(30);
            doc.put("pbft", Doc.map("variant", "skip-commit", "viewChangeTimeout", vctMs + "ms", "clientRetry", (vctMs / 2) + "ms"));
            doc.put("workload", Doc.map("clients", 3 + random.nextInt(3)));   // other requests to take the sequence number
            if ("constant".equals(doc.get("network.latency.distribution"))) {
                // jitter decides which prepares arrive before the cut: with none, the same race goes the same way every time
                doc.put("network.latency", Doc.map("distribution", "exponential", "mean", doc.get("network.latency.value")));
            }
            int muted = 1 + random.nextInt(3);
            int[] others = Arrays.stream(new int[] {1, 2, 3}).filter(r -> r != muted).toArray();
            int missed = others[random.nextInt(2)];
            long at = 5 + random.nextInt(40);
            long healAt = at + 7L * vctMs + random.nextInt(100);   // past a failed view change (the muted replica's view) and the next
            List<Object> faults = new ArrayList<>();
            for (int to = 0; to < 4; to++) {
                if (to != muted) {
                    faults.add(Doc.map("at", Timeline.ms(at), "cut", Doc.map("from", muted, "to", to), "until", Timeline.ms(healAt)));
                }
            }
            faults.add(Doc.map("at", Timeline.ms(at), "cut", Doc.map("from", 0, "to", missed), "until", Timeline.ms(healAt)));
            doc.putList("faults", faults);
        }
    },
    /** PBFT with f+1 colluding replicas, the primary among them (built-in pbft-collusion-f-plus-1). */
    F_PLUS_1_COLLUDERS("f-plus-1-colluders", "pbft", "f+1 colluding replicas") {
        @Override
        void bend(Doc doc, SplittableRandom random) {
            int f = f(doc);
            doc.put("unsafe", true);
            List<Integer> nodes = new ArrayList<>();
            for (int i = 0; i <= f; i++) {
                nodes.add(i);
            }
            doc.putList("byzantine", List.of(Doc.map("node", nodes, "behaviour", "collude", "from", Timeline.ms(random.nextInt(50)))));
        }
    },
    /**
     * Zab with a quorum below a majority (ZabTeethTest): a partition leaves a quorum on both sides,
     * each with its clients (client k talks to server k mod n), so both sides elect a leader and
     * commit; healing loses acknowledged writes.
     */
    QUORUM_BELOW_MAJORITY("quorum-below-majority", "zab", "a quorum below a majority under a partition") {
        @Override
        void bend(Doc doc, SplittableRandom random) {
            int n = Math.max(2, ((Number) doc.get("cluster.n")).intValue());
            int quorum = 1 + random.nextInt(n / 2);
            int clients = n + random.nextInt(2 * n);
            doc.put("unsafe", true);
            doc.put("cluster", Doc.map("n", n, "quorum", quorum));
            doc.put("workload", Doc.map("kind", "saturation", "clients", clients, "outstanding", 2, "readRatio", 0.5));
            // a follower cut off from its leader gives up after tick x syncLimit: keep that well inside the partition
            doc.put("zab", Doc.map("tick", "10ms", "syncLimit", 2, "sessionTimeout", "120ms", "electionWait", "20ms"));
            int firstSide = quorum + random.nextInt(n - 2 * quorum + 1);
            List<Integer> a = new ArrayList<>();
            List<Integer> b = new ArrayList<>();
            for (int node = 0; node < n + clients; node++) {
                int server = node < n ? node : (node - n) % n;
                (server < firstSide ? a : b).add(node);
            }
            long at = 50 + random.nextInt(100);
            doc.putList("faults", List.of(Doc.map("at", Timeline.ms(at), "partition", List.of(a, b),
                    "until", Timeline.ms(at + 100 + random.nextInt(200)))));
        }
    },
    /** A Zab leader that sends different proposals for one zxid (built-in zab-byzantine-leader). */
    EQUIVOCATING_LEADER("equivocating-leader", "zab", "a leader that equivocates") {
        @Override
        void bend(Doc doc, SplittableRandom random) {
            doc.put("unsafe", true);
            doc.put("workload", Doc.map("kind", "saturation", "clients", 2 + random.nextInt(6), "outstanding", 2, "readRatio", 0.5));
            doc.putList("byzantine", List.of(Doc.map("node", "leader", "behaviour", "equivocate",
                    "from", Timeline.ms(150 + random.nextInt(100)))));
        }
    };

    final String label;
    final String protocol;
    final String what;

    Variant(String label, String protocol, String what) {
        this.label = label;
        this.protocol = protocol;
        this.what = what;
    }

    /** Changes a generated scenario into this variant's. */
    abstract void bend(Doc doc, SplittableRandom random);

    static Variant named(String label) {
        for (Variant v : values()) {
            if (v.label.equals(label)) {
                return v;
            }
        }
        throw new IllegalArgumentException("--variant '" + label + "' is not known; known: " + labels());
    }

    static String labels() {
        return Arrays.stream(values()).map(v -> v.label + " (" + v.protocol + ")").collect(Collectors.joining(", "));
    }

    private static int f(Doc doc) {
        return ((Number) ((Map<?, ?>) doc.get("cluster")).get("f")).intValue();
    }
}
