package quorumsim.swarm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws a fault timeline that starts after {@code fromMs} and has healed by {@code healByMs}:
 * every crash, power-off, pause, isolation, partition and cut carries an {@code until:}, a clock
 * drift is set back to zero, a delay spike ends. Crashes, power-offs and pauses hit at most {@code downBudget}
 * distinct nodes (the faults the protocol tolerates beside its Byzantine ones), never one of
 * {@code spared}.
 */
final class Timeline {
    /** The fault kinds, as the scenario format names them. */
    static final List<String> KINDS = List.of("crash", "pause", "isolate", "partition", "cut", "clockJump", "clockDrift", "delaySpike");

    /** Over connections (Zab) a machine that vanishes differs from a process that crashes. */
    static final List<String> KINDS_WITH_POWER_OFF = List.of("crash", "power-off", "pause", "isolate", "partition", "cut", "clockJump",
            "clockDrift", "delaySpike");

    private final SplittableRandom random;
    private final int servers;
    private final String role;
    private final TreeSet<Integer> spared;
    private final int downBudget;
    private final TreeSet<Integer> down = new TreeSet<>();
    private final List<LinkedHashMap<String, Object>> faults = new ArrayList<>();
    private List<String> kinds = KINDS;

    Timeline(SplittableRandom random, int servers, String role, TreeSet<Integer> spared, int downBudget) {
        this.random = random;
        this.servers = servers;
        this.role = role;
        this.spared = spared;
        this.downBudget = downBudget;
    }

    /** Draws from {@link #KINDS_WITH_POWER_OFF} instead of {@link #KINDS}. */
    Timeline withPowerOff() {
        kinds = KINDS_WITH_POWER_OFF;
        return this;
    }

    /** Up to {@code maxFaults} faults, each starting in [fromMs, healByMs) and over by healByMs. */
    Timeline draw(int maxFaults, long fromMs, long healByMs) {
        int count = random.nextInt(maxFaults + 1);
        for (int i = 0; i < count; i++) {
            long at = fromMs + random.nextLong(Math.max(1, healByMs - fromMs - 10));
            long until = Math.min(healByMs, at + 10 + random.nextLong(Math.max(1, (healByMs - fromMs) / 2)));
            add(kinds.get(random.nextInt(kinds.size())), at, until);
        }
        faults.sort(Comparator.comparingLong(f -> Long.parseLong(((String) f.get("at")).replace("ms", ""))));
        return this;
    }

    List<LinkedHashMap<String, Object>> faults() {
        return faults;
    }

    private void add(String kind, long at, long until) {
        if (servers < 2 && (kind.equals("partition") || kind.equals("cut"))) {
            return;
        }
        switch (kind) {
            case "crash", "power-off", "pause" -> {
                Object target = downTarget();
                if (target != null) {
                    entry(at, until, kind, target);
                }
            }
            case "isolate" -> entry(at, until, kind, random.nextInt(5) == 0 ? role : random.nextInt(servers));
            case "partition" -> entry(at, until, kind, split());
            case "cut" -> {
                int from = random.nextInt(servers);
                int to = (from + 1 + random.nextInt(servers - 1)) % servers;
                entry(at, until, kind, Doc.map("from", from, "to", to));
            }
            case "clockJump" -> entry(at, -1, kind, Doc.map("node", random.nextInt(servers), "by", ms(1 + random.nextInt(500))));
            case "clockDrift" -> {
                int node = random.nextInt(servers);
                int ppm = (random.nextBoolean() ? 1 : -1) * (10 + random.nextInt(990));
                entry(at, -1, kind, Doc.map("node", node, "ppm", ppm));
                entry(until, -1, kind, Doc.map("node", node, "ppm", 0));
            }
            default -> {
                LinkedHashMap<String, Object> spike = random.nextInt(3) == 0 ? Doc.map() : Doc.map("node", random.nextInt(servers));
                spike.put("extra", ms(1 + random.nextInt(80)));
                spike.put("for", ms(until - at));
                entry(at, -1, kind, spike);
            }
        }
    }

    /** A node that may go down (within the budget), the role now and then, or null when none may. */
    private Object downTarget() {
        if (down.size() < downBudget && spared.isEmpty() && random.nextInt(6) == 0) {
            down.add(-1);
            return role;
        }
        List<Integer> candidates = new ArrayList<>();
        for (int id = 0; id < servers; id++) {
            if (!spared.contains(id) && (down.contains(id) || down.size() < downBudget)) {
                candidates.add(id);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        int id = candidates.get(random.nextInt(candidates.size()));
        down.add(id);
        return id;
    }

    /** The servers in two non-empty groups. */
    private List<List<Integer>> split() {
        List<Integer> a = new ArrayList<>();
        List<Integer> b = new ArrayList<>();
        for (int id = 0; id < servers; id++) {
            (random.nextBoolean() ? a : b).add(id);
        }
        if (a.isEmpty() || b.isEmpty()) {
            List<Integer> all = a.isEmpty() ? b : a;
            (a.isEmpty() ? a : b).add(all.remove(random.nextInt(all.size())));
        }
        return List.of(a, b);
    }

    private void entry(long at, long until, String kind, Object value) {
        LinkedHashMap<String, Object> fault = Doc.map("at", ms(at), kind, value);
        if (until >= 0) {
            fault.put("until", ms(until));
        }
        faults.add(fault);
    }

    static String ms(long millis) {
        return millis + "ms";
    }
}
