package quorumsim.core;

import java.util.random.RandomGenerator;
import quorumsim.metrics.Metrics;

/**
 * A context that passes everything to another one: the base of the contexts Byzantine
 * behaviours hand to the honest actor they wrap, which override only what they tamper with
 * (usually {@link #send}).
 */
public abstract class ForwardingContext implements Context {
    private final Context delegate;

    protected ForwardingContext(Context delegate) {
        this.delegate = delegate;
    }

    /** The engine's context underneath. */
    protected final Context delegate() {
        return delegate;
    }

    @Override
    public int self() {
        return delegate.self();
    }

    @Override
    public long now() {
        return delegate.now();
    }

    @Override
    public long trueTimeNanos() {
        return delegate.trueTimeNanos();
    }

    @Override
    public void send(int to, Message message) {
        delegate.send(to, message);
    }

    @Override
    public void closeConnection(int peer) {
        delegate.closeConnection(peer);
    }

    @Override
    public TimerId setTimer(long delayNanos, Object timer) {
        return delegate.setTimer(delayNanos, timer);
    }

    @Override
    public void cancelTimer(TimerId id) {
        delegate.cancelTimer(id);
    }

    @Override
    public RandomGenerator random() {
        return delegate.random();
    }

    @Override
    public void chargeCpu(long nanos) {
        delegate.chargeCpu(nanos);
    }

    @Override
    public void persist(quorumsim.disk.DiskDevice device, int bytes, Object token) {
        delegate.persist(device, bytes, token);
    }

    @Override
    public Signature sign(Object content, Signature.Kind kind) {
        return delegate.sign(content, kind);
    }

    @Override
    public boolean verify(Signature signature, int signer, Object content) {
        return delegate.verify(signature, signer, content);
    }

    @Override
    public void observe(Object event) {
        delegate.observe(event);
    }

    @Override
    public Metrics metrics() {
        return delegate.metrics();
    }

    @Override
    public StableStore store() {
        return delegate.store();
    }
}
