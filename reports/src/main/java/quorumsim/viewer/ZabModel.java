package quorumsim.viewer;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.viewer.RecordText.Rec;

/**
 * Zab servers and ZooKeeper clients as their trace shows them. For a server: its role (from its
 * LEADING, LOOKING and SYNCED observations), its vote while electing, its epoch, the zxids it
 * accepted (ACKed; a leader: proposed) and not yet committed, the last zxid it committed
 * (applied), a leader's ACKs per proposal, and the sessions it has heard from. For a client: its
 * session, its outstanding calls and the replies to them. A zxid is written {@code 0x1:5} (epoch in hex, counter).
 */
final class ZabModel implements StateModel {
    static final int STATUS = 0;
    static final int LOG = 1;
    static final int PROPOSALS = 2;
    static final int CALLS = 1;
    private static final int LISTED = 12;

    private final int servers;
    private final Server[] serverStates;
    private final Map<Integer, Client> clients = new HashMap<>();
    /** Which client node a session belongs to, from the requests seen. */
    private final Map<Long, Integer> sessionClient = new HashMap<>();
    /** The request a zxid carries, from the proposals seen. */
    private final Map<Long, String> requestOf = new HashMap<>();

    ZabModel(int servers) {
        this.servers = servers;
        this.serverStates = new Server[servers];
        for (int i = 0; i < servers; i++) {
            serverStates[i] = new Server(i);
        }
    }

    /** A zxid as the checkers write it: {@code 0x<epoch in hex>:<counter>}. */
    static String zxid(long zxid) {
        return zxid < 0 ? "none" : "0x" + Long.toHexString(zxid >>> 32) + ":" + (zxid & 0xFFFF_FFFFL);
    }

    @Override
    public Facts facts(int from, int to, String type, Rec m) {
        if (m == null) {
            return Facts.NONE;
        }
        switch (type) {
            case "Request": {
                sessionClient.put(m.number("sessionId", 0), from);
                return new Facts(null, Display.node(from) + ":" + m.text("cxid"));
            }
            case "Forward":
                return new Facts(null, call(m.number("sessionId", 0), m.text("cxid")));
            case "Proposal": {
                Rec txn = m.rec("txn");
                if (txn == null) {
                    return Facts.NONE;
                }
                long z = txn.number("zxid", -1);
                String request = call(txn.number("sessionId", 0), txn.text("cxid"));
                if (request != null) {
                    requestOf.put(z, request);
                }
                return new Facts(zxid(z), request);
            }
            case "Ack":
            case "Commit": {
                long z = m.number("zxid", -1);
                return new Facts(zxid(z), requestOf.get(z));
            }
            case "Reply":
                return to >= servers ? new Facts(null, Display.node(to) + ":" + m.text("cxid")) : Facts.NONE;
            case "SyncDone":
                return new Facts(null, call(m.number("sessionId", 0), m.text("cxid")));
            default:
                return Facts.NONE;
        }
    }

    private String call(long sessionId, String cxid) {
        Integer client = sessionClient.get(sessionId);
        return client == null ? null : Display.node(client) + ":" + cxid;
    }

    @Override
    public void start(Deltas out) {
        for (Server s : serverStates) {
            out.set(s.id, STATUS, "role", "looking (electing a leader)");
            out.set(s.id, LOG, "last committed", "none");
        }
    }

    @Override
    public void sent(int node, int to, String type, Rec m, Deltas out) {
        if (m == null) {
            return;
        }
        if (node < servers) {
            serverStates[node].sent(to, type, m, out);
        } else if (type.equals("Connect")) {
            client(node).connecting(m.number("sessionId", 0), to, out);
        }
    }

    @Override
    public void delivered(int node, int from, String type, Rec m, Deltas out) {
        if (m == null) {
            return;
        }
        if (node < servers) {
            serverStates[node].delivered(from, type, m, out);
        } else if (type.equals("Reply")) {
            client(node).reply(from, m, out);
        } else if (type.equals("Connected")) {
            client(node).connected(from, "true".equals(m.text("accepted")), out);
        }
    }

    @Override
    public void observed(int node, String type, Rec o, Deltas out) {
        if (o == null) {
            return;
        }
        switch (type) {
            case "Leading" -> server(o).leading(o.number("epoch", 0), out);
            case "Looking" -> server(o).looking(out);
            case "Synced" -> server(o).synced(o, out);
            case "Applied", "Installed" -> server(o).committed(o.number("zxid", -1), out);
            case "SessionTouched" -> server(o).session(o.number("sessionId", 0), out);
            case "Call" -> client(node).call(o, out);
            case "Answer" -> client(node).answer(o, out);
            case "SessionEnded" -> out.set(node, STATUS, "session", "ended" + ("true".equals(o.text("expired")) ? " (expired)" : ""));
            case "Holding" -> out.set(node, STATUS, o.text("recipe"), "true".equals(o.text("holding")) ? "holding" : "not holding");
            default -> { }
        }
    }

    @Override
    public void crashed(int node, boolean up, Deltas out) {
        if (node >= servers) {
            return;
        }
        Server s = serverStates[node];
        if (up) {
            out.set(node, STATUS, "role", "recovered; looking (electing a leader)");
            return;
        }
        s.pending.clear();
        s.acks.clear();
        out.removeGroup(node, PROPOSALS);
        out.remove(node, LOG, "accepted, not committed");
        out.set(node, STATUS, "role", "crashed");
    }

    private Server server(Rec o) {
        int id = (int) o.number("server", -1);
        if (id < 0 || id >= servers) {
            throw new IllegalStateException("an observation names server " + id + " of " + servers + ": " + o);
        }
        return serverStates[id];
    }

    private Client client(int node) {
        return clients.computeIfAbsent(node, Client::new);
    }

    /** One server. */
    private final class Server {
        final int id;
        long committed = -1;
        final TreeSet<Long> pending = new TreeSet<>();
        /** A leader's ACKs per proposal not yet committed here. */
        final TreeMap<Long, TreeSet<Integer>> acks = new TreeMap<>();
        final TreeSet<Long> sessions = new TreeSet<>();

        Server(int id) {
            this.id = id;
        }

        void sent(int to, String type, Rec m, Deltas out) {
            switch (type) {
                case "Notification" -> out.set(id, STATUS, "vote", Display.node(m.number("leader", -1)) + ", zxid "
                        + zxid(m.number("zxid", -1)) + ", epoch " + m.text("epoch") + ", round " + m.text("round"));
                case "Ack" -> accepted(m.number("zxid", -1), "last accepted (ACKed)", out);
                case "Proposal" -> {
                    Rec txn = m.rec("txn");
                    if (txn != null) {
                        long z = txn.number("zxid", -1);
                        accepted(z, "last proposed", out);
                        if (acks.putIfAbsent(z, new TreeSet<>()) == null) {
                            showAcks(z, out);
                        }
                    }
                }
                default -> { }
            }
        }

        void delivered(int from, String type, Rec m, Deltas out) {
            switch (type) {
                case "NewEpoch" -> out.set(id, STATUS, "epoch", "accepted " + m.text("epoch") + " from " + Display.node(from));
                case "UpToDate" -> out.set(id, STATUS, "epoch", m.text("epoch") + " (up to date with " + Display.node(from) + ")");
                case "Ack" -> {
                    long z = m.number("zxid", -1);
                    TreeSet<Integer> who = acks.get(z);
                    if (who != null && who.add(from)) {
                        showAcks(z, out);
                    }
                }
                default -> { }
            }
        }

        void accepted(long z, String label, Deltas out) {
            out.set(id, LOG, label, zxid(z));
            if (z > committed) {
                pending.add(z);
                showPending(out);
            }
        }

        void committed(long z, Deltas out) {
            committed = Math.max(committed, z);
            out.set(id, LOG, "last committed", zxid(committed));
            if (!pending.isEmpty() && pending.first() <= committed) {
                pending.headSet(committed, true).clear();
                showPending(out);
            }
            while (!acks.isEmpty() && acks.firstKey() <= committed) {
                out.remove(id, PROPOSALS, "proposal " + zxid(acks.pollFirstEntry().getKey()));
            }
        }

        void leading(long epoch, Deltas out) {
            out.set(id, STATUS, "role", "leader");
            out.set(id, STATUS, "epoch", Long.toString(epoch));
            out.remove(id, STATUS, "vote");
        }

        void looking(Deltas out) {
            out.set(id, STATUS, "role", "looking (electing a leader)");
            acks.clear();
            out.removeGroup(id, PROPOSALS);
        }

        void synced(Rec o, Deltas out) {
            out.set(id, STATUS, "role", "follower of " + Display.node(o.number("leader", -1)) + " (synced by " + o.text("kind")
                    + ", " + o.text("transactions") + " transactions)");
            out.remove(id, STATUS, "vote");
        }

        void session(long sessionId, Deltas out) {
            if (!sessions.add(sessionId)) {
                return;
            }
            StringJoiner list = new StringJoiner(" ");
            int shown = 0;
            for (long s : sessions) {
                if (shown++ == LISTED) {
                    list.add("\u2026");
                    break;
                }
                list.add(Long.toHexString(s));
            }
            out.set(id, LOG, "sessions heard", sessions.size() + ": " + list);
        }

        private void showPending(Deltas out) {
            if (pending.isEmpty()) {
                out.remove(id, LOG, "accepted, not committed");
                return;
            }
            StringJoiner list = new StringJoiner(" ");
            int shown = 0;
            for (long z : pending) {
                if (shown++ == LISTED) {
                    list.add("\u2026 " + (pending.size() - LISTED) + " more");
                    break;
                }
                list.add(zxid(z));
            }
            out.set(id, LOG, "accepted, not committed", list.toString());
        }

        private void showAcks(long z, Deltas out) {
            StringJoiner who = new StringJoiner(" ");
            acks.get(z).forEach(s -> who.add(Display.node(s)));
            out.set(id, PROPOSALS, "proposal " + zxid(z), "ACKs from " + (who.length() == 0 ? "none yet" : who.toString()));
        }
    }

    /** A ZooKeeper client's session and calls. */
    private static final class Client {
        final int id;
        final TreeMap<Long, String> calls = new TreeMap<>();
        final TreeMap<Long, String> replies = new TreeMap<>();

        Client(int id) {
            this.id = id;
        }

        void connecting(long sessionId, int server, Deltas out) {
            out.set(id, STATUS, "session", (sessionId == 0 ? "new" : Long.toHexString(sessionId)) + ", connecting to " + Display.node(server));
        }

        void connected(int server, boolean accepted, Deltas out) {
            out.set(id, STATUS, "server", accepted ? "connected to " + Display.node(server) : "refused by " + Display.node(server));
        }

        void call(Rec o, Deltas out) {
            long cxid = o.number("cxid", -1);
            calls.put(cxid, op(o.rec("op")));
            replies.remove(cxid);
            show(cxid, out);
            out.set(id, STATUS, "outstanding", Integer.toString(calls.size()));
        }

        void reply(int server, Rec m, Deltas out) {
            long cxid = m.number("cxid", -1);
            if (!calls.containsKey(cxid)) {
                return;
            }
            Rec result = m.rec("result");
            replies.put(cxid, Display.node(server) + " " + (result == null ? m.text("result") : result.text("code")) + " at zxid "
                    + zxid(m.number("zxid", -1)));
            show(cxid, out);
        }

        void answer(Rec o, Deltas out) {
            long cxid = o.number("cxid", -1);
            calls.remove(cxid);
            replies.remove(cxid);
            out.remove(id, CALLS, "call " + cxid);
            out.set(id, STATUS, "outstanding", Integer.toString(calls.size()));
            Rec result = o.rec("result");
            out.set(id, STATUS, "last answer", cxid + ": " + op(o.rec("op")) + " \u2192 " + (result == null ? o.text("result") : result.text("code"))
                    + " at zxid " + zxid(o.number("zxid", -1)));
        }

        private void show(long cxid, Deltas out) {
            String reply = replies.get(cxid);
            out.set(id, CALLS, "call " + cxid, calls.get(cxid) + " \u00b7 reply: " + (reply == null ? "none yet" : reply));
        }

        static String op(Rec op) {
            if (op == null) {
                return "?";
            }
            String kind = op.text("kind") == null ? "?" : op.text("kind").toLowerCase(java.util.Locale.ROOT);
            return kind + " " + op.text("path");
        }
    }
}
