package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.ObservationListener;
import quorumsim.metrics.Metrics;
import quorumsim.result.RunSummary;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Observations;
import quorumsim.result.Violation;

/**
 * What the checkers see of a run, as reported through {@code Context.observe}, kept compact
 * so a long run stays small: per sequence number the agreed batch (the first execution by a
 * correct replica) and per checkpoint the first correct state digest; every later execution
 * or checkpoint by a correct replica is compared with them as it happens. A replica is
 * correct until a Byzantine behaviour is switched on at it; nothing it does after that is
 * judged.
 */
public final class RunRecord implements ObservationListener {
    /** The batch agreed at one sequence number: who executed it first, when, in which view. */
    public record Agreed(long seq, int replica, long view, long digest, long timeNanos, List<Request> batch) {
    }

    /** The first correct checkpoint at a sequence number. */
    record Snapshot(int replica, long stateDigest, long timeNanos) {
    }

    /** A client request: what it asked, when it was issued and, once accepted, the result. */
    public static final class ClientCall {
        public final int client;
        public final int stream;
        public final long timestamp;
        public final Operation op;
        public final long issuedNanos;
        public long acceptedNanos = -1;
        public String result;
        public boolean readOnly;
        public boolean tentative;
        /** Where it sits in the agreed order (0: not executed by a correct replica). */
        public long executedSeq;

        ClientCall(int client, int stream, long timestamp, Operation op, long issuedNanos) {
            this.client = client;
            this.stream = stream;
            this.timestamp = timestamp;
            this.op = op;
            this.issuedNanos = issuedNanos;
        }

        public String name() {
            return "c" + client + "/" + stream + " t=" + timestamp + " (" + op + ")";
        }
    }

    private final int replicas;
    private final String[] names;
    final TreeMap<Long, Agreed> agreed = new TreeMap<>();
    final List<Violation> agreementViolations = new ArrayList<>();
    private long executionsCompared;
    final TreeMap<Long, Snapshot> checkpoints = new TreeMap<>();
    final List<Violation> checkpointViolations = new ArrayList<>();
    private long checkpointsCompared;
    final long[] lastViewInstalled;
    private final TreeSet<Long> viewsInstalled = new TreeSet<>();
    private final TreeSet<Integer> faulty = new TreeSet<>();
    private final ArrayList<ClientCall> calls = new ArrayList<>();
    /** Looked up by key, never iterated: a HashMap is safe here. */
    private final HashMap<Long, ClientCall> callsByKey = new HashMap<>();

    /** @param names display name per node id (replicas first) */
    public RunRecord(int replicas, List<String> names) {
        this.replicas = replicas;
        this.names = names.toArray(new String[0]);
        this.lastViewInstalled = new long[replicas];
    }

    @Override
    public void onObservation(long timeNanos, int node, Object event) {
        if (event instanceof Observations.Behaviour b) {
            if (b.enabled()) {
                faulty.add(b.replica());
            }
        } else if (event instanceof Observations.Executed e) {
            if (isCorrect(e.replica())) {
                executed(timeNanos, e);
            }
        } else if (event instanceof Observations.CheckpointTaken c) {
            if (isCorrect(c.replica())) {
                checkpoint(timeNanos, c);
            }
        } else if (event instanceof Observations.ViewInstalled v) {
            lastViewInstalled[v.replica()] = Math.max(lastViewInstalled[v.replica()], v.view());
            if (isCorrect(v.replica())) {
                viewsInstalled.add(v.view());
            }
        } else if (event instanceof Observations.Issued i) {
            ClientCall call = new ClientCall(i.client(), i.stream(), i.timestamp(), i.op(), timeNanos);
            calls.add(call);
            callsByKey.put(key(i.client(), i.stream(), i.timestamp()), call);
        } else if (event instanceof Observations.Accepted a) {
            ClientCall call = callsByKey.get(key(a.client(), a.stream(), a.timestamp()));
            if (call != null && call.acceptedNanos < 0) {
                call.acceptedNanos = timeNanos;
                call.result = a.result();
                call.readOnly = a.readOnly();
                call.tentative = a.tentative();
            }
        }
    }

    private void executed(long timeNanos, Observations.Executed e) {
        Agreed first = agreed.get(e.seq());
        if (first == null) {
            agreed.put(e.seq(), new Agreed(e.seq(), e.replica(), e.view(), e.digest(), timeNanos, e.batch()));
            for (Request r : e.batch()) {
                ClientCall call = callsByKey.get(key(r.client(), r.stream(), r.timestamp()));
                if (call != null && call.executedSeq == 0) {
                    call.executedSeq = e.seq();
                }
            }
            return;
        }
        executionsCompared++;
        if (first.digest() != e.digest()) {
            agreementViolations.add(new Violation("agreement", String.format(
                    "seq %d: %s executed digest %s (view %d, %d requests) at %.6fs but %s executed digest %s (view %d, %d requests) at %.6fs",
                    e.seq(), name(first.replica()), hex(first.digest()), first.view(), first.batch().size(), seconds(first.timeNanos()),
                    name(e.replica()), hex(e.digest()), e.view(), e.batch().size(), seconds(timeNanos)), seconds(timeNanos)));
        }
    }

    private void checkpoint(long timeNanos, Observations.CheckpointTaken c) {
        Snapshot first = checkpoints.get(c.seq());
        if (first == null) {
            checkpoints.put(c.seq(), new Snapshot(c.replica(), c.stateDigest(), timeNanos));
            return;
        }
        checkpointsCompared++;
        if (first.stateDigest() != c.stateDigest()) {
            checkpointViolations.add(new Violation("checkpoint", String.format(
                    "checkpoint at seq %d: %s has state %s but %s has %s at %.6fs", c.seq(), name(first.replica()),
                    hex(first.stateDigest()), name(c.replica()), hex(c.stateDigest()), seconds(timeNanos)), seconds(timeNanos)));
        }
    }

    static long key(int client, int stream, long timestamp) {
        return ((long) client << 40) | ((long) stream << 32) | timestamp;
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

    public long completed() {
        return calls.stream().filter(c -> c.acceptedNanos >= 0).count();
    }

    /** Client calls in issue order. */
    /** Requests completed in the measured window (from the metrics) and still unanswered at the end. */
    public RunSummary.Requests requests(Metrics metrics) {
        TreeMap<String, Long> byKind = metrics.completedByKind();
        long reads = byKind.getOrDefault("read", 0L);
        long writes = byKind.getOrDefault("write", 0L);
        long pending = calls().stream().filter(c -> c.acceptedNanos < 0).count();
        return new RunSummary.Requests(reads + writes, pending, reads, writes);
    }

    public Collection<ClientCall> calls() {
        return Collections.unmodifiableList(calls);
    }

    /** Highest sequence number executed by a correct replica. */
    public long highestExecuted() {
        return agreed.isEmpty() ? 0 : agreed.lastKey();
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
