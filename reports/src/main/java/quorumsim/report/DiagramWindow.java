package quorumsim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * The part of a trace a sequence diagram shows: the messages of the window (each SEND paired
 * with its DELIVERs or its DROP by message id), the crashes, recoveries, pauses and faults in
 * the drawn time span, and which lanes to draw.
 *
 * @param arrows          one per delivery or drop of a selected message, or one per message
 *                        still in flight at the end of the trace, in send order
 * @param nodeEvents      CRASH, RECOVER, PAUSE, RESUME and FAULT lines within the drawn span
 * @param lanes           node ids to draw, left to right
 * @param fromNanos       top of the diagram
 * @param toNanos         bottom of the diagram
 * @param downAtStart     node ids crashed when the diagram starts
 * @param caption         what the window is, in words
 */
record DiagramWindow(List<Arrow> arrows, List<TraceEvent> nodeEvents, List<Integer> lanes, long fromNanos,
                     long toNanos, Set<Integer> downAtStart, String caption) {

    enum Fate { DELIVERED, DROPPED, IN_FLIGHT }

    /** More arrows than this are no longer readable, and make the page heavy: the window is cut. */
    static final int MAX_MESSAGES = 1500;

    /**
     * One message copy: from the sender's lane at send time to the receiver's lane at
     * {@code endNanos}. A dropped one says why ("crashed": it reached a crashed node;
     * "partition", "loss": it never left the network).
     */
    record Arrow(long messageId, String type, int from, int to, long sendNanos, long endNanos, Fate fate,
                 String detail, int sizeBytes, String dropReason) {
    }

    /** A request: a client's sends of one message at one instant (PBFT's multicast to every replica). */
    private record Request(int client, long timeNanos, List<TraceEvent> sends) {
    }

    /** Client lanes are named "client..." or, as the protocols name them, "c" and a number. */
    static boolean isClient(String laneName) {
        return laneName.toLowerCase(Locale.ROOT).startsWith("client") || laneName.matches("c[0-9]+");
    }

    static DiagramWindow of(List<TraceEvent> trace, List<String> laneNames, DiagramOptions options) {
        List<TraceEvent> sends;
        String caption;
        if (options.selection() instanceof DiagramOptions.TimeRange range) {
            sends = new ArrayList<>();
            for (TraceEvent e : trace) {
                if (e.kind() == TraceKind.SEND && e.timeNanos() >= range.fromNanos() && e.timeNanos() <= range.toNanos()) {
                    sends.add(e);
                }
            }
            caption = String.format(Locale.ROOT, "messages sent from %s to %s", Units.millis(range.fromNanos()),
                    Units.millis(range.toNanos()));
        } else {
            DiagramOptions.Requests requests = (DiagramOptions.Requests) options.selection();
            sends = causedBy(trace, laneNames, requests);
            int last = requests.first() + requests.count() - 1;
            caption = requests.count() == 1 ? "request " + requests.first() + describe(sends, laneNames) + " and the messages it causes"
                    : "requests " + requests.first() + " to " + last + " and the messages they cause";
        }
        if (sends.size() > MAX_MESSAGES) {
            caption += String.format(Locale.ROOT, " (the first %d of %d messages; choose a narrower window)", MAX_MESSAGES, sends.size());
            sends = sends.subList(0, MAX_MESSAGES);
        }
        return build(trace, laneNames, options, sends, caption);
    }

    private static final Pattern ZK_OP = Pattern.compile("op=Op\\[kind=(\\w+), path=([^,\\]]*)");
    private static final Pattern OP = Pattern.compile("op=([^,\\]]+)");

    /** " (c12 → s2: CREATE /c12)": who sent the request where, and its operation if the message names one. */
    private static String describe(List<TraceEvent> sends, List<String> laneNames) {
        if (sends.isEmpty()) {
            return " (not in the recorded part of the run)";
        }
        TraceEvent r = sends.get(0);
        String detail = r.detail() == null ? "" : r.detail();
        Matcher zk = ZK_OP.matcher(detail);
        Matcher op = OP.matcher(detail);
        String what = zk.find() ? ": " + zk.group(1) + " " + zk.group(2) : op.find() ? ": " + op.group(1) : "";
        return " (" + name(laneNames, r.node()) + " \u2192 " + name(laneNames, r.peer()) + what + ")";
    }

    private static String name(List<String> laneNames, int node) {
        return node >= 0 && node < laneNames.size() ? laneNames.get(node) : "node " + node;
    }

    /**
     * The sends of the chosen requests and every send they trigger, transitively: a node's
     * sends belong to the message whose handling released them, the last DELIVER at that
     * node before them (the engine releases a handler's sends when its CPU work completes,
     * before the node starts its next job). Sends after a TIMER belong to no request. So
     * late replies to a chosen request are in, and other clients' concurrent requests, even
     * where they share a server, are out. Exact for single-core nodes; on a node with several
     * cores a send is credited to the latest delivery, which may be a concurrent one.
     */
    private static List<TraceEvent> causedBy(List<TraceEvent> trace, List<String> laneNames, DiagramOptions.Requests chosen) {
        List<Request> requests = requests(trace, laneNames);
        int firstIndex = chosen.first() - 1;
        if (firstIndex >= requests.size()) {
            return List.of();
        }
        int lastIndex = Math.min(requests.size(), firstIndex + chosen.count()) - 1;
        List<TraceEvent> chosenSends = new ArrayList<>();
        for (int i = firstIndex; i <= lastIndex; i++) {
            chosenSends.addAll(requests.get(i).sends());
        }
        Optional<List<TraceEvent>> named = CallThread.follow(trace, chosenSends);
        if (named.isPresent()) {
            return named.get();
        }
        Set<Long> selected = new HashSet<>();
        chosenSends.forEach(send -> selected.add(send.messageId()));
        Set<Integer> clients = new HashSet<>();
        requests.forEach(r -> clients.add(r.client()));
        Map<Integer, Boolean> handlingSelected = new HashMap<>();
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : trace) {
            switch (e.kind()) {
                case SEND -> {
                    boolean chosenRequest = selected.contains(e.messageId());
                    boolean triggered = !clients.contains(e.node()) && handlingSelected.getOrDefault(e.node(), false);
                    if (chosenRequest || triggered) {
                        selected.add(e.messageId());
                        out.add(e);
                    }
                }
                case DELIVER -> handlingSelected.put(e.node(), selected.contains(e.messageId()));
                case TIMER, CRASH, RECOVER -> handlingSelected.put(e.node(), false);
                default -> {
                }
            }
        }
        return out;
    }

    private static boolean isClientLane(List<String> laneNames, int node) {
        return node >= 0 && node < laneNames.size() && isClient(laneNames.get(node));
    }

    /**
     * Requests in the order clients send them. Client lanes are those named "client..." or
     * "c" and a number; a run whose lanes name no client falls back on messages whose type
     * reads as a request. Where clients send requests (by their type) besides other messages
     * (ZooKeeper's connects and pings), only the requests count.
     */
    private static List<Request> requests(List<TraceEvent> trace, List<String> laneNames) {
        boolean namedClients = laneNames.stream().anyMatch(DiagramWindow::isClient);
        boolean typedRequests = trace.stream().anyMatch(e -> e.kind() == TraceKind.SEND
                && (!namedClients || isClientLane(laneNames, e.node())) && MessageKind.of(e.type()) == MessageKind.REQUEST);
        List<Request> out = new ArrayList<>();
        Map<Integer, Request> lastByClient = new HashMap<>();
        for (TraceEvent e : trace) {
            if (e.kind() != TraceKind.SEND) {
                continue;
            }
            boolean fromClient = namedClients ? isClientLane(laneNames, e.node()) : MessageKind.of(e.type()) == MessageKind.REQUEST;
            if (!fromClient || (typedRequests && MessageKind.of(e.type()) != MessageKind.REQUEST)) {
                continue;
            }
            Request last = lastByClient.get(e.node());
            if (last != null && last.timeNanos() == e.timeNanos() && Objects.equals(last.sends().get(0).detail(), e.detail())) {
                last.sends().add(e);
            } else {
                Request r = new Request(e.node(), e.timeNanos(), new ArrayList<>(List.of(e)));
                out.add(r);
                lastByClient.put(e.node(), r);
            }
        }
        return out;
    }

    static DiagramWindow build(List<TraceEvent> trace, List<String> laneNames, DiagramOptions options,
                                       List<TraceEvent> sends, String caption) {
        Map<Long, List<TraceEvent>> endings = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        for (TraceEvent s : sends) {
            ids.add(s.messageId());
        }
        for (TraceEvent e : trace) {
            if ((e.kind() == TraceKind.DELIVER || e.kind() == TraceKind.DROP) && ids.contains(e.messageId())) {
                endings.computeIfAbsent(e.messageId(), id -> new ArrayList<>()).add(e);
            }
        }
        List<Integer> lanes = lanes(laneNames, options, sends);
        Set<Integer> shown = new HashSet<>(lanes);
        List<Arrow> arrows = new ArrayList<>();
        long fromNanos = Long.MAX_VALUE;
        long toNanos = Long.MIN_VALUE;
        for (TraceEvent s : sends) {
            if (!shown.contains(s.node()) || !shown.contains(s.peer())) {
                continue;
            }
            fromNanos = Math.min(fromNanos, s.timeNanos());
            toNanos = Math.max(toNanos, s.timeNanos());
            List<TraceEvent> ends = endings.getOrDefault(s.messageId(), List.of());
            if (ends.isEmpty()) {
                arrows.add(new Arrow(s.messageId(), s.type(), s.node(), s.peer(), s.timeNanos(), s.timeNanos(),
                        Fate.IN_FLIGHT, s.detail(), s.sizeBytes(), null));
            }
            for (TraceEvent end : ends) {
                Fate fate = end.kind() == TraceKind.DELIVER ? Fate.DELIVERED : Fate.DROPPED;
                arrows.add(new Arrow(s.messageId(), s.type(), s.node(), s.peer(), s.timeNanos(), end.timeNanos(), fate,
                        s.detail(), s.sizeBytes(), fate == Fate.DROPPED ? end.detail() : null));
                toNanos = Math.max(toNanos, end.timeNanos());
            }
        }
        if (options.selection() instanceof DiagramOptions.TimeRange range) {
            fromNanos = range.fromNanos();
            toNanos = Math.max(toNanos, range.toNanos());
        }
        if (fromNanos == Long.MAX_VALUE) {
            fromNanos = 0;
            toNanos = 0;
        }
        Set<Integer> down = new HashSet<>();
        List<TraceEvent> nodeEvents = new ArrayList<>();
        for (TraceEvent e : trace) {
            boolean nodeEvent = e.kind() == TraceKind.CRASH || e.kind() == TraceKind.RECOVER || e.kind() == TraceKind.PAUSE
                    || e.kind() == TraceKind.RESUME || e.kind() == TraceKind.FAULT;
            if (!nodeEvent) {
                continue;
            }
            if (e.timeNanos() < fromNanos) {
                if (e.kind() == TraceKind.CRASH) {
                    down.add(e.node());
                } else if (e.kind() == TraceKind.RECOVER) {
                    down.remove(e.node());
                }
            } else if (e.timeNanos() <= toNanos) {
                nodeEvents.add(e);
            }
        }
        return new DiagramWindow(arrows, nodeEvents, lanes, fromNanos, toNanos, down, caption);
    }

    /**
     * The lanes asked for, or, as in the lecture figures, the clients that send or receive in
     * the window on the left and every server after them.
     */
    private static List<Integer> lanes(List<String> laneNames, DiagramOptions options, List<TraceEvent> sends) {
        if (!options.lanes().isEmpty()) {
            for (int id : options.lanes()) {
                if (id < 0 || id >= laneNames.size()) {
                    throw new IllegalArgumentException("diagram lane " + id + " is not a node; nodes are 0.." + (laneNames.size() - 1));
                }
            }
            return options.lanes();
        }
        Set<Integer> involved = new HashSet<>();
        for (TraceEvent s : sends) {
            involved.add(s.node());
            involved.add(s.peer());
        }
        List<Integer> clients = new ArrayList<>();
        List<Integer> servers = new ArrayList<>();
        for (int id = 0; id < laneNames.size(); id++) {
            if (!isClient(laneNames.get(id))) {
                servers.add(id);
            } else if (involved.contains(id)) {
                clients.add(id);
            }
        }
        clients.addAll(servers);
        return clients;
    }
}
