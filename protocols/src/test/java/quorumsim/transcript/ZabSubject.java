package quorumsim.transcript;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import quorumsim.core.Actor;
import quorumsim.core.Message;
import quorumsim.core.StableStore;
import quorumsim.zab.Chain;
import quorumsim.zab.Messages;
import quorumsim.zab.Observations;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabServer;
import quorumsim.zab.Zxid;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Txn;

/**
 * A {@link ZabServer} under a transcript. Zab's messages are written with their record's
 * own field names ({@code NewEpoch(epoch=2)}, {@code AckEpoch(currentEpoch=1, lastZxid=1:2)});
 * a zxid is {@code epoch:counter}. A transaction in a history is written by its zxid alone
 * ({@code 1:2} creates the znode {@code /1:2}); one the leader made from a call is
 * {@code Txn(2:1, CREATE_SESSION, "")}. A snapshot is {@code Snapshot(1:3)}: the zxids 1:1 to
 * 1:3 of epoch 1 applied to an empty tree. An operation is {@code Op(CREATE, /a)}; a session
 * is opened with {@code Op(CREATE_SESSION, "", 200ms)} (1 s when the timeout is left out) and
 * named by the zxid that created it ({@code sessionId=2:1}).
 *
 * <p>The config line gives the ensemble's size and this server's disk: its accepted and
 * current epochs and its logged history ({@code history=[1:1 1:2]}); {@code tick=100ms} and
 * {@code syncLimit=5} (ticks) are ZooKeeper's; {@code broadcastInFlight=N} gives it the
 * broadcast workload with N generated transactions in flight; {@code observers=K} adds K
 * non-voting members after the voters.
 */
final class ZabSubject implements Subject {
    private static final Set<String> KEYS = Set.of("servers", "self", "acceptedEpoch", "currentEpoch", "history",
            "snapshotThreshold", "tick", "syncLimit", "broadcastInFlight", "observers", "snapCount",
            "readOnlyMode", "sessionTimeout");

    private final int self;
    private final ZabConfig config;
    private final StableStore store;
    private ZabServer server;

    ZabSubject(Map<String, Term> values, StableStore store) {
        Settings s = new Settings(values, KEYS);
        ZabConfig config = ZabConfig.defaults().toBuilder().servers(s.integer("servers", 3))
                .snapshotThreshold(s.integer("snapshotThreshold", ZabConfig.defaults().snapshotThreshold()))
                .tickNanos(Durations.parse(s.text("tick", Durations.show(ZabConfig.defaults().tickNanos()))))
                .syncLimitTicks(s.integer("syncLimit", ZabConfig.defaults().syncLimitTicks()))
                .observers(s.integer("observers", 0))
                .snapCount(s.integer("snapCount", ZabConfig.defaults().snapCount()))
                .readOnlyMode(Boolean.parseBoolean(s.text("readOnlyMode", "false")))
                .sessionTimeoutNanos(Durations.parse(s.text("sessionTimeout", Durations.show(ZabConfig.defaults().sessionTimeoutNanos()))))
                .build();
        if (s.term("broadcastInFlight") != null) {                   // the broadcast workload: transactions generated at the leader
            config = config.toBuilder().workload(config.workload().toBuilder().kind("broadcast").clients(0)
                    .outstanding(s.integer("broadcastInFlight", 1)).build()).build();
        }
        List<String> problems = config.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        ArrayList<Txn> log = new ArrayList<>();
        if (s.term("history") != null) {
            if (!(s.term("history") instanceof Term.Items items)) {
                throw new IllegalArgumentException("history is a list of zxids: history=[1:1 1:2]");
            }
            for (Term t : items.items()) {
                log.add(txn(t));
            }
        }
        store.put("acceptedEpoch", (long) s.integer("acceptedEpoch", 0));
        store.put("currentEpoch", (long) s.integer("currentEpoch", 0));
        store.put("snapshot", new Messages.Snapshot(0, new DataTree(), 0));
        store.put("log", log);
        this.self = s.required("self");
        this.config = config;
        this.store = store;
        this.server = new ZabServer(self, config, store);
    }

    @Override
    public Actor actor() {
        return server;
    }

    @Override
    public void restart() {
        server = new ZabServer(self, config, store);
    }

    @Override
    public String state(String field) {
        return switch (field) {
            case "state" -> server.state().name();
            case "leading" -> Boolean.toString(server.isEstablishedLeader());
            case "lastZxid" -> zxid(server.lastZxid());
            case "lastApplied" -> zxid(server.lastApplied());
            case "acceptedEpoch", "currentEpoch" -> store.get(field).toString();
            default -> throw new IllegalArgumentException(
                    "Zab state has state, leading, lastZxid, lastApplied, acceptedEpoch, currentEpoch; not " + field);
        };
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Message message(Term term, int from) {
        if (!(term instanceof Term.Call c)) {
            throw new IllegalArgumentException("expected a message like NewEpoch(epoch=2), not " + Term.print(term));
        }
        List<String> names = new ArrayList<>();
        for (Class<?> type : Messages.class.getPermittedSubclasses()) {
            names.add(type.getSimpleName());
            if (type.getSimpleName().equals(c.name())) {
                return (Message) build(type, c);
            }
        }
        throw new IllegalArgumentException("Zab has no message " + c.name() + "; it has " + names);
    }

    private Object build(Class<?> type, Term.Call c) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            Term t = c.get(rc.getName());
            if (t == null) {
                List<String> all = new ArrayList<>();
                for (RecordComponent each : components) {
                    all.add(each.getName() + "=");
                }
                throw new IllegalArgumentException(c.name() + " needs " + String.join(", ", all));
            }
            types[i] = rc.getType();
            args[i] = value(rc.getName(), rc.getGenericType(), t);
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object value(String name, Type type, Term t) {
        String text = Term.print(t);
        if (type == long.class || type == Long.class) {
            return isZxid(name) || (isSession(name) && text.contains(":")) ? parseZxid(text) : Long.parseLong(text);
        }
        if (type == int.class) {
            return Integer.parseInt(text);
        }
        if (type == boolean.class) {
            return Boolean.parseBoolean(text);
        }
        if (type == String.class) {
            return text;
        }
        if (type instanceof Class<?> k && k.isEnum()) {
            for (Object constant : k.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(name + " is one of " + List.of(k.getEnumConstants()) + "; not " + text);
        }
        if (type == Txn.class) {
            return txn(t);
        }
        if (type == Op.class) {
            return op(t);
        }
        if (type == Messages.Snapshot.class) {
            return text.equals("none") ? null : snapshot(t);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class && t instanceof Term.Items items) {
            List<Object> out = new ArrayList<>();
            for (Term item : items.items()) {
                out.add(value(name, p.getActualTypeArguments()[0], item));
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException("cannot read " + name + " from " + text);
    }

    static long parseZxid(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a zxid is epoch:counter, not " + text);
        }
        return Zxid.of(Long.parseLong(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
    }

    private static boolean isZxid(String name) {
        return name.toLowerCase().contains("zxid");
    }

    /** A session's id is the zxid of the transaction that created it, written so when it is one. */
    private static boolean isSession(String name) {
        return name.toLowerCase().contains("session");
    }

    static String zxid(long zxid) {
        return Zxid.epoch(zxid) + ":" + Zxid.counter(zxid);
    }

    /** The transaction of a transcript's history at {@code zxid}: it creates the znode named after it. */
    private static Txn historyTxn(long zxid) {
        return new Txn(zxid, Txn.Kind.CREATE, "/" + zxid(zxid), 0, 0, -1, 0, 0, 0, false, null);
    }

    private static Txn txn(Term t) {
        if (t instanceof Term.Atom a) {
            return historyTxn(parseZxid(a.text()));
        }
        if (t instanceof Term.Call c && c.name().equals("Txn") && c.positional().size() == 3) {
            List<Term> p = c.positional();
            return new Txn(parseZxid(Term.print(p.get(0))), Txn.Kind.valueOf(Term.print(p.get(1))), path(p.get(2)), 0, 0, -1,
                    0, 0, 0, false, null);
        }
        throw new IllegalArgumentException("a transaction is a zxid (1:2) or Txn(1:2, KIND, /path), not " + Term.print(t));
    }

    private static String path(Term t) {
        String text = Term.print(t);
        return text.equals("\"\"") ? "" : text;
    }

    private static Op op(Term t) {
        if (t instanceof Term.Call c && c.name().equals("Op") && c.positional().size() == 2) {
            Op.Kind kind = Op.Kind.valueOf(Term.print(c.positional().get(0)));
            return new Op(kind, path(c.positional().get(1)), 0, kind == Op.Kind.CREATE_SESSION ? 1_000_000_000L : 0, -1,
                    false, false, false);
        }
        if (t instanceof Term.Call c && c.name().equals("Op") && c.positional().size() == 3
                && Term.print(c.positional().get(0)).equals("CREATE_SESSION")) {
            return new Op(Op.Kind.CREATE_SESSION, path(c.positional().get(1)), 0,
                    Durations.parse(Term.print(c.positional().get(2))), -1, false, false, false);
        }
        throw new IllegalArgumentException("an operation is Op(KIND, /path) or Op(CREATE_SESSION, \"\", TIMEOUT), not "
                + Term.print(t));
    }

    /** Snapshot(1:3): epoch 1's history up to counter 3 applied to an empty tree. */
    private static Messages.Snapshot snapshot(Term t) {
        if (!(t instanceof Term.Call c) || !c.name().equals("Snapshot") || c.positional().size() != 1) {
            throw new IllegalArgumentException("a snapshot is Snapshot(1:3), not " + Term.print(t));
        }
        long last = parseZxid(Term.print(c.positional().get(0)));
        DataTree tree = new DataTree();
        long chain = 0;
        for (long counter = 1; counter <= Zxid.counter(last); counter++) {
            Txn txn = historyTxn(Zxid.of(Zxid.epoch(last), counter));
            tree.apply(txn);
            chain = Chain.extend(chain, txn);
        }
        return new Messages.Snapshot(last, tree, chain);
    }

    // ---------------------------------------------------------------- writing

    /** A zxid as epoch:counter; a session id so too when it is a zxid (epoch above 0). */
    private Term renderField(String name, Object v) {
        if (v instanceof Long l && (isZxid(name) || (isSession(name) && Zxid.epoch(l) > 0))) {
            return Term.atom(zxid(l));
        }
        if (v instanceof List<?> list && isSession(name)) {
            List<Term> items = new ArrayList<>();
            for (Object item : list) {
                items.add(renderField(name, item));
            }
            return new Term.Items(items);
        }
        return render(v);
    }

    @Override
    public Term render(Object value) {
        if (value instanceof Observations.Applied a) {
            return Term.call("Applied", "server", a.server(), "zxid", zxid(a.zxid()));
        }
        if (value instanceof Observations.Installed i) {
            return Term.call("Installed", "server", i.server(), "zxid", zxid(i.zxid()));
        }
        if (value instanceof Messages.Snapshot s) {
            return new Term.Call("Snapshot", List.of(new Term.Arg(null, Term.atom(zxid(s.zxid())))));
        }
        if (value instanceof Txn txn) {
            if (txn.equals(historyTxn(txn.zxid()))) {
                return Term.atom(zxid(txn.zxid()));
            }
            return new Term.Call("Txn", List.of(new Term.Arg(null, Term.atom(zxid(txn.zxid()))),
                    new Term.Arg(null, Term.atom(txn.kind())), new Term.Arg(null, Term.atom(txn.path().isEmpty() ? "\"\"" : txn.path()))));
        }
        if (value instanceof Op op) {
            return new Term.Call("Op", List.of(new Term.Arg(null, Term.atom(op.kind())),
                    new Term.Arg(null, Term.atom(op.path().isEmpty() ? "\"\"" : op.path()))));
        }
        if (value instanceof Record r) {
            return Records.render(r, (name, v) -> renderField(name, v));
        }
        return Records.plain(value, this::render);
    }
}
