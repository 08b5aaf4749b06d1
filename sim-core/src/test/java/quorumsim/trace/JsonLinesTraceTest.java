package quorumsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.CpuCostModel;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;

class JsonLinesTraceTest {
    /** A message whose text needs escaping in JSON. */
    record Note(int n, String text) implements Message {
        public int sizeBytes() {
            return 64 + text.length();
        }
    }

    /** Every node sends a note to the next one every 100 us until 5 ms. */
    static final class Talker implements Actor {
        public void onStart(Context ctx) {
            ctx.setTimer(100_000, "tick");
        }

        public void onMessage(Context ctx, int from, Message message) {
            ctx.observe("got " + ((Note) message).n());
        }

        public void onTimer(Context ctx, Object timer) {
            int n = (int) (ctx.trueTimeNanos() / 100_000);
            ctx.send((ctx.self() + 1) % 4, new Note(n, "say \"hi\"\\\n\ttab\u0001"));
            if (ctx.trueTimeNanos() < 5_000_000) {
                ctx.setTimer(100_000, timer);
            }
        }
    }

    @Test
    void everyLineIsAJsonObjectAndEverySendPairsWithItsDeliveriesOrDrops() {
        NetworkConfig network = NetworkConfig.ideal(0).toBuilder()
                .latency(new LatencyDistribution.Uniform(10_000, 300_000))
                .lossProbability(0.1).duplicateProbability(0.1)
                .reorderProbability(0.0).reorderDelayNanos(0).fifoLinks(false).build();
        // node 2 takes 250 us per message and gets one per 100 us: at its crash some wait in its queue
        Simulation sim = new Simulation(3, network, new SlowNodeTwo(), 1_000_000);
        for (int i = 0; i < 4; i++) {
            sim.addNode("n" + i, NodeSpec.simple(), (id, store) -> new Talker());
        }
        sim.scheduleFault(1_000_000, new Fault.Partition(new int[][] {{0, 1}, {2, 3}}));
        sim.scheduleFault(2_000_000, new Fault.Heal());
        sim.scheduleFault(3_000_000, new Fault.Crash(Target.of(2)));
        StringWriter out = new StringWriter();
        JsonLinesTrace trace = new JsonLinesTrace(out);
        sim.addTraceListener(trace);
        sim.runToCompletion();
        trace.close();

        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.size() > 200);
        TreeMap<Long, Integer> sends = new TreeMap<>();
        TreeMap<Long, Integer> outcomes = new TreeMap<>();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> dropReasons = new TreeSet<>();
        long lastTime = 0;
        for (String line : lines) {
            Map<String, Object> json = FlatJson.parse(line);
            String kind = (String) json.get("kind");
            kinds.add(kind);
            long time = (Long) json.get("t");
            assertTrue(time >= lastTime, "time went backwards at " + line);
            lastTime = time;
            if (kind.equals("SEND")) {
                assertEquals(null, sends.put((Long) json.get("id"), 1), "message ids are unique");
                assertEquals("say \"hi\"\\\n\ttab\u0001", noteText((String) json.get("detail")));
            } else if (kind.equals("DELIVER") || kind.equals("DROP")) {
                long id = (Long) json.get("id");
                assertTrue(sends.containsKey(id), "a " + kind + " of message " + id + " before its SEND");
                if (kind.equals("DELIVER")) {
                    assertFalse(json.containsKey("detail"), "a delivery names its message by id only: " + line);
                }
                outcomes.merge(id, 1, Integer::sum);
                if (kind.equals("DROP")) {
                    dropReasons.add((String) json.get("detail"));
                }
            }
        }
        TreeSet<Long> unresolved = new TreeSet<>(sends.keySet());
        unresolved.removeAll(outcomes.keySet());
        assertEquals(new TreeSet<Long>(), unresolved, "messages sent but neither delivered nor dropped");
        assertTrue(outcomes.values().stream().anyMatch(n -> n == 2), "duplicates deliver twice under one id");
        assertEquals(new TreeSet<>(List.of("crashed", "loss", "partition")), dropReasons);
        assertTrue(kinds.containsAll(List.of("SEND", "DELIVER", "DROP", "TIMER", "FAULT", "CRASH", "OBSERVE")), kinds.toString());
    }

    /** Free CPU, except that node 2 takes 250 us to handle a message. */
    static final class SlowNodeTwo implements CpuCostModel {
        public long receiveNanos(int node, Message message) {
            return node == 2 ? 250_000 : 0;
        }

        public long sendNanos(int node, Message message) {
            return 0;
        }

        public long signNanos(quorumsim.core.Signature.Kind kind) {
            return 0;
        }

        public long verifyNanos(quorumsim.core.Signature.Kind kind) {
            return 0;
        }
    }

    private static String noteText(String detail) {
        String prefix = "Note[n=";
        assertTrue(detail.startsWith(prefix), detail);
        return detail.substring(detail.indexOf(", text=") + 7, detail.length() - 1);
    }

    @Test
    void theDigestIsTheSameWithAndWithoutTheFullTrace() {
        assertEquals(run(false), run(true));
        assertFalse(run(false).isEmpty());
    }

    private static String run(boolean traced) {
        Simulation sim = new Simulation(5, NetworkConfig.ideal(20_000).toBuilder().lossProbability(0.1).duplicateProbability(0.1).build(),
                CpuCostModel.FREE, 1_000_000);
        for (int i = 0; i < 4; i++) {
            sim.addNode("n" + i, NodeSpec.simple(), (id, store) -> new Talker());
        }
        if (traced) {
            sim.addTraceListener(new JsonLinesTrace(new StringWriter()));
        }
        sim.runToCompletion();
        return sim.digestHex();
    }

    /** A strict parser for the flat objects the trace writes: string and integer values only. */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) {
            this.s = s;
        }

        static Map<String, Object> parse(String line) {
            FlatJson p = new FlatJson(line);
            Map<String, Object> out = p.object();
            if (p.i != line.length()) {
                throw new IllegalArgumentException("trailing text in " + line);
            }
            return out;
        }

        private Map<String, Object> object() {
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            while (true) {
                String key = string();
                expect(':');
                Object value = s.charAt(i) == '"' ? string() : number();
                if (out.put(key, value) != null) {
                    throw new IllegalArgumentException("duplicate key " + key + " in " + s);
                }
                if (s.charAt(i) == '}') {
                    i++;
                    return out;
                }
                expect(',');
            }
        }

        private Long number() {
            int start = i;
            if (s.charAt(i) == '-') {
                i++;
            }
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                i++;
            }
            return Long.parseLong(s.substring(start, i));
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("raw control character in a string: " + s);
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + " in " + s);
            }
            i++;
        }
    }

    @Test
    void aDiskFlushLineNamesItsDeviceBytesStartAndEnd() {
        StringWriter out = new StringWriter();
        JsonLinesTrace trace = new JsonLinesTrace(out);
        trace.onTrace(new TraceEvent(2_000, TraceKind.DISK_WRITE, 1, -1, "log", -1, 100,
                "startNanos=1000 endNanos=2000 device=log bytes=100 writes=1 [Token]"));
        trace.close();
        assertEquals("{\"t\":2000,\"kind\":\"DISK_WRITE\",\"node\":1,\"type\":\"log\",\"bytes\":100,"
                + "\"detail\":\"startNanos=1000 endNanos=2000 device=log bytes=100 writes=1 [Token]\"}\n", out.toString());
    }
}
