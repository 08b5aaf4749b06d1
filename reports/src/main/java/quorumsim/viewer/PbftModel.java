package quorumsim.viewer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.viewer.RecordText.Rec;

/**
 * PBFT replicas and clients as their trace shows them (OSDI'99 section 4). For a replica: its
 * view (from its VIEW-INSTALLED observations), the water marks h and H = h + L (h from its
 * stable checkpoint), the last sequence number it executed, each slot's certificates gathered
 * from the PRE-PREPARE, PREPARE and COMMIT messages it received or sent (who sent which digest,
 * per view), the VIEW-CHANGE messages it holds for views above its own, and the last NEW-VIEW's
 * V and O sets. For a client: its outstanding requests and the replies gathered for each.
 */
final class PbftModel implements StateModel {
    static final int STATUS = 0;
    static final int LOG = 1;
    static final int VIEW_CHANGE = 2;
    static final int SLOTS = 3;
    static final int REQUESTS = 1;
    /** Items of a NEW-VIEW's O set shown before "more". */
    private static final int O_SHOWN = 64;

    private final int servers;
    private final int quorum;
    private final long logWindow;
    private final Replica[] replicas;
    private final Map<Integer, Client> clients = new HashMap<>();
    /** The requests a (seq, digest) carries, from the pre-prepares seen: what a PREPARE or COMMIT is about. */
    private final Map<String, String> requestsOf = new HashMap<>();

    PbftModel(int servers, int quorum, long logWindow) {
        this.servers = servers;
        this.quorum = quorum;
        this.logWindow = logWindow;
        this.replicas = new Replica[servers];
        for (int i = 0; i < servers; i++) {
            replicas[i] = new Replica(i);
        }
    }

    @Override
    public Facts facts(int from, int to, String type, Rec m) {
        if (m == null) {
            return Facts.NONE;
        }
        switch (type) {
            case "Request":
                return new Facts(null, request(m));
            case "Reply":
                return new Facts(null, request(m));
            case "PrePrepare": {
                StringJoiner labels = new StringJoiner(" ");
                for (Object item : m.list("batch")) {
                    if (item instanceof Rec r) {
                        labels.add(request(r));
                    }
                }
                String key = m.text("seq") + ":" + m.text("digest");
                String requests = labels.length() == 0 ? null : labels.toString();
                if (requests != null) {
                    requestsOf.put(key, requests);
                }
                return new Facts(m.text("seq"), requests);
            }
            case "Prepare":
            case "Commit":
                return new Facts(m.text("seq"), requestsOf.get(m.text("seq") + ":" + m.text("digest")));
            case "Checkpoint":
                return new Facts(m.text("seq"), null);
            default:
                return Facts.NONE;
        }
    }

    /** A request's label: its client node and timestamp, {@code @4:17} ({@code @4/1:17} for a client's second stream). */
    static String request(Rec r) {
        long stream = r.number("stream", 0);
        return Display.node(r.number("client", -1)) + (stream == 0 ? "" : "/" + stream) + ":" + r.text("timestamp");
    }

    @Override
    public void start(Deltas out) {
        for (Replica r : replicas) {
            out.set(r.id, STATUS, "view", "0 (primary " + Display.node(0) + ")");
            out.set(r.id, LOG, "water marks", "h = 0, H = " + logWindow);
            out.set(r.id, LOG, "stable checkpoint", "0");
            out.set(r.id, LOG, "last executed", "0");
        }
    }

    @Override
    public void sent(int node, int to, String type, Rec m, Deltas out) {
        if (node < servers && m != null) {
            replicas[node].message(type, m, out);
        }
    }

    @Override
    public void delivered(int node, int from, String type, Rec m, Deltas out) {
        if (m == null) {
            return;
        }
        if (node < servers) {
            replicas[node].message(type, m, out);
        } else if (type.equals("Reply")) {
            client(node).reply(m, out);
        }
    }

    @Override
    public void observed(int node, String type, Rec o, Deltas out) {
        if (o == null) {
            return;
        }
        switch (type) {
            case "ViewInstalled" -> replica(o, "replica").viewInstalled(o.number("view", 0), out);
            case "Executed" -> replica(o, "replica").executed(o.number("seq", 0), out);
            case "CheckpointSaved" -> replica(o, "replica").stable(o.number("seq", 0), out);
            case "Issued" -> client(node).issued(o, out);
            case "Accepted" -> client(node).accepted(o, out);
            default -> { }
        }
    }

    @Override
    public void crashed(int node, boolean up, Deltas out) {
        if (node >= servers) {
            return;
        }
        if (up) {
            out.set(node, STATUS, "process", "recovered");
            return;
        }
        Replica r = replicas[node];
        r.slots.clear();
        r.viewChanges.clear();
        out.removeGroup(node, SLOTS);
        out.removeGroup(node, VIEW_CHANGE);
        out.set(node, STATUS, "process", "crashed: its log and the messages it held are lost");
    }

    private Replica replica(Rec o, String field) {
        int id = (int) o.number(field, -1);
        if (id < 0 || id >= servers) {
            throw new IllegalStateException("an observation names replica " + id + " of " + servers + ": " + o);
        }
        return replicas[id];
    }

    private Client client(int node) {
        return clients.computeIfAbsent(node, Client::new);
    }

    /** One replica's log as the trace shows it. */
    private final class Replica {
        final int id;
        long view;
        long stable;
        long lastExecuted;
        final TreeMap<Long, Slot> slots = new TreeMap<>();
        /** VIEW-CHANGE messages held, by the view they ask for, then by sender. */
        final TreeMap<Long, TreeMap<Integer, String>> viewChanges = new TreeMap<>();

        Replica(int id) {
            this.id = id;
        }

        void message(String type, Rec m, Deltas out) {
            switch (type) {
                case "PrePrepare" -> slot(m.number("seq", -1), out).prePrepare(m, out);
                case "Prepare" -> slot(m.number("seq", -1), out).vote(m, true, out);
                case "Commit" -> slot(m.number("seq", -1), out).vote(m, false, out);
                case "ViewChange" -> viewChange(m, out);
                case "NewView" -> newView(m, out);
                default -> { }
            }
        }

        Slot slot(long seq, Deltas out) {
            return slots.computeIfAbsent(seq, s -> new Slot(this, s));
        }

        void viewChange(Rec m, Deltas out) {
            long newView = m.number("newView", -1);
            int sender = (int) m.number("replica", -1);
            if (sender == id && newView > view) {
                out.set(id, STATUS, "changing view", "sent VIEW-CHANGE for view " + newView);
            }
            if (newView <= view) {
                return;
            }
            StringJoiner prepared = new StringJoiner(",");
            for (Object p : m.list("prepared")) {
                if (p instanceof Rec proof && proof.rec("prePrepare") != null) {
                    prepared.add(proof.rec("prePrepare").text("seq"));
                }
            }
            String entry = "h=" + m.text("stableSeq") + " P={" + prepared + "}";
            viewChanges.computeIfAbsent(newView, v -> new TreeMap<>()).put(sender, entry);
            StringJoiner text = new StringJoiner(" \u00b7 ");
            viewChanges.get(newView).forEach((from, e) -> text.add(Display.node(from) + ": " + e));
            out.set(id, VIEW_CHANGE, "view-changes for view " + newView, viewChanges.get(newView).size() + " held \u00b7 " + text);
        }

        void newView(Rec m, Deltas out) {
            long v = m.number("view", -1);
            StringJoiner senders = new StringJoiner(" ");
            for (Object vc : m.list("viewChanges")) {
                if (vc instanceof Rec r) {
                    senders.add(Display.node(r.number("replica", -1)));
                }
            }
            StringJoiner o = new StringJoiner(", ");
            List<Object> prePrepares = m.list("prePrepares");
            for (int k = 0; k < Math.min(O_SHOWN, prePrepares.size()); k++) {
                if (prePrepares.get(k) instanceof Rec pp) {
                    o.add(pp.text("seq") + " " + (pp.list("batch").isEmpty() ? "null" : Display.digest(pp.text("digest"))));
                }
            }
            for (Object item : prePrepares) {
                if (item instanceof Rec pp) {
                    slot(pp.number("seq", -1), out).prePrepare(pp, out);
                }
            }
            String more = prePrepares.size() > O_SHOWN ? ", \u2026 " + (prePrepares.size() - O_SHOWN) + " more" : "";
            out.set(id, VIEW_CHANGE, "new-view " + v, "from " + Display.node(m.number("replica", -1)) + " \u00b7 V: " + senders
                    + " \u00b7 O (" + prePrepares.size() + "): {" + o + more + "}");
        }

        void viewInstalled(long v, Deltas out) {
            view = v;
            out.set(id, STATUS, "view", v + " (primary " + Display.node(v % servers) + ")");
            out.remove(id, STATUS, "changing view");
            while (!viewChanges.isEmpty() && viewChanges.firstKey() <= v) {
                out.remove(id, VIEW_CHANGE, "view-changes for view " + viewChanges.pollFirstEntry().getKey());
            }
            for (long old = 0; old < v; old++) {
                out.remove(id, VIEW_CHANGE, "new-view " + old);
            }
        }

        void executed(long seq, Deltas out) {
            lastExecuted = Math.max(lastExecuted, seq);
            out.set(id, LOG, "last executed", Long.toString(lastExecuted));
            Slot slot = slots.get(seq);
            if (slot != null) {
                slot.executed = true;
                slot.show(out);
            }
        }

        void stable(long seq, Deltas out) {
            if (seq <= stable) {
                return;
            }
            stable = seq;
            out.set(id, LOG, "stable checkpoint", Long.toString(seq));
            out.set(id, LOG, "water marks", "h = " + seq + ", H = " + (seq + logWindow));
            while (!slots.isEmpty() && slots.firstKey() <= seq) {
                out.remove(id, SLOTS, "slot " + slots.pollFirstEntry().getKey());
            }
        }
    }

    /** One sequence number in one replica's log: per view, the pre-prepare and the votes by digest. */
    private final class Slot {
        final Replica replica;
        final long seq;
        final TreeMap<Long, Certificates> byView = new TreeMap<>();
        boolean executed;

        Slot(Replica replica, long seq) {
            this.replica = replica;
            this.seq = seq;
        }

        void prePrepare(Rec m, Deltas out) {
            Certificates c = certificates(m.number("view", 0));
            c.prePrepare = Display.digest(m.text("digest")) + (m.list("batch").isEmpty() ? " (null request)" : "")
                    + " from " + Display.node(m.number("replica", -1));
            c.prePrepareDigest = m.text("digest");
            show(out);
        }

        void vote(Rec m, boolean prepare, Deltas out) {
            Certificates c = certificates(m.number("view", 0));
            TreeMap<String, TreeSet<Integer>> votes = prepare ? c.prepares : c.commits;
            votes.computeIfAbsent(m.text("digest"), d -> new TreeSet<>()).add((int) m.number("replica", -1));
            show(out);
        }

        Certificates certificates(long view) {
            return byView.computeIfAbsent(view, v -> new Certificates(v));
        }

        void show(Deltas out) {
            StringJoiner text = new StringJoiner(" | ");
            List<Long> views = new ArrayList<>(byView.descendingKeySet());
            for (int k = 0; k < Math.min(2, views.size()); k++) {
                text.add(byView.get(views.get(k)).text());
            }
            out.set(replica.id, SLOTS, "slot " + seq, text + (executed ? " \u00b7 executed" : ""));
        }
    }

    /** The certificates of one view at one slot. */
    private final class Certificates {
        final long view;
        String prePrepare;
        String prePrepareDigest;
        final TreeMap<String, TreeSet<Integer>> prepares = new TreeMap<>();
        final TreeMap<String, TreeSet<Integer>> commits = new TreeMap<>();

        Certificates(long view) {
            this.view = view;
        }

        String text() {
            StringBuilder b = new StringBuilder("v").append(view).append(": pre-prepare ")
                    .append(prePrepare == null ? "none" : prePrepare);
            b.append(" \u00b7 prepares ").append(votes(prepares));
            b.append(" \u00b7 commits ").append(votes(commits));
            if (prePrepareDigest != null) {
                int primary = (int) (view % servers);
                long matchingPrepares = count(prepares, primary);
                long matchingCommits = count(commits, -1);
                if (matchingPrepares >= quorum - 1) {
                    b.append(" \u00b7 prepared");
                }
                if (matchingCommits >= quorum) {
                    b.append(" \u00b7 committed");
                }
            }
            return b.toString();
        }

        private long count(TreeMap<String, TreeSet<Integer>> votes, int except) {
            TreeSet<Integer> senders = votes.get(prePrepareDigest);
            return senders == null ? 0 : senders.stream().filter(s -> s != except).count();
        }

        private String votes(TreeMap<String, TreeSet<Integer>> votes) {
            if (votes.isEmpty()) {
                return "none";
            }
            StringJoiner all = new StringJoiner("; ");
            votes.forEach((digest, senders) -> {
                StringJoiner who = new StringJoiner(" ");
                senders.forEach(s -> who.add(Display.node(s)));
                all.add(Display.digest(digest) + " " + who);
            });
            return all.toString();
        }
    }

    /** A client's outstanding requests and the replies gathered for each. */
    private static final class Client {
        final int id;
        final TreeMap<String, String> operations = new TreeMap<>();
        final TreeMap<String, TreeMap<Integer, String>> replies = new TreeMap<>();

        Client(int id) {
            this.id = id;
        }

        void issued(Rec o, Deltas out) {
            String key = key(o);
            operations.put(key, o.text("op"));
            replies.put(key, new TreeMap<>());
            show(key, out);
            out.set(id, STATUS, "outstanding", Integer.toString(operations.size()));
        }

        void reply(Rec m, Deltas out) {
            String key = key(m);
            TreeMap<Integer, String> gathered = replies.get(key);
            if (gathered == null) {
                return;
            }
            gathered.put((int) m.number("replica", -1), m.text("result") + ("true".equals(m.text("tentative")) ? " (tentative)" : ""));
            show(key, out);
        }

        void accepted(Rec o, Deltas out) {
            String key = key(o);
            operations.remove(key);
            replies.remove(key);
            out.remove(id, REQUESTS, "request " + key);
            out.set(id, STATUS, "outstanding", Integer.toString(operations.size()));
            out.set(id, STATUS, "last accepted", key + " \u2192 " + o.text("result"));
        }

        private void show(String key, Deltas out) {
            StringJoiner who = new StringJoiner(", ");
            replies.get(key).forEach((replica, result) -> who.add(Display.node(replica) + " " + result));
            out.set(id, REQUESTS, "request " + key, operations.get(key) + " \u00b7 replies: " + (who.length() == 0 ? "none" : who));
        }

        private static String key(Rec r) {
            long stream = r.number("stream", 0);
            return (stream == 0 ? "" : stream + "/") + r.text("timestamp");
        }
    }
}
