package quorumsim.pbft.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.ObservationListener;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Observations;

/**
 * What the checkers see of a run: executions, checkpoints, views, and the clients'
 * histories, as reported through {@code Context.observe}. A replica that ever had a
 * Byzantine behaviour switched on is faulty for the whole run; checkers judge only the
 * correct ones.
 */
public final class RunRecord implements ObservationListener {
    /** One final execution at one replica. */
    public record Execution(long timeNanos, long view, long digest, List<Request> batch) {
    }

    /** A client request: its key, operation, when it was issued and, once accepted, the result. */
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
    /** seq -> replica -> execution. */
    final TreeMap<Long, TreeMap<Integer, Execution>> executions = new TreeMap<>();
    /** A checkpoint one replica took. */
    public record Snapshot(long stateDigest, long timeNanos) {
    }

    /** seq -> replica -> checkpoint. */
    final TreeMap<Long, TreeMap<Integer, Snapshot>> checkpoints = new TreeMap<>();
    final long[] lastViewInstalled;
    /** Who installed each view (whether they were correct is decided at the end). */
    final TreeMap<Long, TreeSet<Integer>> viewsInstalled = new TreeMap<>();
    final TreeSet<Integer> faulty = new TreeSet<>();
    /** Client calls in issue order, by (client, stream, timestamp). */
    final LinkedHashMap<String, ClientCall> calls = new LinkedHashMap<>();

    /** @param names display name per node id (replicas first) */
    public RunRecord(int replicas, List<String> names) {
        this.replicas = replicas;
        this.names = names.toArray(new String[0]);
        this.lastViewInstalled = new long[replicas];
    }

    @Override
    public void onObservation(long timeNanos, int node, Object event) {
        if (event instanceof Observations.Executed e) {
            executions.computeIfAbsent(e.seq(), s -> new TreeMap<>())
                    .put(e.replica(), new Execution(timeNanos, e.view(), e.digest(), e.batch()));
        } else if (event instanceof Observations.CheckpointTaken c) {
            checkpoints.computeIfAbsent(c.seq(), s -> new TreeMap<>()).put(c.replica(), new Snapshot(c.stateDigest(), timeNanos));
        } else if (event instanceof Observations.ViewInstalled v) {
            lastViewInstalled[v.replica()] = Math.max(lastViewInstalled[v.replica()], v.view());
            viewsInstalled.computeIfAbsent(v.view(), k -> new TreeSet<>()).add(v.replica());
        } else if (event instanceof Observations.Behaviour b) {
            if (b.enabled()) {
                faulty.add(b.replica());
            }
        } else if (event instanceof Observations.Issued i) {
            calls.put(key(i.client(), i.stream(), i.timestamp()), new ClientCall(i.client(), i.stream(), i.timestamp(), i.op(), timeNanos));
        } else if (event instanceof Observations.Accepted a) {
            ClientCall call = calls.get(key(a.client(), a.stream(), a.timestamp()));
            if (call != null && call.acceptedNanos < 0) {
                call.acceptedNanos = timeNanos;
                call.result = a.result();
                call.readOnly = a.readOnly();
                call.tentative = a.tentative();
            }
        }
    }

    static String key(int client, int stream, long timestamp) {
        return client + "/" + stream + "/" + timestamp;
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
        int count = 0;
        for (TreeSet<Integer> installers : viewsInstalled.values()) {
            if (installers.stream().anyMatch(this::isCorrect)) {
                count++;
            }
        }
        return count;
    }

    public long completed() {
        return calls.values().stream().filter(c -> c.acceptedNanos >= 0).count();
    }

    public java.util.Collection<ClientCall> calls() {
        return calls.values();
    }

    /** Highest sequence number executed by any correct replica. */
    public long highestExecuted() {
        long max = 0;
        for (var e : executions.entrySet()) {
            for (int r : e.getValue().keySet()) {
                if (isCorrect(r)) {
                    max = Math.max(max, e.getKey());
                }
            }
        }
        return max;
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String hex(long digest) {
        return String.format("%016x", digest);
    }
}
