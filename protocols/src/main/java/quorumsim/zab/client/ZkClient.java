package quorumsim.zab.client;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Dispatch;
import quorumsim.core.Message;
import quorumsim.zab.Messages;
import quorumsim.zab.Observations;
import quorumsim.zab.Timers;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * A ZooKeeper client library as ZooKeeper 3.3's {@code ClientCnxn} is: one session, one
 * connection at a time, many calls outstanding and answered in order.
 *
 * <ul>
 *   <li>Its servers are a list in random order (the constructor's {@code Collections.shuffle}),
 *       tried round-robin. The benchmark pins each client's first server, so that the clients
 *       are spread evenly as in the paper; the rest of the list is shuffled from the client's
 *       own random stream.</li>
 *   <li>Connected, it pings after s/3 without sending and gives the connection up after 2s/3
 *       without a word from its server (the read timeout); connecting, it gives up after s/n
 *       (the connect timeout) ({@code SendThread.run}).</li>
 *   <li>A reset, a refused connect, a closed connection or a timeout is a connection loss
 *       ({@code SendThread.cleanup}): every call in flight fails with CONNECTION_LOSS, the
 *       driver hears of the disconnection, and the next server is tried after a random pause
 *       ({@code SendThread.startConnect}), with the session and, once connected, the watches
 *       it had set (SETWATCHES, {@code primeConnection}).</li>
 *   <li>Connected to a read-only server (ZooKeeper 3.4), it asks the next server of its list
 *       in the background whether it serves writes ({@code pingRwServer}: "isro"), first after
 *       100 ms, then after twice as long each time up to 60 s; when one answers "rw" it drops
 *       its read-only connection (calls in flight fail with CONNECTION_LOSS) and connects
 *       there at once ({@code RWServerFoundException}).</li>
 * </ul>
 *
 * Every call and answer is reported to the checkers.
 */
public final class ZkClient implements Actor {
    private record Pending(long cxid, Op op, long issuedTrueNanos) {
    }

    /** ClientCnxn (3.4): the first search for a read-write server after 100 ms, doubling up to 60 s. */
    static final long MIN_PING_RW_NANOS = 100_000_000L;
    static final long MAX_PING_RW_NANOS = 60_000_000_000L;

    /** ZooKeeper 3.3's pause before a reconnect: up to 1 s ({@code startConnect}: {@code r.nextInt(1000)} ms). */
    static final long ZK_PAUSE_MAX_NANOS = 1_000_000_000L;

    private final int firstServer;
    private final int servers;
    private final long timeoutNanos;
    private final long readTimeoutNanos;
    private final long connectTimeoutNanos;
    private final long pauseMaxNanos;
    private final Driver driver;
    /** The connect string, in the order it is tried. */
    private int[] serverList;
    private int nextIndex;
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
    private long tickGeneration;
    /** Connected to a read-only server: looking for one that serves writes. */
    private boolean readOnly;
    private long pingRwNanos = MIN_PING_RW_NANOS;
    private long pingRwGeneration;
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
        this.firstServer = firstServer;
        this.server = firstServer;
        this.servers = servers;
        this.timeoutNanos = timeoutNanos;
        this.readTimeoutNanos = timeoutNanos * 2 / 3;                // ClientCnxn: readTimeout = sessionTimeout * 2 / 3
        this.connectTimeoutNanos = timeoutNanos / servers;          // ClientCnxn: connectTimeout = sessionTimeout / hostsList.length
        this.pauseMaxNanos = reconnectPauseMaxNanos(timeoutNanos);
        this.driver = driver;
    }

    /**
     * The longest random pause before a reconnect: ZooKeeper's 1 s, or a quarter of the session
     * timeout when that is shorter. ZooKeeper's smallest session timeout is two ticks of 2 s, and
     * its 1 s is a quarter of that; this simulator runs shorter ticks and sessions, and a client
     * that pauses longer than its session allows could not keep it.
     */
    static long reconnectPauseMaxNanos(long sessionTimeoutNanos) {
        return Math.min(ZK_PAUSE_MAX_NANOS, sessionTimeoutNanos / 4);
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
        serverList = shuffledServers(ctx);
        startConnect(ctx);                                           // the first attempt is not delayed
    }

    /** The first server, then the others in an order drawn from the client's own stream. */
    private int[] shuffledServers(Context ctx) {
        int[] list = new int[servers];
        list[0] = firstServer;
        for (int i = 1, s = 0; i < servers; s++) {
            if (s != firstServer) {
                list[i++] = s;
            }
        }
        for (int i = servers - 1; i > 1; i--) {                       // Fisher-Yates over list[1..]
            int j = 1 + ctx.random().nextInt(i);
            int t = list[i];
            list[i] = list[j];
            list[j] = t;
        }
        return list;
    }

    /** ClientCnxn.SendThread.startConnect: open a connection to the next server of the list. */
    private void startConnect(Context ctx) {
        server = serverList[nextIndex];
        nextIndex = (nextIndex + 1) % serverList.length;
        connecting = true;
        lastHeardLocalNanos = ctx.now();
        lastSentLocalNanos = ctx.now();
        ctx.send(server, new Messages.Connect(sessionId, lastZxidSeen, timeoutNanos));
        armTick(ctx);
    }

    /** Retries the server it tried last (a server that is not serving yet, before the first connection). */
    private void retrySameServer(Context ctx) {
        nextIndex = (nextIndex - 1 + serverList.length) % serverList.length;
    }

    /**
     * ClientCnxn.SendThread.startConnect after a loss: a random pause of up to {@link #pauseMaxNanos},
     * and as long again once every server of the list has been tried ("try not to spin too fast").
     */
    private void reconnectAfterPause(Context ctx) {
        long pause = ctx.random().nextLong(pauseMaxNanos);
        if (nextIndex == 0) {
            pause += pauseMaxNanos;
        }
        ctx.observe(new Observations.ReconnectPause(ctx.self(), pause));
        ctx.setTimer(pause, new Timers.Reconnect(++tickGeneration));
    }

    /** The next deadline of the connection, as SendThread.run's select timeout. */
    private void armTick(Context ctx) {
        long now = ctx.now();
        long deadline = connected
                ? Math.min(lastHeardLocalNanos + readTimeoutNanos, lastSentLocalNanos + readTimeoutNanos / 2)
                : lastHeardLocalNanos + connectTimeoutNanos;
        ctx.setTimer(Math.max(0, deadline - now), new Timers.ClientTick(++tickGeneration));
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof Timers.Reconnect r) {
            if (r.generation() == tickGeneration && !connected && !connecting) {
                startConnect(ctx);
            }
            return;
        }
        if (timer instanceof Timers.PingRwServer p) {
            if (p.generation() == pingRwGeneration && connected && readOnly) {
                pingRwServer(ctx);
            }
            return;
        }
        if (timer instanceof Timers.ClientWake w) {
            if (w.generation() == wakeGeneration) {
                driver.onWake(ctx, this);
            }
            return;
        }
        if (!(timer instanceof Timers.ClientTick t)) {
            throw Dispatch.unhandled(ctx, "ZooKeeper client", "timer", timer);
        }
        if (t.generation() != tickGeneration || !(connected || connecting)) {
            return;                                                  // superseded, or waiting out a pause
        }
        long now = ctx.now();
        if (now - lastHeardLocalNanos >= (connected ? readTimeoutNanos : connectTimeoutNanos)) {
            ctx.send(server, new Messages.Close(sessionId));         // SessionTimeoutException: close the socket, move on
            ctx.closeConnection(server);                             // (ClientCnxn.SendThread.cleanup closes it)
            connectionLoss(ctx);
            return;
        }
        if (connected && now - lastSentLocalNanos >= readTimeoutNanos / 2) {
            ctx.send(server, new Messages.ClientPing(sessionId));    // idle for s/3: heartbeat
            lastSentLocalNanos = now;
        }
        armTick(ctx);
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (message instanceof Messages.IsReadOnlyAnswer a) {
            onIsReadOnlyAnswer(ctx, from, a);
            return;
        }
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
        } else {
            throw Dispatch.unhandled(ctx, "ZooKeeper client", "message from " + from, message);
        }
    }

    private void onConnected(Context ctx, Messages.Connected c) {
        if (!c.accepted() && c.sessionId() != sessionId) {
            return;                                                  // a second notice of an expiry it has dealt with
        }
        if (c.accepted() && !connecting) {
            return;                                                  // an answer to a connect it gave up on
        }
        if (!c.accepted()) {                                         // the session expired
            ctx.observe(new Observations.SessionEnded(ctx.self(), c.sessionId(), true));
            connected = false;
            failPending(ctx);
            sessionId = 0;
            dataWatches.clear();
            existWatches.clear();
            childWatches.clear();
            driver.onSessionExpired(ctx, this);
            retrySameServer(ctx);
            startConnect(ctx);                                       // a new session, on the same server
            return;
        }
        boolean fresh = sessionId != c.sessionId();
        sessionId = c.sessionId();
        connected = true;
        everConnected = true;
        connecting = false;
        readOnly = c.readOnly();
        pingRwGeneration++;
        if (readOnly) {
            ctx.setTimer(pingRwNanos, new Timers.PingRwServer(pingRwGeneration));
        } else {
            pingRwNanos = MIN_PING_RW_NANOS;
        }
        armTick(ctx);
        if (!fresh && !(dataWatches.isEmpty() && existWatches.isEmpty() && childWatches.isEmpty())) {
            ctx.send(server, new Messages.SetWatches(lastZxidSeen, List.copyOf(dataWatches), List.copyOf(existWatches), List.copyOf(childWatches)));
            lastSentLocalNanos = ctx.now();
        }
        driver.onConnected(ctx, this, fresh);
    }

    /**
     * ClientCnxn.SendThread.pingRwServer (3.4): ask the next server of the list (hostProvider.next)
     * on a connection of its own whether it serves writes; the next search waits twice as long.
     */
    private void pingRwServer(Context ctx) {
        int probe = serverList[nextIndex];
        nextIndex = (nextIndex + 1) % serverList.length;
        pingRwNanos = Math.min(2 * pingRwNanos, MAX_PING_RW_NANOS);
        ctx.setTimer(pingRwNanos, new Timers.PingRwServer(pingRwGeneration));
        if (probe != server) {
            ctx.send(probe, new Messages.IsReadOnly());
        }
    }

    /** "rw" from a server it asked while read-only: RWServerFoundException, on to that server at once. */
    private void onIsReadOnlyAnswer(Context ctx, int from, Messages.IsReadOnlyAnswer a) {
        if (from == server) {
            return;                                                  // its own server: not a probe's answer
        }
        if (!a.readWrite() || !connected || !readOnly) {
            ctx.closeConnection(from);                               // pingRwServer closes its socket after the answer
            return;
        }
        ctx.send(server, new Messages.Close(sessionId));
        ctx.closeConnection(server);
        connected = false;
        readOnly = false;
        failPending(ctx);
        driver.onDisconnected(ctx, this);
        for (int i = 0; i < serverList.length; i++) {
            if (serverList[i] == from) {
                nextIndex = i;
            }
        }
        startConnect(ctx);
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

    /** The TCP connection to its server was reset, or a connect to it was refused or failed: a connection loss. */
    @Override
    public void onConnectionLost(Context ctx, int peer) {
        if (peer != server || (!connected && !connecting)) {
            return;
        }
        connectionLoss(ctx);
    }

    /**
     * The server closed the connection. A client that has never been connected retries its own
     * first server a little later (the benchmark's clients were pinned to their servers); one that
     * has been connected, or that a connect timeout already sent on from its first server (to a
     * server that may never serve, such as a leader with leaderServes: false), has lost its
     * connection and tries the next server of its list (ClientCnxn.SendThread).
     */
    private void onDisconnect(Context ctx) {
        if (everConnected || server != firstServer) {              // ClientCnxn: on to the next server of the list
            ctx.send(server, new Messages.Close(sessionId));
            ctx.closeConnection(server);
            connectionLoss(ctx);
            return;
        }
        connecting = false;
        ++tickGeneration;                                            // no connect timeout while it waits
        retrySameServer(ctx);
        lastHeardLocalNanos = ctx.now();
        ctx.setTimer(timeoutNanos / 100 + ctx.random().nextLong(timeoutNanos / 100 + 1), new Timers.Reconnect(tickGeneration));
    }

    /**
     * ClientCnxn.SendThread.cleanup and the catch in run: calls in flight fail with CONNECTION_LOSS
     * (conLossPacket), the driver hears of the disconnection, and the next server of the list is
     * tried, with the session, after a random pause.
     */
    private void connectionLoss(Context ctx) {
        boolean wasConnected = connected;
        connected = false;
        connecting = false;
        failPending(ctx);
        driver.onDisconnected(ctx, this);
        if (wasConnected) {
            ctx.metrics().increment("clientReconnects");
        }
        reconnectAfterPause(ctx);
    }

    private void failPending(Context ctx) {
        while (!pending.isEmpty()) {
            Pending p = pending.poll();
            ctx.observe(new Observations.Answer(ctx.self(), sessionId, p.cxid(), p.op(), -1, Result.error(Code.CONNECTION_LOSS), server));
            driver.onAnswer(ctx, this, p.op(), Result.error(Code.CONNECTION_LOSS), -1);
        }
    }
}
