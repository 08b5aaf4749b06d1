package quorumsim.zab.byzantine;

import java.util.List;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.ForwardingContext;
import quorumsim.core.Message;
import quorumsim.zab.Messages;
import quorumsim.zab.ZabServer;

/**
 * An honest {@link ZabServer} whose outgoing messages a Byzantine behaviour rewrites:
 * "equivocate" sends followers with odd ids a different transaction under the same zxid than
 * the others get (Zab, a crash-fault protocol, has no defence); "silent" sends nothing.
 * The honest server never knows.
 */
public final class ByzantineServer implements Actor {
    public static final List<String> BEHAVIOURS = List.of("equivocate", "silent");

    private final ZabServer honest;
    private final TreeSet<String> enabled = new TreeSet<>();

    public ByzantineServer(ZabServer honest) {
        this.honest = honest;
    }

    public ZabServer honest() {
        return honest;
    }

    @Override
    public void onBehaviour(Context ctx, String behaviour, boolean on) {
        if (!BEHAVIOURS.contains(behaviour)) {
            throw new IllegalArgumentException("Zab servers have no Byzantine behaviour '" + behaviour + "'; known: " + BEHAVIOURS);
        }
        if (on) {
            enabled.add(behaviour);
        } else {
            enabled.remove(behaviour);
        }
    }

    private Context wrap(Context ctx) {
        return enabled.isEmpty() ? ctx : new Rewriting(ctx);
    }

    @Override
    public void onStart(Context ctx) {
        honest.onStart(wrap(ctx));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        honest.onMessage(wrap(ctx), from, message);
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        honest.onTimer(wrap(ctx), timer);
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        honest.onPersisted(wrap(ctx), token);
    }

    @Override
    public void onConnectionLost(Context ctx, int peer) {
        honest.onConnectionLost(wrap(ctx), peer);
    }

    /** What the behaviours make of a message to {@code to}; null drops it. */
    private Message rewrite(int to, Message message) {
        if (enabled.contains("silent")) {
            return null;
        }
        if (enabled.contains("equivocate") && message instanceof Messages.Proposal p && to % 2 == 1) {
            return new Messages.Proposal(p.epoch(), p.txn().withValue(p.txn().value() ^ 0x5DEECE66DL));
        }
        return message;
    }

    /** The engine's context with every send passed through {@link #rewrite}. */
    private final class Rewriting extends ForwardingContext {
        Rewriting(Context inner) {
            super(inner);
        }

        @Override
        public void send(int to, Message message) {
            Message out = rewrite(to, message);
            if (out != null) {
                delegate().send(to, out);
            }
        }
    }
}
