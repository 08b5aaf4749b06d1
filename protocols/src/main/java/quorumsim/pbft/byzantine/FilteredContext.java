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

    FilteredContext(Context real, Outgoing outgoing) {
        super(real);
        this.outgoing = outgoing;
    }

    @Override
    public void send(int to, Message message) {
        outgoing.send(delegate(), to, message);
    }
}
