package quorumsim.pbft.byzantine;

import quorumsim.core.Context;
import quorumsim.core.ForwardingContext;
import quorumsim.core.Message;

/** The context a wrapped honest replica sees: everything passes through, except that sends go to the adversary first. */
final class FilteredContext extends ForwardingContext {
    interface Outgoing {
        void send(Context real, int to, Message message);
    }

    private final Outgoing outgoing;
    private final java.util.function.BooleanSupplier honestNow;

    /** {@code honestNow}: no behaviour is on, so what the replica sends passes untouched. */
    FilteredContext(Context real, Outgoing outgoing, java.util.function.BooleanSupplier honestNow) {
        super(real);
        this.outgoing = outgoing;
        this.honestNow = honestNow;
    }

    @Override
    public void send(int to, Message message) {
        outgoing.send(delegate(), to, message);
    }

    /** While the replica is honest a multicast stays one (the switch copies it); else each copy passes the adversary. */
    @Override
    public void multicast(int[] to, Message message) {
        if (honestNow.getAsBoolean()) {
            delegate().multicast(to, message);
        } else {
            super.multicast(to, message);
        }
    }
}
