package quorumsim.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quorumsim.result.Violation;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * A PBFT agreement violation told as a story: the two replicas that executed different
 * batches at one sequence number, the certificate behind each execution (whose pre-prepare,
 * prepares and commits it had when it executed), the replicas the two quorums share, and why
 * quorum intersection was supposed to put a correct replica in both.
 *
 * <p>Built from the trace lines of the violation's sequence number, which the caller gets by
 * running the same seed again (the run is deterministic) with {@link #keeps} as the filter;
 * read only from the message text, as the diagram does.
 *
 */
public final class ViolationStory {
    public static final String DIAGRAM = "violation.svg";

    private final long sequence;
    private final List<String> lines;
    private final DiagramWindow window;
    private final Set<Long> dashed;

    private ViolationStory(long sequence, List<String> lines, DiagramWindow window, Set<Long> dashed) {
        this.sequence = sequence;
        this.lines = lines;
        this.window = window;
        this.dashed = dashed;
    }

    /** The sequence number both replicas executed. */
    public long sequence() {
        return sequence;
    }

    /** The story, one sentence a line (indented lines list a certificate), for the terminal and the page. */
    public List<String> lines() {
        return lines;
    }

    /** The messages of both certificates and the two executions, for violation.svg. */
    DiagramWindow window() {
        return window;
    }

    /** Message ids that carry the second digest (drawn dashed). */
    Set<Long> dashed() {
        return dashed;
    }

    private static final Pattern AGREEMENT = Pattern.compile(
            "seq (\\d+): (\\S+) executed digest ([0-9a-f]+) .*? but (\\S+) executed digest ([0-9a-f]+)");
    private static final Pattern PHASE = Pattern.compile("^(\\w+)\\[view=(\\d+), seq=(\\d+), digest=(-?\\d+)");
    private static final Pattern EXECUTED = Pattern.compile("replica=(\\d+), view=(\\d+), seq=(\\d+), digest=(-?\\d+)");
    private static final Pattern REQUEST = Pattern.compile("Request\\[client=(\\d+), stream=\\d+, timestamp=(\\d+), op=([^,\\]]+)");
    private static final Pattern BEHAVIOUR = Pattern.compile("replica=(\\d+), behaviour=([\\w-]+), enabled=true");

    /** The first agreement violation, if the run has one a story can be told of. */
    public static Optional<Violation> firstAgreement(List<Violation> violations) {
        return violations.stream().filter(v -> v.kind().equals("agreement") && AGREEMENT.matcher(v.detail()).find()).findFirst();
    }

    /** The sequence number an agreement violation is about. */
    public static long sequenceOf(Violation agreement) {
        Matcher m = AGREEMENT.matcher(agreement.detail());
        if (!m.find()) {
            throw new IllegalArgumentException("not an agreement violation: " + agreement.detail());
        }
        return Long.parseLong(m.group(1));
    }

    /** Whether the replay keeps a trace line: the messages and executions of {@code sequence}, and who turned Byzantine. */
    public static boolean keeps(TraceEvent e, long sequence) {
        String d = e.detail();
        if (d == null) {
            return false;
        }
        if (e.kind() == TraceKind.OBSERVE && e.type().equals("Behaviour")) {
            return true;
        }
        boolean message = e.kind() == TraceKind.SEND || e.kind() == TraceKind.DELIVER || e.kind() == TraceKind.DROP;
        boolean executed = e.kind() == TraceKind.OBSERVE && e.type().equals("Executed");
        return (message || executed) && (d.contains("seq=" + sequence + ",") || d.contains("seq=" + sequence + "]"));
    }

    /** One replica's execution and the certificate it had then. */
    private record Execution(int replica, long view, long digest, long timeNanos, String batch, TraceEvent prePrepare,
                             List<TraceEvent> prepares, List<TraceEvent> commits, boolean ownPrepare, boolean ownCommit) {
        /** The replicas whose votes the execution rested on: its commit quorum, or its prepare quorum where it had no commits. */
        TreeSet<Integer> quorum() {
            TreeSet<Integer> q = new TreeSet<>();
            if (!commits.isEmpty() || ownCommit) {
                commits.forEach(c -> q.add(c.peer()));
                if (ownCommit) {
                    q.add(replica);
                }
                return q;
            }
            if (prePrepare != null) {
                q.add(prePrepare.peer());
            }
            prepares.forEach(p -> q.add(p.peer()));
            if (ownPrepare) {
                q.add(replica);
            }
            return q;
        }

        boolean committed() {
            return !commits.isEmpty() || ownCommit;
        }
    }

    /**
     * The story of {@code agreement}, from the replayed trace lines {@link #keeps} kept;
     * empty when the trace does not hold both executions.
     *
     * @param values the configuration in force ("n", "f", "quorum"), as the summary prints it
     */
    public static Optional<ViolationStory> of(Violation agreement, List<TraceEvent> replay, List<String> lanes, Map<String, String> values) {
        Matcher m = AGREEMENT.matcher(agreement.detail());
        if (!m.find()) {
            return Optional.empty();
        }
        long seq = Long.parseLong(m.group(1));
        int first = lanes.indexOf(m.group(2));
        int second = lanes.indexOf(m.group(4));
        Optional<Execution> a = execution(replay, first, seq, m.group(3), lanes);
        Optional<Execution> b = execution(replay, second, seq, m.group(5), lanes);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, String> byzantine = new TreeMap<>();
        for (TraceEvent e : replay) {
            Matcher bm = e.kind() == TraceKind.OBSERVE ? BEHAVIOUR.matcher(e.detail()) : null;
            if (bm != null && bm.find() && e.timeNanos() <= agreement.time() * 1e9) {
                byzantine.put(Integer.parseInt(bm.group(1)), bm.group(2));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("Sequence number " + seq + ", replayed from the seed:");
        if (byzantine.isEmpty()) {
            lines.add("No replica is Byzantine: every replica follows the protocol as configured.");
        } else {
            List<String> who = new ArrayList<>();
            byzantine.forEach((r, how) -> who.add(lanes.get(r) + " (" + how + ")"));
            lines.add("Byzantine: " + String.join(", ", who) + "; every other replica is correct.");
        }
        Integer prepares = firstNumber(values.get("prepared"));
        Integer commits = firstNumber(values.get("committed"));
        tell(lines, a.get(), "A", m.group(3), lanes, prepares, commits);
        tell(lines, b.get(), "B", m.group(5), lanes, prepares, commits);
        TreeSet<Integer> qa = a.get().quorum();
        TreeSet<Integer> qb = b.get().quorum();
        TreeSet<Integer> shared = new TreeSet<>(qa);
        shared.retainAll(qb);
        TreeSet<Integer> correctShared = new TreeSet<>(shared);
        correctShared.removeAll(byzantine.keySet());
        String qaName = a.get().committed() ? "commit quorum" : "prepare quorum";
        String qbName = b.get().committed() ? "commit quorum" : "prepare quorum";
        String intersection = shared.isEmpty() ? "share no replica"
                : "share " + names(shared, lanes) + (correctShared.isEmpty()
                        ? (shared.size() == 1 ? ", which is Byzantine" : ", all Byzantine") : ", of which " + names(correctShared, lanes) + (correctShared.size() == 1 ? " is" : " are") + " correct");
        lines.add("The " + qaName + " of A " + names(qa, lanes) + " and the " + qbName + " of B " + names(qb, lanes) + " " + intersection + ".");
        lines.add(why(values, byzantine.size(), correctShared.isEmpty(), a.get().committed() && b.get().committed()));
        DiagramWindow window = diagram(replay, lanes, seq, a.get(), b.get(), m.group(3), m.group(5));
        Set<Long> dashed = new HashSet<>();
        certificate(b.get()).forEach(t -> dashed.add(t.messageId()));
        return Optional.of(new ViolationStory(seq, List.copyOf(lines), window, Set.copyOf(dashed)));
    }

    private static void tell(List<String> lines, Execution e, String letter, String digestHex, List<String> lanes, Integer prepares,
                             Integer commits) {
        String who = lanes.get(e.replica());
        lines.add(String.format(Locale.ROOT, "%s executed digest %s = %s (%s) at %s in view %d, on:", who, letter, digestHex, e.batch(),
                Units.millis(e.timeNanos()), e.view()));
        lines.add("    pre-prepare " + (e.prePrepare() == null ? "none received (it is the primary)" : "from " + lanes.get(e.prePrepare().peer())));
        lines.add("    prepares    " + senders(e.prepares(), e.ownPrepare(), e.replica(), lanes) + needed(prepares));
        lines.add("    commits     " + (e.committed() ? senders(e.commits(), e.ownCommit(), e.replica(), lanes) + needed(commits)
                : "none: it executed without a commit certificate"));
    }

    private static String needed(Integer count) {
        return count == null ? "" : " (" + count + " needed)";
    }

    /** The first whole number in a configuration value: 2 in "pre-prepare + 2 matching prepares". */
    private static Integer firstNumber(String text) {
        Matcher m = text == null ? null : Pattern.compile("(\\d+)").matcher(text);
        return m != null && m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static String senders(List<TraceEvent> votes, boolean own, int self, List<String> lanes) {
        TreeSet<Integer> from = new TreeSet<>();
        votes.forEach(v -> from.add(v.peer()));
        from.remove(self);
        String list = from.isEmpty() ? "" : "from " + names(from, lanes).replaceAll("[{}]", "");
        if (own) {
            list += (list.isEmpty() ? "" : " and ") + "its own";
        }
        return list.isEmpty() ? "none" : list;
    }

    /** The rule the run broke, in numbers. */
    private static String why(Map<String, String> values, int byzantine, boolean noCorrectShared, boolean bothCommitted) {
        Integer n = integer(values.get("n"));
        Integer f = integer(values.get("f"));
        Integer q = integer(values.get("quorum"));
        if (n == null || f == null || q == null) {
            return "Two quorums must share a correct replica, which votes for one digest per sequence number; here none did.";
        }
        int overlap = 2 * q - n;
        String rule = String.format(Locale.ROOT, "Any two quorums of %d out of n = %d share at least 2q - n = %d replica%s",
                q, n, overlap, overlap == 1 ? "" : "s");
        if (overlap <= f) {
            return rule + ", and with f = " + f + " those may all be Byzantine: PBFT's quorum of ceil((n+f+1)/2) = "
                    + (n + f + 2) / 2 + " makes the overlap at least f + 1 = " + (f + 1) + ", so one is correct.";
        }
        if (byzantine > f) {
            return rule + " >= f + 1 = " + (f + 1) + ", but " + byzantine + " replicas are Byzantine, more than f = " + f
                    + ": the shared replicas can all be faulty.";
        }
        if (!bothCommitted) {
            return rule + ", one of them correct; a correct replica prepares one digest per view, but the commit phase is what"
                    + " carries a prepared digest into the next view: an execution without a commit certificate can be undone by a view change.";
        }
        return rule + (noCorrectShared ? "; here every shared replica is faulty." : ".");
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String names(Set<Integer> ids, List<String> lanes) {
        List<String> out = new ArrayList<>();
        ids.forEach(i -> out.add(lanes.get(i)));
        return "{" + String.join(", ", out) + "}";
    }

    private static Optional<Execution> execution(List<TraceEvent> replay, int replica, long seq, String digestHex, List<String> lanes) {
        if (replica < 0) {
            return Optional.empty();
        }
        long digest = Long.parseUnsignedLong(digestHex, 16);
        TraceEvent executed = null;
        long view = -1;
        for (TraceEvent e : replay) {
            if (e.kind() == TraceKind.OBSERVE && e.type().equals("Executed") && e.node() == replica) {
                Matcher m = EXECUTED.matcher(e.detail());
                if (m.find() && Long.parseLong(m.group(3)) == seq && Long.parseLong(m.group(4)) == digest) {
                    executed = e;
                    view = Long.parseLong(m.group(2));
                    break;
                }
            }
        }
        if (executed == null) {
            return Optional.empty();
        }
        TraceEvent prePrepare = null;
        List<TraceEvent> prepares = new ArrayList<>();
        List<TraceEvent> commits = new ArrayList<>();
        boolean ownPrepare = false;
        boolean ownCommit = false;
        for (TraceEvent e : replay) {
            if (e.timeNanos() > executed.timeNanos()) {
                break;
            }
            Matcher m = e.kind() == TraceKind.SEND || e.kind() == TraceKind.DELIVER ? PHASE.matcher(e.detail()) : null;
            if (m == null || !m.find() || Long.parseLong(m.group(3)) != seq || Long.parseLong(m.group(4)) != digest
                    || Long.parseLong(m.group(2)) != view) {
                continue;
            }
            boolean in = e.kind() == TraceKind.DELIVER && e.node() == replica;
            boolean out = e.kind() == TraceKind.SEND && e.node() == replica;
            switch (m.group(1)) {
                case "PrePrepare" -> prePrepare = in && prePrepare == null ? e : prePrepare;
                case "Prepare" -> {
                    if (in) {
                        prepares.add(e);
                    }
                    ownPrepare |= out;
                }
                case "Commit" -> {
                    if (in) {
                        commits.add(e);
                    }
                    ownCommit |= out;
                }
                default -> {
                }
            }
        }
        return Optional.of(new Execution(replica, view, digest, executed.timeNanos(), batch(executed.detail(), lanes), prePrepare,
                prepares, commits, ownPrepare, ownCommit));
    }

    /** "c1: put k52 c5.1" for a batch of one, "an empty batch", or "3 requests". */
    private static String batch(String executed, List<String> lanes) {
        Matcher m = REQUEST.matcher(executed);
        List<String> requests = new ArrayList<>();
        while (m.find()) {
            int client = Integer.parseInt(m.group(1));
            requests.add((client < lanes.size() ? lanes.get(client) : "client " + client) + " t=" + m.group(2) + ": " + m.group(3));
        }
        if (requests.isEmpty()) {
            return "an empty batch";
        }
        return requests.size() == 1 ? requests.get(0) : requests.size() + " requests, first " + requests.get(0);
    }

    private static List<TraceEvent> certificate(Execution e) {
        List<TraceEvent> out = new ArrayList<>();
        if (e.prePrepare() != null) {
            out.add(e.prePrepare());
        }
        out.addAll(e.prepares());
        out.addAll(e.commits());
        return out;
    }

    /** The certificates' messages (each from its send to its delivery) and the two executions, on the replicas' lanes. */
    private static DiagramWindow diagram(List<TraceEvent> replay, List<String> lanes, long seq, Execution a, Execution b, String hexA, String hexB) {
        Set<Long> ids = new HashSet<>();
        certificate(a).forEach(e -> ids.add(e.messageId()));
        certificate(b).forEach(e -> ids.add(e.messageId()));
        List<TraceEvent> sends = new ArrayList<>();
        for (TraceEvent e : replay) {
            if (e.kind() == TraceKind.SEND && ids.contains(e.messageId())) {
                sends.add(e);
            }
        }
        List<TraceEvent> delivered = new ArrayList<>();
        for (TraceEvent e : replay) {
            boolean counted = e.kind() == TraceKind.DELIVER && ids.contains(e.messageId()) && (e.node() == a.replica() || e.node() == b.replica());
            if (e.kind() != TraceKind.DELIVER || counted) {
                delivered.add(e);
            }
        }
        List<Integer> replicas = new ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            if (!DiagramWindow.isClient(lanes.get(i))) {
                replicas.add(i);
            }
        }
        long from = sends.stream().mapToLong(TraceEvent::timeNanos).min().orElse(0);
        long to = Math.max(a.timeNanos(), b.timeNanos());
        String caption = String.format(Locale.ROOT, "sequence number %d: solid = digest A %s (executed by %s), dashed = digest B %s (executed by %s)",
                seq, hexA, lanes.get(a.replica()), hexB, lanes.get(b.replica()));
        DiagramWindow w = DiagramWindow.build(delivered, lanes, DiagramOptions.timeRange(from, to).withLanes(replicas), sends, caption);
        List<TraceEvent> marks = new ArrayList<>(w.nodeEvents());
        marks.add(new TraceEvent(a.timeNanos(), TraceKind.OBSERVE, a.replica(), -1, "Executed", -1, 0, "executes A"));
        marks.add(new TraceEvent(b.timeNanos(), TraceKind.OBSERVE, b.replica(), -1, "Executed", -1, 0, "executes B"));
        marks.sort((x, y) -> Long.compare(x.timeNanos(), y.timeNanos()));
        return new DiagramWindow(w.arrows(), marks, w.lanes(), w.fromNanos(), w.toNanos(), w.downAtStart(), caption);
    }

}
