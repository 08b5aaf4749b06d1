package quorumsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/**
 * Reads the {@code byzantine:} and {@code faults:} lists into a timeline. Each fault entry has
 * {@code at:} and exactly one action; crash, power-off, pause, partition, cut, isolate, clockJump,
 * clockDrift and delaySpike may carry {@code until:}, which ends exactly that fault on the nodes
 * its target resolved to when it started (a role such as "leader" is resolved once).
 */
final class FaultBinder {
    static final List<String> ACTIONS = List.of("crash", "power-off", "recover", "pause", "resume", "partition", "heal", "isolate", "cut",
            "clockJump", "clockDrift", "delaySpike");
    private static final String[] FAULT_KEYS;

    static {
        List<String> keys = new ArrayList<>(List.of("at", "until"));
        keys.addAll(ACTIONS);
        FAULT_KEYS = keys.toArray(new String[0]);
    }

    private final Fields top;
    private final int servers;
    private final int clients;
    private final long durationNanos;
    private final ProtocolAdapter<?> protocol;
    private final List<Problem> problems;
    private final List<ScenarioSpec.TimedFault> timeline = new ArrayList<>();

    FaultBinder(Fields top, int servers, int clients, long durationNanos, ProtocolAdapter<?> protocol, List<Problem> problems) {
        this.top = top;
        this.servers = servers;
        this.clients = clients;
        this.durationNanos = durationNanos;
        this.protocol = protocol;
        this.problems = problems;
    }

    /** The rule {@link #byzantineNodes()} counts by, for the error that refuses too many. */
    static final String BYZANTINE_COUNT_RULE = "every node id named counts once, and every entry naming a role counts as one more"
            + " node, since the role may have passed to another node by the time that entry starts";

    /**
     * How many nodes may turn Byzantine in the run: the distinct ids named in byzantine:
     * entries, plus one for each entry naming a role. Two entries for "primary" hit r0 and,
     * after a view change, r1: two nodes, not one.
     */
    int byzantineNodes() {
        java.util.TreeSet<Integer> ids = new java.util.TreeSet<>();
        int roleEntries = 0;
        for (ScenarioSpec.TimedFault t : timeline) {
            if (t.fault() instanceof Fault.Byzantine b && b.enabled()) {
                if (b.target() instanceof Target.Nodes n) {
                    for (int id : n.ids()) {
                        ids.add(id);
                    }
                } else {
                    roleEntries++;
                }
            }
        }
        return ids.size() + roleEntries;
    }

    /** Whether some byzantine: entry names a role (then the count follows {@link #BYZANTINE_COUNT_RULE}). */
    boolean byzantineRoles() {
        return timeline.stream().anyMatch(t -> t.fault() instanceof Fault.Byzantine b && b.enabled() && b.target() instanceof Target.Role);
    }

    List<ScenarioSpec.TimedFault> faults() {
        timeline.sort(Comparator.comparingLong(ScenarioSpec.TimedFault::atNanos));
        return timeline;
    }

    void bindByzantine(List<Node> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Fields f = new Fields(top.source(), entries.get(i), "byzantine[" + i + "]", problems, "node", "behaviour", "from", "until");
            Target target = target(f, "node", entries.get(i).get("node"), false);
            if (!f.has("node")) {
                f.report(entries.get(i), "node", "missing; say which node misbehaves (an id, a list of ids, or " + String.join("/", protocol.roles()) + ")");
            }
            if (!f.has("behaviour")) {
                f.report(entries.get(i), "behaviour", "missing; allowed: " + String.join(", ", protocol.behaviours()));
            }
            String behaviour = f.text("behaviour", null);
            if (behaviour != null && !protocol.acceptsBehaviour(behaviour)) {
                String suggestion = DidYouMean.closest(behaviour, protocol.behaviours());
                f.report(entries.get(i).get("behaviour"), "behaviour", "'" + behaviour + "' is not a " + protocol.name() + " behaviour"
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "") + " Allowed: " + String.join(", ", protocol.behaviours()));
                behaviour = null;
            }
            if (behaviour != null && !clientResolves(f, entries.get(i).get("behaviour"), behaviour)) {
                behaviour = null;
            }
            long from = time(f, "from", 0);
            long until = f.has("until") ? time(f, "until", durationNanos) : -1;
            if (until >= 0 && until <= from) {
                f.report(entries.get(i).get("until"), "until", "ends before it starts (from " + Units.formatDuration(from) + ")");
            }
            if (target != null && behaviour != null) {
                timeline.add(new ScenarioSpec.TimedFault(from, until, new Fault.Byzantine(target, behaviour, true)));
            }
        }
    }

    /** A behaviour with a client parameter (drop-requests:c3) must name a client of the run: c0..c(clients-1). */
    private boolean clientResolves(Fields f, Node at, String behaviour) {
        int colon = behaviour.indexOf(':');
        if (colon < 0) {
            return true;
        }
        String client = behaviour.substring(colon + 1);
        if (client.matches("c(0|[1-9][0-9]{0,8})") && Integer.parseInt(client.substring(1)) < clients) {
            return true;
        }
        f.report(at, "behaviour", "'" + behaviour + "' names client '" + client + "', but "
                + (clients == 0 ? "the run has no clients" : "the clients are c0..c" + (clients - 1) + " (workload.clients = " + clients + ")"));
        return false;
    }

    /** Actions that are themselves the end of a fault, so they take no until:. */
    private static final List<String> ENDS = List.of("recover", "resume", "heal");

    /** One faults: entry: its fields, its one action and that action's value, when it starts and (or -1) ends. */
    private record Entry(Fields fields, Node node, String action, Node value, long atNanos, long untilNanos) {
    }

    void bindFaults(List<Node> entries) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entry(entries.get(i), i);
            if (entry == null) {
                continue;
            }
            Fault fault = fault(entry);
            if (entry.untilNanos() >= 0 && ENDS.contains(entry.action())) {
                entry.fields().report(entry.node().get("until"), "until", "'" + entry.action() + "' is itself an end; until: applies to"
                        + " crash, power-off, pause, partition, cut, isolate, clockJump, clockDrift and delaySpike");
            } else if (fault != null) {
                // a delay spike's length is its end: until: became its length
                timeline.add(new ScenarioSpec.TimedFault(entry.atNanos(), fault instanceof Fault.DelaySpike ? -1 : entry.untilNanos(), fault));
            }
        }
    }

    /** Reads what every entry has (exactly one action, at:, an until: after it), or null when it has no action to read. */
    private Entry entry(Node node, int index) {
        Fields f = new Fields(top.source(), node, "faults[" + index + "]", problems, FAULT_KEYS);
        if (node.kind != Node.Kind.OBJECT) {
            return null;
        }
        List<String> actions = ACTIONS.stream().filter(action -> node.get(action) != null).toList();
        if (actions.size() != 1) {
            f.report(node, "", actions.isEmpty() ? "a fault needs one action: " + String.join(", ", ACTIONS)
                    : "a fault has exactly one action, found " + String.join(" and ", actions) + "; write them as separate entries");
            return null;
        }
        if (!f.has("at")) {
            f.report(node, "at", "missing; say when the fault happens (e.g. at: 2s)");
        }
        long at = time(f, "at", 0);
        long until = f.has("until") ? time(f, "until", durationNanos) : -1;
        if (until >= 0 && until <= at) {
            f.report(node.get("until"), "until", "ends before it starts (at " + Units.formatDuration(at) + ")");
        }
        String action = actions.get(0);
        return new Entry(f, node, action, node.get(action), at, until);
    }

    /** The entry's fault, or null when its value has problems (reported). */
    private Fault fault(Entry e) {
        return switch (e.action()) {
            case "crash" -> onNodes(e, false, Fault.Crash::new);
            case "power-off" -> onNodes(e, false, Fault.PowerOff::new);
            case "recover" -> onNodes(e, true, Fault.Recover::new);
            case "pause" -> onNodes(e, false, Fault.Pause::new);
            case "resume" -> onNodes(e, false, Fault.Resume::new);
            case "isolate" -> onNodes(e, false, Fault.Isolate::new);
            case "partition" -> partition(e);
            case "heal" -> heal(e);
            case "cut" -> cut(e);
            case "clockJump" -> clockJump(e);
            case "clockDrift" -> clockDrift(e);
            case "delaySpike" -> delaySpike(e);
            default -> throw new IllegalStateException("fault action '" + e.action() + "' is listed in ACTIONS but has no reader");
        };
    }

    private Fault onNodes(Entry e, boolean allowAll, java.util.function.Function<Target, Fault> make) {
        Target target = target(e.fields(), e.action(), e.value(), allowAll);
        return target == null ? null : make.apply(target);
    }

    private Fault partition(Entry e) {
        int[][] groups = groups(e.fields(), e.value());
        return groups == null ? null : new Fault.Partition(groups);
    }

    private Fault heal(Entry e) {
        if (e.value().kind != Node.Kind.BOOLEAN || !"true".equals(e.value().text)) {
            e.fields().report(e.value(), "heal", "write heal: true");
        }
        return new Fault.Heal();
    }

    private Fault cut(Entry e) {
        Fields cut = e.fields().object("cut", "from", "to");
        int from = nodeId(cut, "from", e.value().get("from"));
        int to = nodeId(cut, "to", e.value().get("to"));
        return from < 0 || to < 0 ? null : new Fault.OneWayCut(from, to);
    }

    private Fault clockJump(Entry e) {
        Fields jump = e.fields().object("clockJump", "node", "by");
        Target t = target(jump, "node", e.value().get("node"), false);
        long by = jump.durationNanos("by", 0, 0, MAX);
        return t == null ? null : new Fault.ClockJump(t, by);
    }

    private Fault clockDrift(Entry e) {
        Fields drift = e.fields().object("clockDrift", "node", "ppm");
        Target t = target(drift, "node", e.value().get("node"), false);
        double ppm = drift.number("ppm", 0, -999_999, 1_000_000);
        return t == null ? null : new Fault.ClockDrift(t, ppm);
    }

    /** A delay spike lasts its for: or until its until: (not both); the spike ends itself. */
    private Fault delaySpike(Entry e) {
        Fields spike = e.fields().object("delaySpike", "node", "extra", "for");
        Target t = spike.has("node") ? target(spike, "node", e.value().get("node"), false) : new Target.All();
        long extra = spike.durationNanos("extra", 10_000_000, 0, MAX);
        if (spike.has("for") && e.untilNanos() >= 0) {
            e.fields().report(e.node().get("until"), "until", "a delay spike ends after its for: or at its until:, not both");
        }
        long length = e.untilNanos() > e.atNanos() ? e.untilNanos() - e.atNanos() : spike.durationNanos("for", 1_000_000_000, 0, MAX);
        return t == null ? null : new Fault.DelaySpike(t, extra, length);
    }

    private static final long MAX = ScenarioBinder.MAX_DURATION_NANOS;

    private long time(Fields f, String key, long fallback) {
        long t = f.durationNanos(key, fallback, 0, MAX);
        if (t > durationNanos) {
            f.report(f.value(key), key, Units.formatDuration(t) + " is past the end of the run (duration " + Units.formatDuration(durationNanos) + ")");
        }
        return t;
    }

    /** A node id, a list of ids, a role of the protocol (primary, leader), or "all" (where allowed). */
    private Target target(Fields f, String key, Node value, boolean allowAll) {
        if (value == null) {
            return null;
        }
        if (value.kind == Node.Kind.LIST) {
            int[] ids = new int[value.items.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = checkedId(f, key, value.items.get(i));
                if (ids[i] < 0) {
                    return null;
                }
            }
            if (ids.length == 0) {
                f.report(value, key, "an empty list of nodes");
                return null;
            }
            return new Target.Nodes(ids);
        }
        if (value.kind == Node.Kind.STRING) {
            if (protocol.roles().contains(value.text)) {
                return new Target.Role(value.text);
            }
            if (value.text.equals("all")) {
                if (allowAll) {
                    return new Target.All();
                }
                f.report(value, key, "'all' is allowed only for recover; name the nodes");
                return null;
            }
            if (Protocols.roles().contains(value.text)) {  // another protocol's name for it
                f.report(value, key, protocol.name() + " has no role '" + value.text + "'; did you mean '" + protocol.roles().get(0)
                        + "'? Roles in " + protocol.name() + ": " + String.join(", ", protocol.roles()));
                return null;
            }
            String suggestion = DidYouMean.closest(value.text, protocol.roles());
            if (suggestion != null) {
                f.report(value, key, "'" + value.text + "' is not a node id or a role of " + protocol.name() + "; did you mean '" + suggestion + "'?");
                return null;
            }
        }
        int id = checkedId(f, key, value);
        return id < 0 ? null : new Target.Nodes(id);
    }

    private int nodeId(Fields f, String key, Node value) {
        if (value == null) {
            f.report(null, key, "missing; give a node id");
            return -1;
        }
        return checkedId(f, key, value);
    }

    private int checkedId(Fields f, String key, Node value) {
        int last = servers == Integer.MAX_VALUE ? Integer.MAX_VALUE : servers + clients - 1;
        try {
            if (value.kind != Node.Kind.NUMBER) {
                throw new NumberFormatException();
            }
            int id = Integer.parseInt(value.text.trim());
            if (id < 0 || id > last) {
                f.report(value, key, "node " + id + " does not exist; servers are 0.." + (servers - 1)
                        + (clients > 0 ? ", clients " + servers + ".." + last : ""));
                return -1;
            }
            return id;
        } catch (NumberFormatException e) {
            f.report(value, key, "expected a node id (0.." + (servers == Integer.MAX_VALUE ? "n-1" : Integer.toString(servers - 1))
                    + "), a list of ids, or " + String.join("/", protocol.roles()) + "; found " + value.describe());
            return -1;
        }
    }

    private int[][] groups(Fields f, Node value) {
        if (value.kind != Node.Kind.LIST || value.items.isEmpty()) {
            f.report(value, "partition", "expected a list of groups of node ids, e.g. [[0, 1], [2, 3]]; found " + value.describe());
            return null;
        }
        int[][] groups = new int[value.items.size()][];
        java.util.TreeSet<Integer> seen = new java.util.TreeSet<>();
        for (int g = 0; g < groups.length; g++) {
            Node group = value.items.get(g);
            if (group.kind != Node.Kind.LIST) {
                f.report(group, "partition", "group " + g + " must be a list of node ids, found " + group.describe());
                return null;
            }
            groups[g] = new int[group.items.size()];
            for (int i = 0; i < groups[g].length; i++) {
                int id = checkedId(f, "partition", group.items.get(i));
                if (id < 0) {
                    return null;
                }
                if (!seen.add(id)) {
                    f.report(group.items.get(i), "partition", "node " + id + " is in two groups");
                    return null;
                }
                groups[g][i] = id;
            }
        }
        return groups;
    }
}
