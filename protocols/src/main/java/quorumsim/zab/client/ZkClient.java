package quorumsim.zab.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.zab.Messages;
import quorumsim.zab.Observations;
import quorumsim.zab.Timers;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * A ZooKeeper client library: one session, one connection at a time, many calls outstanding
 * and answered in order. It sends a heartbeat after s/3 of idleness and moves to another
 * server after 2s/3 without a word from its own (the paper's rules); calls in flight when a
 * connection breaks fail with CONNECTION_LOSS (their outcome is unknown), and the watches it had
 * set go with it to the next server (SETWATCHES). Every call and answer is reported to the checkers.
 */
public final class ZkClient implements Actor {
    private record Pending(long cxid, Op op, long issuedTrueNanos) {
    }

    private final int servers;
    private final long timeoutNanos;
    private final Driver driver;
    private int server;
    private boolean connected;
    private boolean connecting;
    private boolean everConnected;
    private long sessionId;
    private long lastZxidSeen;
    private long nextCxid = 1;
    private long lastSentLocalNanos;
    private long lastHeardLocalNanos;
    private long wakeGeneration;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    /** Watches the servers have set for this session and not yet fired: brought along (SETWATCHES) to a new server. */
    private final TreeSet<String> dataWatches = new TreeSet<>();
    private final TreeSet<String> existWatches = new TreeSet<>();
    private final TreeSet<String> childWatches = new TreeSet<>();

    /**
     * @param firstServer  the server this client connects to first
     * @param servers      servers are 0..servers-1 (the connect string)
     * @param timeoutNanos the session timeout s
     */
    public ZkClient(int firstServer, int servers, long timeoutNanos, Driver driver) {
        this.server = firstServer;
        this.servers = servers;
        this.timeoutNanos = timeoutNanos;
        this.driver = driver;
    }

    public boolean isConnected() {
        return connected;
    }

    public long sessionId() {
        return sessionId;
    }

    public int outstanding() {
        return pending.size();
    }

    /** Issues a call on the current connection; returns its cxid. */
    public long call(Context ctx, Op op) {
        if (!connected) {
            throw new IllegalStateException("client " + ctx.self() + " called " + op + " while disconnected");
        }
        long cxid = nextCxid++;
        pending.add(new Pending(cxid, op, ctx.trueTimeNanos()));
        ctx.observe(new Observations.Call(ctx.self(), sessionId, cxid, op));
        ctx.send(server, new Messages.Request(sessionId, cxid, op));
        lastSentLocalNanos = ctx.now();
        return cxid;
    }

    /** Asks for {@link Driver#onWake} after {@code delayNanos}; a later request replaces it. */
    public void wakeAfter(Context ctx, long delayNanos) {
        ctx.setTimer(delayNanos, new Timers.ClientWake(++wakeGeneration));
    }

    @Override
    public void onStart(Context ctx) {
        ctx.setTimer(timeoutNanos / 6, new Timers.ClientTick());
        connect(ctx);
    }

    private void connect(Context ctx) {
        connecting = true;
        lastHeardLocalNanos = ctx.now();
        lastSentLocalNanos = ctx.now();
        ctx.send(server, new Messages.Connect(sessionId, lastZxidSeen, timeoutNanos));
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof Timers.Reconnect) {
            if (!connected) {
                connect(ctx);
            }
            return;
        }
        if (timer instanceof Timers.ClientWake w) {
            if (w.generation() == wakeGeneration) {
                driver.onWake(ctx, this);
            }
            return;
        }
        ctx.setTimer(timeoutNanos / 6, timer);
        long now = ctx.now();
        if (now - lastHeardLocalNanos > (connecting ? timeoutNanos / 3 : 2 * timeoutNanos / 3)) {
            switchServer(ctx);                                      // 2s/3 of silence: move on
        } else if (connected && now - lastSentLocalNanos >= timeoutNanos / 3) {
            ctx.send(server, new Messages.ClientPing(sessionId));    // s/3 idle: heartbeat
            lastSentLocalNanos = now;
        }
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (from != server) {
            return;                                                  // an old connection
        }
        lastHeardLocalNanos = ctx.now();
        if (message instanceof Messages.Reply r) {
            onReply(ctx, r);
        } else if (message instanceof Messages.WatchEvent w) {
            lastZxidSeen = Math.max(lastZxidSeen, w.zxid());
            fired(w);
            driver.onWatch(ctx, this, w);
        } else if (message instanceof Messages.Connected c) {
            onConnected(ctx, c);
        } else if (message instanceof Messages.Disconnect) {
            onDisconnect(ctx);
        } else if (message instanceof Messages.ClientPong p) {
            lastZxidSeen = Math.max(lastZxidSeen, p.zxid());
        }
    }

    private void onConnected(Context ctx, Messages.Connected c) {
        if (!c.accepted()) {                                         // the session expired
            ctx.observe(new Observations.SessionEnded(ctx.self(), c.sessionId(), true));
            connected = false;
            failPending(ctx);
            sessionId = 0;
            dataWatches.clear();
            existWatches.clear();
            childWatches.clear();
            driver.onSessionExpired(ctx, this);
            connect(ctx);
            return;
        }
        boolean fresh = sessionId != c.sessionId();
        sessionId = c.sessionId();
        connected = true;
        everConnected = true;
        connecting = false;
        if (!fresh && !(dataWatches.isEmpty() && existWatches.isEmpty() && childWatches.isEmpty())) {
            ctx.send(server, new Messages.SetWatches(lastZxidSeen, List.copyOf(dataWatches), List.copyOf(existWatches), List.copyOf(childWatches)));
            lastSentLocalNanos = ctx.now();
        }
        driver.onConnected(ctx, this, fresh);
    }

    /** A call that set a watch was answered: remember the watch as the server set it. */
    private void watched(Op op, Result result) {
        if (op.kind() == Op.Kind.GET_CHILDREN && result.code() == Code.OK) {
            childWatches.add(op.path());
        } else if (op.kind() == Op.Kind.EXISTS && result.code() == Code.NO_NODE) {
            existWatches.add(op.path());
        } else if (op.kind() != Op.Kind.GET_CHILDREN && result.code() == Code.OK) {
            dataWatches.add(op.path());
        }
    }

    /** A one-time watch fired: it is gone from the server that fired it. */
    private void fired(Messages.WatchEvent w) {
        if (w.event() == DataTree.Event.NODE_CHILDREN_CHANGED) {
            childWatches.remove(w.path());
        } else {
            dataWatches.remove(w.path());
            existWatches.remove(w.path());
        }
    }

    private void onReply(Context ctx, Messages.Reply r) {
        Pending p = null;
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending candidate = it.next();
            if (candidate.cxid() == r.cxid()) {
                p = candidate;
                it.remove();
                break;
            }
        }
        if (p == null) {
            return;
        }
        lastZxidSeen = Math.max(lastZxidSeen, r.zxid());
        long now = ctx.trueTimeNanos();
        ctx.observe(new Observations.Answer(ctx.self(), sessionId, p.cxid(), p.op(), r.zxid(), r.result(), server));
        ctx.metrics().completed(p.op().kind().metricKind(), p.issuedTrueNanos(), now);
        if (r.result().code() == Code.SESSION_EXPIRED) {
            onConnected(ctx, new Messages.Connected(sessionId, false));
            return;
        }
        if (p.op().watch()) {
            watched(p.op(), r.result());
        }
        driver.onAnswer(ctx, this, p.op(), r.result(), r.zxid());
    }

    /** The TCP connection to its server broke (or could not be made): the server is out of reach, so try another. */
    @Override
    public void onConnectionLost(Context ctx, int peer) {
        if (peer != server || (!connected && !connecting)) {
            return;
        }
        moveOn(ctx);
    }

    /**
     * The server closed the connection. A client that has never been connected retries its own
     * server a little later (the benchmark's clients were pinned to their servers); one that has
     * been connected moves on.
     */
    private void onDisconnect(Context ctx) {
        if (everConnected) {
            switchServer(ctx);
            return;
        }
        connecting = false;
        lastHeardLocalNanos = ctx.now();
        ctx.setTimer(timeoutNanos / 100 + ctx.random().nextLong(timeoutNanos / 100 + 1), new Timers.Reconnect());
    }

    /** The connection went silent or was closed: say goodbye to the old server, and try another. */
    private void switchServer(Context ctx) {
        ctx.send(server, new Messages.Close(sessionId));
        moveOn(ctx);
    }

    /** Calls in flight fail, and the client tries another server with its session. */
    private void moveOn(Context ctx) {
        boolean wasConnected = connected;
        connected = false;
        failPending(ctx);
        int next = servers == 1 ? server : (server + 1 + ctx.random().nextInt(servers - 1)) % servers;
        server = next;
        connect(ctx);
        if (wasConnected) {
            ctx.metrics().increment("clientReconnects");
        }
    }

    private void failPending(Context ctx) {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            ctx.observe(new Observations.Answer(ctx.self(), sessionId, p.cxid(), p.op(), -1, Result.error(Code.CONNECTION_LOSS), server));
            driver.onAnswer(ctx, this, p.op(), Result.error(Code.CONNECTION_LOSS), -1);
        }
    }
}
