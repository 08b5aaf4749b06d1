package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.ObservationListener;
import quorumsim.kv.Operation;
import quorumsim.metrics.Metrics;
import quorumsim.pbft.Observations;
import quorumsim.result.RunSummary;
import quorumsim.result.Violation;

/**
 * What the checkers see of a run, as reported through {@code Context.observe}, checked as it
 * happens and kept only as long as a later check needs it, so a long run stays small:
 * <ul>
 * <li>per sequence number the first execution by a correct replica; every later execution
 *     by a correct replica is compared with it. It is forgotten once every correct replica
 *     has saved a checkpoint at or above it: a correct replica never executes a sequence
 *     number at or below its saved checkpoint again (after a crash it restarts there);
 * <li>per checkpoint the first correct state digest, compared and forgotten the same way;
 * <li>the agreed order replayed for the clients' results ({@link ResultLedger}), which
 *     forgets values no read-only request in flight or to come can return;
 * <li>requests in flight in full; answered ones judged for liveness as they are answered
 *     when the run says up front how ({@link LivenessTally}), else kept as three numbers
 *     ({@link AnsweredCalls}).
 * </ul>
 * A replica is correct until a Byzantine behaviour is switched on at it; nothing it does
 * after that is judged.
 */
public final class RunRecord implements ObservationListener {
    /** The first execution by a correct replica at one sequence number. */
    record Agreed(int replica, long view, long digest, long timeNanos, int requests) {
    }

    /** The first correct checkpoint at a sequence number. */
    record Snapshot(int replica, long stateDigest, long timeNanos) {
    }

    /** A request issued and not answered yet. */
    public static final class ClientCall {
        public final int client;
        public final int stream;
        public final long timestamp;
        public final Operation op;
        public final long issuedNanos;
        /** The checkpoint every correct replica had saved when it was issued: no correct replica answers from before it. */
        final long floorSeq;
        /** Where it sits in the agreed order (0: not executed by a correct replica yet). */
        public long executedSeq;

        /** The client's name as charts give it ("c0"). */
        private final String clientName;

        ClientCall(int client, int stream, long timestamp, Operation op, long issuedNanos, long floorSeq, String clientName) {
            this.clientName = clientName;
            this.client = client;
            this.stream = stream;
            this.timestamp = timestamp;
            this.op = op;
            this.issuedNanos = issuedNanos;
            this.floorSeq = floorSeq;
        }

        public String name() {
            return clientName + "/" + stream + " t=" + timestamp + " (" + op + ")";
        }
    }

    private final int replicas;
    private final String[] names;
    private final TreeMap<Long, Agreed> agreed = new TreeMap<>();
    private long agreedSeqs;
    private long highestExecuted;
    final List<Violation> agreementViolations = new ArrayList<>();
    private long executionsCompared;
    private final TreeMap<Long, Snapshot> checkpoints = new TreeMap<>();
    private long checkpointSeqs;
    final List<Violation> checkpointViolations = new ArrayList<>();
    private long checkpointsCompared;
    /** Per replica, its latest saved checkpoint; sequence numbers at or below the lowest over correct replicas are forgotten. */
    private final long[] saved;
    private long forgottenThrough;
    final long[] lastViewInstalled;
    private final TreeSet<Long> viewsInstalled = new TreeSet<>();
    private final TreeSet<Integer> faulty = new TreeSet<>();
    final ResultLedger results;
    /** Issued and not answered, in issue order, by call key. */
    private final LinkedHashMap<Long, ClientCall> inFlight = new LinkedHashMap<>();
    final AnsweredCalls answered = new AnsweredCalls();
    private long completed;
    /** Set before the run when the liveness question is known: answers are then judged, not kept. */
    LivenessTally tally;

    /** A record for a run in which clients may send read-only requests. */
    public RunRecord(int replicas, List<String> names) {
        this(replicas, names, true);
    }

    /**
     * @param names            display name per node id (replicas first)
     * @param readOnlyPossible clients may send read-only requests (then every value a key held is kept, as a digest)
     */
    public RunRecord(int replicas, List<String> names, boolean readOnlyPossible) {
        this.replicas = replicas;
        this.names = names.toArray(new String[0]);
        this.lastViewInstalled = new long[replicas];
        this.saved = new long[replicas];
        this.results = new ResultLedger(readOnlyPossible);
    }

    @Override
    public void onObservation(long timeNanos, int node, Object event) {
        if (event instanceof Observations.Behaviour b) {
            if (b.enabled()) {
                faulty.add(b.replica());
                forget();
            }
        } else if (event instanceof Observations.Executed e) {
            if (isCorrect(e.replica())) {
                executed(timeNanos, e);
            }
        } else if (event instanceof Observations.CheckpointTaken c) {
            if (isCorrect(c.replica())) {
                checkpoint(timeNanos, c);
            }
        } else if (event instanceof Observations.CheckpointSaved c) {
            saved[c.replica()] = Math.max(saved[c.replica()], c.seq());
            forget();
        } else if (event instanceof Observations.ViewInstalled v) {
            lastViewInstalled[v.replica()] = Math.max(lastViewInstalled[v.replica()], v.view());
            if (isCorrect(v.replica())) {
                viewsInstalled.add(v.view());
            }
        } else if (event instanceof Observations.Issued i) {
            inFlight.put(key(i.client(), i.stream(), i.timestamp()), new ClientCall(i.client(), i.stream(), i.timestamp(), i.op(), timeNanos,
                    forgottenThrough, name(i.client())));
        } else if (event instanceof Observations.Accepted a) {
            ClientCall call = inFlight.remove(key(a.client(), a.stream(), a.timestamp()));
            if (call != null) {
                completed++;
                if (tally != null) {
                    tally.answered(call.issuedNanos, timeNanos, key(call.client, call.stream, call.timestamp));
                } else {
                    answered.add(call.issuedNanos, timeNanos, key(call.client, call.stream, call.timestamp));
                }
                results.accepted(call, timeNanos, a.result(), a.readOnly(), a.tentative());
            }
        }
    }

    private void executed(long timeNanos, Observations.Executed e) {
        if (e.seq() <= forgottenThrough) {
            agreementViolations.add(new Violation("agreement", String.format(
                    "seq %d: %s executed it again at %.6fs, though every correct replica has saved a checkpoint at or above it (%d)",
                    e.seq(), name(e.replica()), seconds(timeNanos), forgottenThrough), seconds(timeNanos)));
            return;
        }
        Agreed first = agreed.get(e.seq());
        if (first == null) {
            agreed.put(e.seq(), new Agreed(e.replica(), e.view(), e.digest(), timeNanos, e.batch().size()));
            agreedSeqs++;
            highestExecuted = Math.max(highestExecuted, e.seq());
            for (var r : e.batch()) {
                ClientCall call = inFlight.get(key(r.client(), r.stream(), r.timestamp()));
                if (call != null && call.executedSeq == 0) {
                    call.executedSeq = e.seq();
                }
            }
            results.agreed(e.seq(), e.batch());
            return;
        }
        executionsCompared++;
        if (first.digest() != e.digest()) {
            agreementViolations.add(new Violation("agreement", String.format(
                    "seq %d: %s executed digest %s (view %d, %d requests) at %.6fs but %s executed digest %s (view %d, %d requests) at %.6fs",
                    e.seq(), name(first.replica()), hex(first.digest()), first.view(), first.requests(), seconds(first.timeNanos()),
                    name(e.replica()), hex(e.digest()), e.view(), e.batch().size(), seconds(timeNanos)), seconds(timeNanos)));
        }
    }

    private void checkpoint(long timeNanos, Observations.CheckpointTaken c) {
        if (c.seq() <= forgottenThrough) {
            return;                                                       // taken again from a saved state: compared before
        }
        Snapshot first = checkpoints.get(c.seq());
        if (first == null) {
            checkpoints.put(c.seq(), new Snapshot(c.replica(), c.stateDigest(), timeNanos));
            checkpointSeqs++;
            return;
        }
        checkpointsCompared++;
        if (first.stateDigest() != c.stateDigest()) {
            checkpointViolations.add(new Violation("checkpoint", String.format(
                    "checkpoint at seq %d: %s has state %s but %s has %s at %.6fs", c.seq(), name(first.replica()),
                    hex(first.stateDigest()), name(c.replica()), hex(c.stateDigest()), seconds(timeNanos)), seconds(timeNanos)));
        }
    }

    /** Forgets what no correct replica will execute or checkpoint again. */
    private void forget() {
        long lowest = Long.MAX_VALUE;
        for (int r = 0; r < replicas; r++) {
            if (isCorrect(r)) {
                lowest = Math.min(lowest, saved[r]);
            }
        }
        if (lowest == Long.MAX_VALUE || lowest <= forgottenThrough) {
            return;
        }
        forgottenThrough = lowest;
        agreed.headMap(lowest, true).clear();
        checkpoints.headMap(lowest, true).clear();
        long floor = lowest;
        for (ClientCall call : inFlight.values()) {
            floor = Math.min(floor, call.floorSeq);
        }
        results.forgetValuesBefore(floor);
    }

    /**
     * Liveness will be judged from {@code settledFromNanos} with {@code boundNanos}
     * ({@link LivenessChecker}): judge each answer as it comes and keep none. Call before
     * the run.
     */
    public void judgeLivenessWith(long settledFromNanos, long boundNanos) {
        if (completed > 0) {
            throw new IllegalStateException("liveness parameters must be given before the first answer");
        }
        tally = new LivenessTally(settledFromNanos, boundNanos, LivenessChecker.NAMED, this::callName);
    }

    static long key(int client, int stream, long timestamp) {
        return ((long) client << 40) | ((long) stream << 32) | timestamp;
    }

    /** "c0/0 t=249" from a call key: the client as charts and diagrams name it, its stream, its timestamp. */
    String callName(long key) {
        return name((int) (key >>> 40)) + "/" + ((key >>> 32) & 0xFF) + " t=" + (key & 0xFFFF_FFFFL);
    }

    public boolean isCorrect(int replica) {
        return !faulty.contains(replica);
    }

    public TreeSet<Integer> faulty() {
        return new TreeSet<>(faulty);
    }

    public int replicas() {
        return replicas;
    }

    public String name(int node) {
        return node < names.length ? names[node] : "n" + node;
    }

    /** Views after the first that some correct replica installed. */
    public int viewChanges() {
        return viewsInstalled.size();
    }

    /** Requests clients accepted a result for. */
    public long completed() {
        return completed;
    }

    /** Requests clients accepted a result for after {@code nanos}. */
    public long completedAfter(long nanos) {
        if (tally != null) {
            throw new IllegalStateException("answers are judged as they come and not kept (judgeLivenessWith)");
        }
        long count = 0;
        for (int i = 0; i < answered.size(); i++) {
            if (answered.acceptedNanos(i) > nanos) {
                count++;
            }
        }
        return count;
    }

    /** Requests clients issued. */
    public long issued() {
        return completed + inFlight.size();
    }

    /** Requests issued and not answered, in issue order. */
    public Collection<ClientCall> inFlight() {
        return Collections.unmodifiableCollection(inFlight.values());
    }

    /** Requests completed in the measured window (from the metrics) and still unanswered at the end. */
    public RunSummary.Requests requests(Metrics metrics) {
        TreeMap<String, Long> byKind = metrics.completedByKind();
        long reads = byKind.getOrDefault("read", 0L);
        long writes = byKind.getOrDefault("write", 0L);
        return new RunSummary.Requests(reads + writes, inFlight.size(), reads, writes);
    }

    /** Highest sequence number executed by a correct replica. */
    public long highestExecuted() {
        return highestExecuted;
    }

    long agreedSeqs() {
        return agreedSeqs;
    }

    long checkpointSeqs() {
        return checkpointSeqs;
    }

    long executionsCompared() {
        return executionsCompared;
    }

    long checkpointsCompared() {
        return checkpointsCompared;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String hex(long digest) {
        return String.format("%016x", digest);
    }
}
