package quorumsim.pbft.byzantine;

import java.util.random.RandomGenerator;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.core.Signature;
import quorumsim.core.StableStore;
import quorumsim.core.TimerId;
import quorumsim.metrics.Metrics;

/** The context a wrapped honest replica sees: everything passes through, except that sends go to the adversary first. */
final class FilteredContext implements Context {
    interface Outgoing {
        void send(Context real, int to, Message message);
    }

    private final Context real;
    private final Outgoing outgoing;

    FilteredContext(Context real, Outgoing outgoing) {
        this.real = real;
        this.outgoing = outgoing;
    }

    public int self() {
        return real.self();
    }

    public long now() {
        return real.now();
    }

    public long trueTimeNanos() {
        return real.trueTimeNanos();
    }

    public void send(int to, Message message) {
        outgoing.send(real, to, message);
    }

    public TimerId setTimer(long delayNanos, Object timer) {
        return real.setTimer(delayNanos, timer);
    }

    public void cancelTimer(TimerId id) {
        real.cancelTimer(id);
    }

    public RandomGenerator random() {
        return real.random();
    }

    public void chargeCpu(long nanos) {
        real.chargeCpu(nanos);
    }

    public void persist(int bytes, Object token) {
        real.persist(bytes, token);
    }

    public Signature sign(Object content, Signature.Kind kind) {
        return real.sign(content, kind);
    }

    public boolean verify(Signature signature, int signer, Object content) {
        return real.verify(signature, signer, content);
    }

    public void observe(Object event) {
        real.observe(event);
    }

    public Metrics metrics() {
        return real.metrics();
    }

    public StableStore store() {
        return real.store();
    }
}
