package quorumsim.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quorumsim.core.Actor;
import quorumsim.core.Message;
import quorumsim.core.Signature;
import quorumsim.core.StableStore;
import quorumsim.kv.Operation;
import quorumsim.pbft.Auth;
import quorumsim.pbft.Messages;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.FetchState;
import quorumsim.pbft.Messages.FetchViewChanges;
import quorumsim.pbft.Messages.NewView;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.StateTransfer;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.pbft.Messages.ViewChangeDigest;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.PbftReplica;
import quorumsim.pbft.ServiceState;

/**
 * A {@link PbftReplica} under a transcript, and PBFT's words in the papers' letters:
 *
 * <pre>
 * Request(c=A, t=1)                   client A's request with timestamp t (A2 names it when t=2);
 *                                     it puts key A to its own name
 * PrePrepare(v=0, n=1, d=A)           d names the batch: A, A+B, or null (the null request);
 *                                     i defaults to the primary of v; m=B ships another batch;
 *                                     A:ro is a read-only request, A:forged one not A's
 * Prepare(v=0, n=1, d=A, i=2)         Commit likewise
 * Checkpoint(n=2, s=state(A, B), i=1) s: the state after executing A then B
 * ViewChange(v=1, n=0, C=[Checkpoint ...], P=[Cert(v=0, n=1, d=A, prepares=[1 3])], i=2)
 *                                     a prepared certificate: the pre-prepare of view v and the
 *                                     matching prepares of the listed backups
 * NewView(v=1, V=[0 2 3], O=[PrePrepare(v=1, n=1, d=A)])
 *                                     V names by digest the VIEW-CHANGEs for v seen in this
 *                                     transcript by sender (or spells out one to take the digest
 *                                     of); one it cannot name prints as ViewChangeDigest(i, digest)
 * Reply(v=0, c=A, t=1, i=2, r=OK)
 * Request(c=A, t=2, ro=true)          a read-only request: a GET of A's key (op=put: a write
 *                                     marked read-only); c=r1 names replica 1 as the client
 * FetchState(n=2, i=2)                replica i asks for the state at checkpoint n
 * StateTransfer(n=2, s=state(A, B), i=0)
 * Status(view=1, active=false, lastExecuted=0, viewChanges=[0 2], replica=3)
 *                                     as printed: viewChanges is the bitmap of VIEW-CHANGEs held
 * </pre>
 *
 * Every message is signed by its sender (the client for a request); {@code signer=3} signs it
 * as replica 3 instead and {@code signer=none} leaves it unsigned.
 */
final class PbftSubject implements Subject {
    private static final Set<String> KEYS = Set.of("f", "self", "view", "h", "K", "L", "timeout", "tentative",
            "readOnly", "B", "batchWindow", "recovered", "nondeterminism", "logToDisk");
    private static final Pattern REQUEST_NAME = Pattern.compile("([A-Z])(\\d*)");

    private final PbftConfig config;
    private final int n;
    private final int self;
    private final StableStore store;
    private PbftReplica replica;
    private final TreeMap<String, Request> requests = new TreeMap<>();
    private final TreeMap<Long, String> batchNames = new TreeMap<>();
    private final TreeMap<Long, String> stateNames = new TreeMap<>();
    /** VIEW-CHANGEs seen in the transcript, by "view/sender". */
    private final TreeMap<String, ViewChange> viewChanges = new TreeMap<>();

    PbftSubject(Map<String, Term> values, StableStore store) {
        Settings s = new Settings(values, KEYS);
        if (s.integer("view", 0) != 0 || s.integer("h", 0) != 0) {
            throw new IllegalArgumentException("a transcript starts in view 0 with h=0; drive the replica to later ones");
        }
        PbftConfig c = PbftConfig.defaults().toBuilder().tolerating(s.integer("f", 1)).build();
        c = c.toBuilder().checkpointInterval(s.integer("K", c.checkpointInterval())).logWindow(s.integer("L", c.logWindow())).build();
        c = c.toBuilder().viewChangeTimeoutNanos(Durations.parse(s.text("timeout", "100ms"))).build();
        c = c.toBuilder().tentativeExecution(Boolean.parseBoolean(s.text("tentative", "false"))).build();
        c = c.toBuilder().readOnlyOptimization(Boolean.parseBoolean(s.text("readOnly", "false"))).build();
        c = c.toBuilder().batchSize(s.integer("B", c.batchSize())).batchWindowNanos(Durations.parse(s.text("batchWindow", "1ms"))).build();
        c = c.toBuilder().logToDisk(Boolean.parseBoolean(s.text("logToDisk", "false"))).build();
        c = c.toBuilder()
                .nondeterminism(quorumsim.pbft.Nondeterminism.valueOf(s.text("nondeterminism", "none").toUpperCase(java.util.Locale.ROOT))).build();
        List<String> problems = c.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        this.config = c;
        this.n = c.n();
        this.self = s.required("self");
        this.store = store;
        boolean recovered = Boolean.parseBoolean(s.text("recovered", "false"));   // back from a crash, its log lost
        this.replica = new PbftReplica(c, self, store, recovered);
        stateNames.put(new ServiceState().digest(), "state()");
    }

    @Override
    public Actor actor() {
        return replica;
    }

    @Override
    public void restart() {
        replica = new PbftReplica(config, self, store);
    }

    @Override
    public String state(String field) {
        return switch (field) {
            case "view" -> Long.toString(replica.view());
            case "active" -> Boolean.toString(replica.viewActive());
            case "primary" -> Integer.toString(replica.primary());
            case "h" -> Long.toString(replica.lowWaterMark());
            case "lastExecuted" -> Long.toString(replica.lastExecuted());
            case "slots" -> Integer.toString(replica.logSlots());
            default -> throw new IllegalArgumentException(
                    "PBFT state has view, active, primary, h, lastExecuted, slots; not " + field);
        };
    }

    @Override
    public void remember(Object message) {
        if (message instanceof ViewChange vc) {
            viewChanges.put(vc.newView() + "/" + vc.replica(), vc);
        }
    }

    @Override
    public void learn(Term term) {
        if (term instanceof Term.Items l) {
            l.items().forEach(this::learn);
        } else if (term instanceof Term.Call c) {
            if (c.name().equals("state")) {
                stateDigest(c);
                return;
            }
            for (Term.Arg a : c.args()) {
                if ("d".equals(a.key()) && a.value() instanceof Term.Atom atom && atom.text().contains("@")) {
                    digest(c);                                            // a batch with the primary's choice
                } else if (("d".equals(a.key()) || "m".equals(a.key())) && a.value() instanceof Term.Atom) {
                    batch(a.value());
                } else {
                    learn(a.value());
                }
            }
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Message message(Term term, int from) {
        Term.Call c = call(term);
        return switch (c.name()) {
            case "Request" -> request(c);
            case "PrePrepare" -> prePrepare(c);
            case "Prepare" -> prepare(c);
            case "Commit" -> commit(c);
            case "Checkpoint" -> checkpoint(c);
            case "ViewChange" -> viewChange(c);
            case "NewView" -> newView(c);
            case "FetchViewChanges" -> fetchViewChanges(c);
            case "FetchState" -> fetchState(c);
            case "StateTransfer" -> stateTransfer(c);
            case "Status" -> status(c);
            default -> throw new IllegalArgumentException("PBFT transcripts deliver Request, PrePrepare, Prepare, Commit,"
                    + " Checkpoint, ViewChange, NewView, FetchViewChanges, FetchState, StateTransfer, Status; not " + c.name());
        };
    }

    private static Term.Call call(Term t) {
        if (!(t instanceof Term.Call c)) {
            throw new IllegalArgumentException("expected a message like Prepare(v=0, n=1, d=A, i=2), not " + Term.print(t));
        }
        return c;
    }

    private static Term need(Term.Call c, String key) {
        Term t = c.get(key);
        if (t == null) {
            throw new IllegalArgumentException(c.name() + " needs " + key + "=");
        }
        return t;
    }

    private static long number(Term.Call c, String key) {
        return Long.parseLong(Term.print(need(c, key)));
    }

    private static long number(Term.Call c, String key, long fallback) {
        return c.get(key) == null ? fallback : number(c, key);
    }

    private static List<Term> items(Term.Call c, String key) {
        Term t = c.get(key);
        if (t == null) {
            return List.of();
        }
        if (!(t instanceof Term.Items l)) {
            throw new IllegalArgumentException(c.name() + "'s " + key + " is a list: " + key + "=[...]");
        }
        return l.items();
    }

    /** The signature the line asks for: by {@code signer=} if given, else by {@code defaultSigner}. */
    private Auth auth(Term.Call c, int defaultSigner, Object unsigned, boolean signature) {
        String signer = c.get("signer") == null ? Integer.toString(defaultSigner) : Term.print(c.get("signer"));
        if (signer.equals("none")) {
            return null;
        }
        Signature.Kind kind = signature ? Signature.Kind.SIGNATURE : Signature.Kind.MAC;
        return new Auth(EngineHandles.sign(Integer.parseInt(signer), unsigned, kind),
                signature ? Auth.SIGNATURE_BYTES : Auth.MAC_BYTES);
    }

    /** Request A, A2, ...: client n + (letter - 'A'), timestamp the digits (1 when none). One object per name. */
    private Request namedRequest(String name) {
        Matcher m = REQUEST_NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("a request is named by a capital letter and a timestamp (A, A2), not " + name);
        }
        String canonical = m.group(1) + (m.group(2).isEmpty() || m.group(2).equals("1") ? "" : m.group(2));
        return requests.computeIfAbsent(canonical, k -> {
            int client = n + (m.group(1).charAt(0) - 'A');
            long timestamp = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
            Request unsigned = new Request(client, 0, timestamp, Operation.put(m.group(1), k), false, 16, null);
            return new Request(client, 0, timestamp, unsigned.op(), false, 16,
                    new Auth(EngineHandles.sign(client, unsigned, Signature.Kind.MAC), Auth.MAC_BYTES));
        });
    }

    private String requestName(Request r) {
        String letter = String.valueOf((char) ('A' + r.client() - n));
        return r.timestamp() == 1 ? letter : letter + r.timestamp();
    }

    /**
     * A named request as it is, or with {@code signer=}; {@code ro=true} makes it a read-only
     * GET of its client's key ({@code op=put} keeps the write, which no replica may run as a read).
     */
    private Request request(Term.Call c) {
        String letter = Term.print(need(c, "c"));
        long t = number(c, "t", 1);
        if (letter.matches("r\\d+")) {
            int replica = Integer.parseInt(letter.substring(1));                 // a replica posing as a client
            Request unsigned = new Request(replica, 0, t, Operation.put(letter, letter), false, 16, null);
            return new Request(replica, 0, t, unsigned.op(), false, 16, auth(c, replica, unsigned, false));
        }
        Request named = namedRequest(letter + t);
        boolean readOnly = Boolean.parseBoolean(c.get("ro") == null ? "false" : Term.print(c.get("ro")));
        if (c.get("signer") == null && !readOnly) {
            return named;
        }
        String op = c.get("op") == null ? (readOnly ? "get" : "put") : Term.print(c.get("op"));
        Operation operation = switch (op) {
            case "get" -> Operation.get(letter);
            case "put" -> named.op();
            default -> throw new IllegalArgumentException("a request's op is get or put, not " + op);
        };
        Request unsigned = new Request(named.client(), 0, t, operation, readOnly, 16, null);
        return new Request(named.client(), 0, t, operation, readOnly, 16, auth(c, named.client(), unsigned, false));
    }

    /**
     * A batch by name: A, A+B, or null for the null request. A part B:ro is B's client's
     * read-only request; B:forged is B signed by replica 0, not by its client.
     */
    private List<Request> batch(Term t) {
        String name = Term.print(t);
        List<Request> batch = new ArrayList<>();
        if (!name.equals("null")) {
            for (String part : name.split("\\+")) {
                batch.add(batchPart(part));
            }
        }
        batchNames.put(PrePrepare.digestOf(batch), name.contains(":") ? name : batchName(batch));
        return batch;
    }

    private Request batchPart(String part) {
        int colon = part.indexOf(':');
        if (colon < 0) {
            return namedRequest(part);
        }
        Request named = namedRequest(part.substring(0, colon));
        String how = part.substring(colon + 1);
        return switch (how) {
            case "ro" -> {
                Request unsigned = new Request(named.client(), 0, named.timestamp(), Operation.get(part.substring(0, 1)), true, 16,
                        null);
                yield new Request(named.client(), 0, named.timestamp(), unsigned.op(), true, 16,
                        new Auth(EngineHandles.sign(named.client(), unsigned, Signature.Kind.MAC), Auth.MAC_BYTES));
            }
            case "forged" -> new Request(named.client(), 0, named.timestamp(), named.op(), false, 16,
                    new Auth(EngineHandles.sign(0, named.unsigned(), Signature.Kind.MAC), Auth.MAC_BYTES));
            default -> throw new IllegalArgumentException("a request in a batch is A, A:ro or A:forged, not " + part);
        };
    }

    private String batchName(List<Request> batch) {
        if (batch.isEmpty()) {
            return "null";
        }
        List<String> names = new ArrayList<>();
        for (Request r : batch) {
            names.add(requestName(r));
        }
        return String.join("+", names);
    }

    /** d=A, or d=A@50ms: the batch with the primary's non-deterministic choice. */
    private long digest(Term.Call c) {
        String name = Term.print(need(c, "d"));
        int at = name.indexOf('@');
        if (at > 0) {
            long digest = PrePrepare.digestOf(batch(Term.atom(name.substring(0, at))), Durations.parse(name.substring(at + 1)));
            batchNames.put(digest, name);
            return digest;
        }
        return PrePrepare.digestOf(batch(need(c, "d")));
    }

    private PrePrepare prePrepare(Term.Call c) {
        long v = number(c, "v");
        List<Request> shipped = batch(c.get("m") != null ? c.get("m") : need(c, "d"));
        int i = (int) number(c, "i", primary(v));
        if (c.get("time") != null) {                                      // the primary's non-deterministic choice
            long timeNanos = Durations.parse(Term.print(c.get("time")));
            long digest = PrePrepare.digestOf(batch(need(c, "d")), timeNanos);
            batchNames.put(digest, Term.print(need(c, "d")) + "@" + Term.print(c.get("time")));
            PrePrepare unsigned = new PrePrepare(v, number(c, "n"), digest, shipped, i, null, timeNanos);
            return new PrePrepare(v, unsigned.seq(), digest, shipped, i, auth(c, i, unsigned, false), timeNanos);
        }
        PrePrepare unsigned = new PrePrepare(v, number(c, "n"), digest(c), shipped, i, null);
        return new PrePrepare(v, unsigned.seq(), unsigned.digest(), shipped, i, auth(c, i, unsigned, false));
    }

    private Prepare prepare(Term.Call c) {
        int i = (int) number(c, "i");
        Prepare unsigned = new Prepare(number(c, "v"), number(c, "n"), digest(c), i, null);
        return new Prepare(unsigned.view(), unsigned.seq(), unsigned.digest(), i, auth(c, i, unsigned, false));
    }

    private Commit commit(Term.Call c) {
        int i = (int) number(c, "i");
        Commit unsigned = new Commit(number(c, "v"), number(c, "n"), digest(c), i, null);
        return new Commit(unsigned.view(), unsigned.seq(), unsigned.digest(), i, auth(c, i, unsigned, false));
    }

    private Checkpoint checkpoint(Term.Call c) {
        int i = (int) number(c, "i");
        Checkpoint unsigned = new Checkpoint(number(c, "n"), stateDigest(need(c, "s")), i, null);
        return new Checkpoint(unsigned.seq(), unsigned.stateDigest(), i, auth(c, i, unsigned, false));
    }

    /** state(A, B): the digest of the service state after executing A then B from the initial state. */
    private long stateDigest(Term t) {
        return serviceState(t).digest();
    }

    /** state(A, B): the service state after executing A then B from the initial state. */
    private ServiceState serviceState(Term t) {
        if (!(t instanceof Term.Call s) || !s.name().equals("state")) {
            throw new IllegalArgumentException("a state is written state(A, B, ...), not " + Term.print(t));
        }
        ServiceState state = new ServiceState();
        for (Term name : s.positional()) {
            Request r = namedRequest(Term.print(name));
            state.execute(r.client(), r.stream(), r.timestamp(), r.op(), false);
        }
        stateNames.put(state.digest(), Term.print(t));
        return state;
    }

    private FetchState fetchState(Term.Call c) {
        int i = (int) number(c, "i");
        FetchState unsigned = new FetchState(number(c, "n"), i, null);
        return new FetchState(unsigned.seq(), i, auth(c, i, unsigned, false));
    }

    private StateTransfer stateTransfer(Term.Call c) {
        int i = (int) number(c, "i");
        StateTransfer unsigned = new StateTransfer(number(c, "n"), serviceState(need(c, "s")), i, null);
        return new StateTransfer(unsigned.seq(), unsigned.state(), i, auth(c, i, unsigned, false));
    }

    private PreparedProof cert(Term t) {
        Term.Call c = call(t);
        if (!c.name().equals("Cert")) {
            throw new IllegalArgumentException("P lists Cert(v=, n=, d=, prepares=[...]), not " + c.name());
        }
        PrePrepare pp = prePrepare(c);
        List<Prepare> prepares = new ArrayList<>();
        for (Term p : items(c, "prepares")) {
            if (p instanceof Term.Atom a) {
                int i = Integer.parseInt(a.text());
                Prepare unsigned = new Prepare(pp.view(), pp.seq(), pp.digest(), i, null);
                prepares.add(new Prepare(pp.view(), pp.seq(), pp.digest(), i,
                        new Auth(EngineHandles.sign(i, unsigned, Signature.Kind.MAC), Auth.MAC_BYTES)));
            } else {
                prepares.add(prepare(call(p)));
            }
        }
        return new PreparedProof(pp, prepares);
    }

    private ViewChange viewChange(Term.Call c) {
        List<Checkpoint> proof = new ArrayList<>();
        for (Term t : items(c, "C")) {
            proof.add(checkpoint(call(t)));
        }
        List<PreparedProof> prepared = new ArrayList<>();
        for (Term t : items(c, "P")) {
            prepared.add(cert(t));
        }
        int i = (int) number(c, "i");
        ViewChange unsigned = new ViewChange(number(c, "v"), number(c, "n", 0), proof, prepared, i, null);
        return new ViewChange(unsigned.newView(), unsigned.stableSeq(), proof, prepared, i, auth(c, i, unsigned, true));
    }

    private NewView newView(Term.Call c) {
        long v = number(c, "v");
        List<ViewChangeDigest> vs = named(c, v);
        List<PrePrepare> o = new ArrayList<>();
        for (Term t : items(c, "O")) {
            o.add(prePrepare(call(t)));
        }
        int i = (int) number(c, "i", primary(v));
        NewView unsigned = new NewView(v, vs, o, i, null);
        return new NewView(v, vs, o, i, auth(c, i, unsigned, true));
    }

    /** FetchViewChanges(v=1, V=[0 2], i=3): V as in a NEW-VIEW. */
    private FetchViewChanges fetchViewChanges(Term.Call c) {
        long v = number(c, "v");
        int i = (int) number(c, "i");
        FetchViewChanges unsigned = new FetchViewChanges(v, named(c, v), i, null);
        return new FetchViewChanges(v, unsigned.wanted(), i, auth(c, i, unsigned, false));
    }

    /** V of a NEW-VIEW: the VIEW-CHANGEs for {@code v} named by digest. */
    private List<ViewChangeDigest> named(Term.Call c, long v) {
        List<ViewChangeDigest> vs = new ArrayList<>();
        for (Term t : items(c, "V")) {
            if (t instanceof Term.Atom a) {
                ViewChange known = viewChanges.get(v + "/" + a.text());
                if (known == null) {
                    throw new IllegalArgumentException("no VIEW-CHANGE for view " + v + " from " + a.text()
                            + " went by in this transcript; spell it out in V");
                }
                vs.add(ViewChangeDigest.of(known));
            } else {
                vs.add(ViewChangeDigest.of(viewChange(call(t))));
            }
        }
        return vs;
    }

    /**
     * Status(view=1, active=false, lastExecuted=0, viewChanges=[0 2], replica=3), as it is printed;
     * an active one may add prepared=[2 3] and committed=[1], its slot bitmaps' set bits.
     */
    private Status status(Term.Call c) {
        List<Integer> held = new ArrayList<>();
        for (Term t : items(c, "viewChanges")) {
            held.add(Integer.parseInt(Term.print(t)));
        }
        List<Long> prepared = new ArrayList<>();
        for (Term t : items(c, "prepared")) {
            prepared.add(Long.parseLong(Term.print(t)));
        }
        List<Long> committed = new ArrayList<>();
        for (Term t : items(c, "committed")) {
            committed.add(Long.parseLong(Term.print(t)));
        }
        int i = (int) number(c, "replica");
        Status unsigned = new Status(number(c, "view"), Boolean.parseBoolean(Term.print(need(c, "active"))),
                number(c, "lastExecuted", 0), held, prepared, committed, i, null);
        return unsigned.withAuth(auth(c, i, unsigned, false));
    }

    private int primary(long view) {
        return (int) Math.floorMod(view, (long) n);
    }

    // ---------------------------------------------------------------- writing

    @Override
    public Term render(Object value) {
        if (value instanceof Request r) {
            return r.readOnly() ? Term.call("Request", "c", letter(r.client()), "t", r.timestamp(), "ro", true)
                    : Term.call("Request", "c", letter(r.client()), "t", r.timestamp());
        }
        if (value instanceof Reply r) {
            Term.Call reply = Term.call("Reply", "v", r.view(), "c", letter(r.client()), "t", r.timestamp(), "i", r.replica(),
                    "r", r.result());
            Term.Call shown = r.digest() ? with(reply, "digest", true) : reply;
            return r.tentative() ? with(shown, "tentative", true) : shown;
        }
        if (value instanceof PrePrepare pp) {
            return prePrepareTerm("PrePrepare", pp);
        }
        if (value instanceof Prepare p) {
            return Term.call("Prepare", "v", p.view(), "n", p.seq(), "d", digestName(p.digest()), "i", p.replica());
        }
        if (value instanceof Commit p) {
            return Term.call("Commit", "v", p.view(), "n", p.seq(), "d", digestName(p.digest()), "i", p.replica());
        }
        if (value instanceof Checkpoint cp) {
            return Term.call("Checkpoint", "n", cp.seq(), "s", stateName(cp.stateDigest()), "i", cp.replica());
        }
        if (value instanceof PreparedProof proof) {
            Term.Call cert = prePrepareTerm("Cert", proof.prePrepare());
            List<Term> prepares = new ArrayList<>();
            for (Prepare p : proof.prepares()) {
                PrePrepare pp = proof.prePrepare();
                boolean plain = p.view() == pp.view() && p.seq() == pp.seq() && p.digest() == pp.digest();
                prepares.add(plain ? Term.atom(p.replica()) : render(p));
            }
            return with(cert, "prepares", new Term.Items(prepares));
        }
        if (value instanceof ViewChange vc) {
            return Term.call("ViewChange", "v", vc.newView(), "n", vc.stableSeq(), "C", list(vc.checkpointProof()),
                    "P", list(vc.prepared()), "i", vc.replica());
        }
        if (value instanceof FetchViewChanges fetch) {
            return Term.call("FetchViewChanges", "v", fetch.view(), "V", named(fetch.view(), fetch.wanted()), "i", fetch.replica());
        }
        if (value instanceof NewView nv) {
            Term.Call t = Term.call("NewView", "v", nv.view(), "V", named(nv.view(), nv.viewChanges()), "O", list(nv.prePrepares()));
            return nv.replica() == primary(nv.view()) ? t : with(t, "i", nv.replica());
        }
        if (value instanceof FetchState fs) {
            return Term.call("FetchState", "n", fs.seq(), "i", fs.replica());
        }
        if (value instanceof StateTransfer st) {
            return Term.call("StateTransfer", "n", st.seq(), "s", render(st.state()), "i", st.replica());
        }
        if (value instanceof ServiceState state) {
            return Term.parse(stateName(state.digest()));
        }
        if (value instanceof Observations.Executed e) {
            return Term.call("Executed", "i", e.replica(), "v", e.view(), "n", e.seq(), "d", digestName(e.digest()));
        }
        if (value instanceof Observations.CheckpointTaken cp) {
            return Term.call("CheckpointTaken", "i", cp.replica(), "n", cp.seq(), "s", stateName(cp.stateDigest()));
        }
        if (value instanceof Status st) {                                 // the slot bitmaps only when a bit is set
            return Records.render(st, (name, v) -> name.equals("auth")
                    || ((name.equals("prepared") || name.equals("committed")) && ((List<?>) v).isEmpty()) ? null : render(v));
        }
        if (value instanceof Messages m) {
            return Records.render((Record) m, (name, v) -> name.equals("auth") ? null : render(v));  // Status, FetchState, ...
        }
        return Records.plain(value, this::render);
    }

    /** VIEW-CHANGEs named by digest: a sender's atom for the one seen in the transcript, else ViewChangeDigest(i, d). */
    private Term named(long view, List<ViewChangeDigest> digests) {
        List<Term> vs = new ArrayList<>();
        for (ViewChangeDigest d : digests) {
            ViewChange known = viewChanges.get(view + "/" + d.replica());
            vs.add(known != null && d.names(known) ? Term.atom(d.replica())
                    : Term.call("ViewChangeDigest", "i", d.replica(), "digest", Long.toHexString(d.digest())));
        }
        return new Term.Items(vs);
    }

    private Term.Call prePrepareTerm(String name, PrePrepare pp) {
        String shipped = batchName(pp.batch());
        batchNames.put(PrePrepare.digestOf(pp.batch()), shipped);
        Term.Call t = Term.call(name, "v", pp.view(), "n", pp.seq(), "d", digestName(pp.digest()));
        if (PrePrepare.digestOf(pp.batch()) != pp.digest()) {
            t = with(t, "m", shipped);
        }
        return pp.replica() == primary(pp.view()) ? t : with(t, "i", pp.replica());
    }

    private Term list(List<?> values) {
        List<Term> out = new ArrayList<>();
        for (Object v : values) {
            out.add(render(v));
        }
        return new Term.Items(out);
    }

    private static Term.Call with(Term.Call c, String key, Object value) {
        List<Term.Arg> args = new ArrayList<>(c.args());
        args.add(new Term.Arg(key, value instanceof Term t ? t : Term.atom(value)));
        return new Term.Call(c.name(), args);
    }

    private String letter(int client) {
        return client >= n ? String.valueOf((char) ('A' + client - n)) : "r" + client;
    }

    private String digestName(long digest) {
        String name = batchNames.get(digest);
        return name != null ? name : "#" + Long.toHexString(digest);
    }

    private String stateName(long digest) {
        String name = stateNames.get(digest);
        return name != null ? name : "#" + Long.toHexString(digest);
    }
}
