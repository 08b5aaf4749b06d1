package quorumsim.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.core.Signature;
import quorumsim.core.StableStore;
import quorumsim.core.TimerId;
import quorumsim.metrics.Metrics;

/**
 * A {@link Context} for one replica that does nothing but write down what the replica asked
 * for: sends and multicasts, timers set and cancelled, disk writes, observations, closed
 * connections. Signing is
 * the engine's ({@link EngineHandles}). Timers wait until a transcript fires them; writes until
 * it says they are on disk. The clock moves only when a timer fires.
 */
final class RecordingContext implements Context {
    /** A timer the replica set and nobody fired or cancelled yet. */
    record Pending(TimerId id, long dueNanos) {
    }

    private final int self;
    private final StableStore store;
    private final Metrics metrics = new Metrics(1_000_000_000L);
    private final RandomGenerator random = new SplittableRandom(1);
    private final List<Effect> effects = new ArrayList<>();
    private final List<Pending> timers = new ArrayList<>();
    private final List<Object> writes = new ArrayList<>();
    private long nowNanos;

    RecordingContext(int self, StableStore store) {
        this.self = self;
        this.store = store;
    }

    /**
     * The context of the same node after a crash and recovery: the stable store and the clock
     * go on; timers and disk writes not yet done are lost with the process.
     */
    RecordingContext restarted() {
        RecordingContext next = new RecordingContext(self, store);
        next.nowNanos = nowNanos;
        return next;
    }

    /** What the replica did since the last call, and forget it. */
    List<Effect> drain() {
        List<Effect> out = List.copyOf(effects);
        effects.clear();
        return out;
    }

    List<Pending> pendingTimers() {
        return List.copyOf(timers);
    }

    /** The timer leaves the pending list and the clock moves to when it was due. */
    void fired(Pending p) {
        timers.remove(p);
        nowNanos = Math.max(nowNanos, p.dueNanos());
    }

    /** Every write handed to the disk and not yet reported done, oldest first; they are done now. */
    List<Object> takeWrites() {
        List<Object> out = List.copyOf(writes);
        writes.clear();
        return out;
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public long now() {
        return nowNanos;
    }

    @Override
    public long trueTimeNanos() {
        return nowNanos;
    }

    @Override
    public void send(int to, Message message) {
        if (to < 0) {
            throw new IllegalArgumentException("node " + self + " sent " + message.typeName() + " to unknown node " + to);
        }
        effects.add(new Effect.Send(to, message));
    }

    @Override
    public void multicast(int[] to, Message message) {
        int[] others = java.util.Arrays.stream(to).filter(node -> node != self).toArray();
        if (others.length > 0) {
            effects.add(new Effect.Multicast(others, message));
        }
    }

    @Override
    public TimerId setTimer(long delayNanos, Object timer) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("timer delay must not be negative: " + timer);
        }
        TimerId id = EngineHandles.timerId(timer);
        timers.add(new Pending(id, nowNanos + delayNanos));
        effects.add(new Effect.TimerSet(timer, delayNanos));
        return id;
    }

    @Override
    public void cancelTimer(TimerId id) {
        if (id == null) {
            return;
        }
        EngineHandles.cancel(id);
        if (timers.removeIf(p -> p.id() == id)) {
            effects.add(new Effect.TimerCancelled(id.timer()));
        }
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void chargeCpu(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("CPU charge must not be negative");
        }
    }

    @Override
    public void closeConnection(int peer) {
        effects.add(new Effect.Close(peer));
    }

    @Override
    public void persist(quorumsim.disk.DiskDevice device, int bytes, Object token) {
        writes.add(token);
        effects.add(new Effect.Persist(device, token));
    }

    @Override
    public Signature sign(Object content, Signature.Kind kind) {
        return EngineHandles.sign(self, content, kind);
    }

    @Override
    public boolean verify(Signature signature, int signer, Object content) {
        return EngineHandles.verify(signature, signer, content);
    }

    @Override
    public void observe(Object event) {
        effects.add(new Effect.Observe(event));
    }

    @Override
    public Metrics metrics() {
        return metrics;
    }

    @Override
    public StableStore store() {
        return store;
    }
}
