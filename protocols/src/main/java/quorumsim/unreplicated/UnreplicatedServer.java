package quorumsim.unreplicated;

import java.util.List;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Dispatch;
import quorumsim.core.Message;
import quorumsim.pbft.Authenticator;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.ServiceState;

/**
 * The baseline: one server runs the same key-value store for the same clients, with the
 * same authentication of requests and replies and the same exactly-once reply cache, and
 * no agreement at all. What PBFT costs is the difference.
 */
public final class UnreplicatedServer implements Actor {
    private final PbftConfig config;
    private final Authenticator auth;
    private final ServiceState state = new ServiceState();
    private long executed;

    public UnreplicatedServer(PbftConfig config) {
        this.config = config;
        this.auth = new Authenticator(config);
    }

    @Override
    public void onStart(Context ctx) {
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Request req)) {
            throw Dispatch.unhandled(ctx, "unreplicated server", "message from " + from, message);
        }
        if (from != req.client()) {
            return;
        }
        if (!auth.verify(ctx, req.auth(), req.client(), req.unsigned())) {
            return;
        }
        ServiceState.CachedReply last = state.lastReply(req.client(), req.stream());
        if (last != null && req.timestamp() < last.timestamp()) {
            return;
        }
        String result;
        if (last != null && req.timestamp() == last.timestamp()) {
            result = last.result();
        } else {
            ctx.chargeCpu(config.costs().executeNanos());
            result = state.execute(req.client(), req.stream(), req.timestamp(), req.op(), false);
            executed++;
            ctx.observe(new Observations.Executed(ctx.self(), 0, executed, PrePrepare.digestOf(List.of(req)), List.of(req)));
        }
        ctx.send(req.client(), auth.sign(ctx, new Reply(0, req.client(), req.stream(), req.timestamp(), ctx.self(), result,
                false, false, config.workload().replySizeBytes(), null), 1));
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
    }
}
