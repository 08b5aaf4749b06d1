package quorumsim.zab;

import java.util.TreeMap;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Result;

/**
 * ZooKeeper 3.4's read-only mode ({@code readonlymode.enabled}; off unless the configuration
 * asks for it, as there): a server cut off from the quorum keeps serving reads from the state
 * it has, possibly stale, to clients that accept a read-only server. It follows the 3.4 sources:
 *
 * <ul>
 *   <li>QuorumPeer.run: a server that has been LOOKING for {@code Math.max(2000, tickTime)} ms
 *       starts a ReadOnlyZooKeeperServer; once it leads or follows again that server is shut
 *       down, closing its clients' connections, and they reconnect to a server that serves
 *       writes.</li>
 *   <li>ReadOnlyRequestProcessor.run: a write or a sync is answered NOTREADONLY at once (it is
 *       not done); a read is served from the local tree at its last applied zxid.</li>
 *   <li>A client that already has a session keeps it (the leader cannot be asked, so it is
 *       neither revalidated nor touched there: a partition longer than the session timeout
 *       expires it); a client with no session yet is refused here (3.4 hands it a local
 *       session, which this model does not have). A client whose last seen zxid is ahead of
 *       the server is refused, as by any server.</li>
 * </ul>
 *
 * A client connected read-only looks for a server that takes writes in the background (see
 * ZkClient: ClientCnxn's pingRwServer) and moves there when one answers "rw"; otherwise it
 * leaves when this server rejoins the quorum and closes its connection, or on its own read
 * timeout. Watches set through a read-only server are
 * not kept (its tree does not change while it serves; the client sets them again on its next
 * server). Every read served here is counted in the {@code readOnlyReads} counter.
 */
final class ReadOnlyServer {
    /** QuorumPeer.run's lower bound on the wait before serving read-only: 2 s ("grace period"). */
    static final long GRACE_FLOOR_NANOS = 2_000_000_000L;

    private final ZabServer server;
    /** Clients connected while it serves: their session ids. */
    private final TreeMap<Integer, Long> clients = new TreeMap<>();
    private boolean serving;

    ReadOnlyServer(ZabServer server) {
        this.server = server;
    }

    boolean serving() {
        return serving;
    }

    /** A tick while LOOKING: start serving once the grace period is over. */
    void tick(Context ctx, long lookingForNanos) {
        if (!serving && lookingForNanos >= Math.max(GRACE_FLOOR_NANOS, server.config.tickNanos())) {
            serving = true;
            ctx.observe(new Observations.ReadOnly(server.self, true));
        }
    }

    /** The server leads or follows again: the read-only server shuts down and closes its clients' connections. */
    void stop(Context ctx) {
        if (!serving) {
            return;
        }
        serving = false;
        for (int client : clients.keySet()) {
            ctx.send(client, new Messages.Disconnect("read-only server shut down"));
        }
        clients.clear();
        ctx.observe(new Observations.ReadOnly(server.self, false));
    }

    void forget(int client) {
        clients.remove(client);
    }

    /** A message from a client while it serves read-only. */
    void onClientMessage(Context ctx, int client, Message message) {
        if (message instanceof Messages.Connect c) {
            ctx.chargeCpu(server.costs.receivePerMessageNanos());
            if (c.sessionId() == 0 || c.lastZxidSeen() > server.lastApplied) {
                ctx.send(client, new Messages.Disconnect(c.sessionId() == 0 ? "read-only: no new sessions" : "server behind the client"));
                return;
            }
            clients.put(client, c.sessionId());
            ctx.send(client, new Messages.Connected(c.sessionId(), true, true));
        } else if (message instanceof Messages.Request r) {
            Long session = clients.get(client);
            if (session == null || session != r.sessionId()) {
                ctx.send(client, new Messages.Disconnect("not connected"));
                return;
            }
            if (r.op().kind().isWrite() || r.op().kind() == quorumsim.zab.tree.Op.Kind.SYNC) {
                ctx.send(client, new Messages.Reply(r.cxid(), server.lastApplied, Result.error(Code.NOT_READONLY)));
                return;
            }
            ctx.chargeCpu(server.costs.readNanos());
            ctx.metrics().increment("readOnlyReads");
            ctx.send(client, new Messages.Reply(r.cxid(), server.lastApplied, server.tree.read(r.op())));
        } else if (message instanceof Messages.ClientPing p) {
            ctx.chargeCpu(server.costs.receivePerMessageNanos());
            Long session = clients.get(client);
            if (session == null || session != p.sessionId()) {
                ctx.send(client, new Messages.Disconnect("not connected"));
                return;
            }
            ctx.send(client, new Messages.ClientPong(server.lastApplied));
        } else if (message instanceof Messages.Close) {
            clients.remove(client);
        } else if (message instanceof Messages.IsReadOnly) {
            ctx.send(client, new Messages.IsReadOnlyAnswer(false));     // "ro"
        }
    }
}
