package quorumsim.pbft;

import java.util.Map;
import java.util.TreeMap;
import quorumsim.kv.Hashing;
import quorumsim.kv.KvStore;
import quorumsim.kv.Operation;

/**
 * What a checkpoint covers: the key-value store and the last reply to each client stream
 * (the paper checkpoints the reply cache with the state, so a replica brought up to date
 * by state transfer still discards stale requests). Also keeps an undo log for tentative
 * execution.
 */
public final class ServiceState {
    /** The last reply sent to a client stream. */
    public record CachedReply(long timestamp, String result) {
    }

    private record Undo(String key, String oldValue, long clientStream, CachedReply oldReply) {
    }

    /** An undo entry of a stamp: no reply to restore. */
    private static final long NO_STREAM = -1;

    private final KvStore kv;
    private final TreeMap<Long, CachedReply> replies;
    private final java.util.ArrayList<Undo> undo = new java.util.ArrayList<>();

    public ServiceState() {
        this(new KvStore(), new TreeMap<>());
    }

    private ServiceState(KvStore kv, TreeMap<Long, CachedReply> replies) {
        this.kv = kv;
        this.replies = replies;
    }

    public static long clientStream(int client, int stream) {
        return ((long) client << 20) | stream;
    }

    public CachedReply lastReply(int client, int stream) {
        return replies.get(clientStream(client, stream));
    }

    /** Executes {@code op} for a client stream and caches the reply; records an undo entry when asked. */
    public String execute(int client, int stream, long timestamp, Operation op, boolean keepUndo) {
        long key = clientStream(client, stream);
        if (keepUndo) {
            undo.add(new Undo(op.key(), kv.valueOf(op.key()), key, replies.get(key)));
        }
        String result = kv.apply(op);
        replies.put(key, new CachedReply(timestamp, result));
        return result;
    }

    /**
     * Records when {@code key} was last written (a non-deterministic value: a replica's clock, or
     * the time the primary proposed), under a key of its own that no client reads; it is part of
     * the state, so checkpoints of replicas that stamped differently differ.
     */
    public void stamp(String key, long timeNanos, boolean keepUndo) {
        String modified = key + "#modified";
        if (keepUndo) {
            undo.add(new Undo(modified, kv.valueOf(modified), NO_STREAM, null));
        }
        kv.apply(Operation.put(modified, Long.toString(timeNanos)));
    }

    /** Reads without changing anything (the read-only optimisation). */
    public String read(Operation op) {
        if (!op.isRead()) {
            throw new IllegalStateException("read-only execution of a write: " + op);
        }
        return kv.apply(op);
    }

    /** Tentative executions are now final: forget how to undo them. */
    public void forgetUndo() {
        undo.clear();
    }

    public boolean hasUndo() {
        return !undo.isEmpty();
    }

    /** Rolls back every execution since the last {@link #forgetUndo}. */
    public void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            Undo u = undo.get(i);
            kv.restore(u.key(), u.oldValue());
            if (u.clientStream() == NO_STREAM) {
                continue;
            }
            if (u.oldReply() == null) {
                replies.remove(u.clientStream());
            } else {
                replies.put(u.clientStream(), u.oldReply());
            }
        }
        undo.clear();
    }

    public ServiceState copy() {
        if (!undo.isEmpty()) {
            throw new IllegalStateException("a checkpoint copied state with tentative executions not yet committed");
        }
        return new ServiceState(kv.copy(), new TreeMap<>(replies));
    }

    public long digest() {
        long d = kv.digest();
        for (Map.Entry<Long, CachedReply> e : replies.entrySet()) {
            d = Hashing.mix(Hashing.mix(d, e.getKey()), Hashing.mix(e.getValue().timestamp(), Hashing.of(e.getValue().result())));
        }
        return d;
    }

    /** A stable text for traces: the same state prints the same in every run and JVM. */
    @Override
    public String toString() {
        return String.format("ServiceState[keys=%d, replies=%d, digest=%016x]", kv.size(), replies.size(), digest());
    }

    /** Rough bytes to ship this state: 32 per entry plus the reply cache. */
    public int sizeBytes() {
        return 32 * kv.size() + 24 * replies.size();
    }
}
