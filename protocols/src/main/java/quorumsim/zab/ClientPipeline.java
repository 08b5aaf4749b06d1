package quorumsim.zab;

import java.util.ArrayDeque;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import quorumsim.core.Context;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/**
 * One server's request pipeline, as the ZooKeeper paper describes it. Requests are taken in
 * the order they arrive, up to the throttle's share of requests in process. A write (or a
 * sync) goes to the leader at once; reads are answered from the local tree; but once a local
 * write is at the head of the queue, nothing behind it is answered until that write commits
 * here. That is what gives every client FIFO order with many requests outstanding.
 */
final class ClientPipeline {
    /** What the pipeline needs of its server. */
    interface Host {
        DataTree tree();

        long lastApplied();

        /** Passes a write or sync to the leader (or proposes it, on the leader). */
        void submit(Context ctx, Messages.Forward forward);

        /** A session's client was heard from. */
        void touch(Context ctx, long sessionId);

        /** Asks the leader whether a reconnecting session lives; the answer comes to {@link #revalidated}. */
        void revalidate(Context ctx, int client, long sessionId);
    }

    /** A request in process. */
    private static final class Entry {
        final int client;
        final long sessionId;
        final long cxid;
        final Op op;
        boolean done;
        boolean abandoned;
        long zxid;
        Result result;

        Entry(int client, long sessionId, long cxid, Op op) {
            this.client = client;
            this.sessionId = sessionId;
            this.cxid = cxid;
            this.op = op;
        }
    }

    private final int self;
    private final ZabCosts costs;
    private final int limit;
    private final int cores;
    private int servingJobs;
    private long generation;
    private final Host host;
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final ArrayDeque<Entry> atLeader = new ArrayDeque<>();
    private final ArrayDeque<Entry> throttled = new ArrayDeque<>();
    private final TreeMap<Integer, Long> connections = new TreeMap<>();
    private final TreeMap<String, TreeSet<Integer>> dataWatches = new TreeMap<>();
    private final TreeMap<String, TreeSet<Integer>> childWatches = new TreeMap<>();
    private boolean open;

    /** Requests one serving job answers at most. */
    private static final int BATCH = 32;

    ClientPipeline(int self, ZabCosts costs, int limit, int cores, Host host) {
        this.self = self;
        this.cores = cores;
        this.costs = costs;
        this.limit = limit;
        this.host = host;
    }

    boolean isOpen() {
        return open;
    }

    void open() {
        open = true;
    }

    /** Closes every connection (the server lost its leader): clients move elsewhere, requests in process are lost. */
    void close(Context ctx, String reason) {
        for (int client : connections.keySet()) {
            ctx.send(client, new Messages.Disconnect(reason));
        }
        connections.clear();
        queue.clear();
        atLeader.clear();
        throttled.clear();
        dataWatches.clear();
        childWatches.clear();
        open = false;
        servingJobs = 0;
        generation++;
    }

    // ---------------------------------------------------------------- from clients

    void onConnect(Context ctx, int client, Messages.Connect c) {
        if (!open) {
            ctx.send(client, new Messages.Disconnect("not serving"));
            return;
        }
        if (c.lastZxidSeen() > host.lastApplied()) {               // the client has seen a newer state than ours
            ctx.send(client, new Messages.Disconnect("server behind the client"));
            return;
        }
        if (c.sessionId() == 0) {                                  // a new session is a write
            take(ctx, new Entry(client, 0, -1, Op.createSession(c.timeoutNanos())));
            return;
        }
        host.revalidate(ctx, client, c.sessionId());                // an existing session: the leader decides
    }

    /** The leader's answer for a reconnecting session: accept the connection, or tell the client its session expired. */
    void revalidated(Context ctx, int client, long sessionId, boolean valid) {
        if (!open) {
            return;                                                // the server lost its leader meanwhile: the client moves on
        }
        if (!valid) {
            ctx.send(client, new Messages.Connected(sessionId, false));
            return;
        }
        connections.put(client, sessionId);
        host.touch(ctx, sessionId);
        ctx.send(client, new Messages.Connected(sessionId, true));
    }

    void onRequest(Context ctx, int client, Messages.Request r) {
        Long session = connections.get(client);
        if (!open || session == null || session != r.sessionId()) {
            ctx.send(client, new Messages.Disconnect("not connected"));
            return;
        }
        host.touch(ctx, r.sessionId());
        take(ctx, new Entry(client, r.sessionId(), r.cxid(), r.op()));
    }

    /** The client went away: nothing more is sent to it, and its queued reads cost nothing (its writes still commit). */
    void onClose(int client) {
        connections.remove(client);
        throttled.removeIf(e -> e.client == client);
        for (Entry e : queue) {
            if (e.client == client) {
                e.abandoned = true;
            }
        }
    }

    /** SETWATCHES, the first thing a client that moved here sends: fire what its watches missed, register the rest. */
    void onSetWatches(Context ctx, int client, Messages.SetWatches m) {
        Long session = connections.get(client);
        if (!open || session == null) {
            ctx.send(client, new Messages.Disconnect("not connected"));
            return;
        }
        DataTree tree = host.tree();
        for (String path : m.dataWatches()) {
            if (!tree.exists(path)) {
                notifyWatcher(ctx, client, path, DataTree.Event.NODE_DELETED);
            } else if (tree.modifiedZxid(path) > m.relativeZxid()) {
                notifyWatcher(ctx, client, path, DataTree.Event.NODE_DATA_CHANGED);
            } else {
                dataWatches.computeIfAbsent(path, k -> new TreeSet<>()).add(client);
            }
        }
        for (String path : m.existWatches()) {
            if (tree.exists(path)) {
                notifyWatcher(ctx, client, path, DataTree.Event.NODE_CREATED);
            } else {
                dataWatches.computeIfAbsent(path, k -> new TreeSet<>()).add(client);
            }
        }
        for (String path : m.childWatches()) {
            if (!tree.exists(path)) {
                notifyWatcher(ctx, client, path, DataTree.Event.NODE_DELETED);
            } else if (tree.childrenZxid(path) > m.relativeZxid()) {
                notifyWatcher(ctx, client, path, DataTree.Event.NODE_CHILDREN_CHANGED);
            } else {
                childWatches.computeIfAbsent(path, k -> new TreeSet<>()).add(client);
            }
        }
    }

    private void notifyWatcher(Context ctx, int client, String path, DataTree.Event event) {
        ctx.send(client, new Messages.WatchEvent(path, event, host.lastApplied()));
    }

    void onPing(Context ctx, int client, Messages.ClientPing p) {
        Long session = connections.get(client);
        if (!open || session == null || session != p.sessionId()) {
            ctx.send(client, new Messages.Disconnect("not connected"));
            return;
        }
        host.touch(ctx, p.sessionId());
        ctx.send(client, new Messages.ClientPong(host.lastApplied()));
    }

    // ---------------------------------------------------------------- the queue

    private void take(Context ctx, Entry e) {
        if (queue.size() >= limit) {                               // throttled: it waits in the socket, unread
            throttled.add(e);
            return;
        }
        admit(ctx, e);
        serveSoon(ctx);
    }

    /** Reads the request off the socket; a write or sync goes to the leader at once. */
    private void admit(Context ctx, Entry e) {
        ctx.chargeCpu(costs.receivePerMessageNanos() + Math.round(costs.receivePerByteNanos() * (Messages.HEADER_BYTES + e.op.sizeBytes())));
        if (e.op.kind().isWrite() || e.op.kind() == Op.Kind.SYNC) {
            ctx.chargeCpu(costs.requestNanos());
            atLeader.add(e);
            host.submit(ctx, new Messages.Forward(self, e.sessionId, e.cxid, e.op));
        }
        queue.add(e);
    }

    /**
     * Answers are produced by serving jobs, at most one per core, each taking a batch from the
     * head of the queue: the server's other work (the leader's pings, proposals, commits) queues
     * behind at most a batch, not behind every client request that has arrived.
     */
    private void serveSoon(Context ctx) {
        if (servingJobs < cores && ready()) {
            servingJobs++;
            ctx.setTimer(0, new Timers.Serve(generation));
        }
    }

    private boolean ready() {
        Entry head = queue.peek();
        return head != null && (head.done || !(head.op.kind().isWrite() || head.op.kind() == Op.Kind.SYNC));
    }

    /** A serving job: answers from the head of the queue until a write or sync that has not come back blocks it. */
    void onServe(Context ctx, Timers.Serve timer) {
        if (timer.generation() != generation) {
            return;                                                // from before the pipeline was reset
        }
        servingJobs--;
        for (int served = 0; served < BATCH && ready(); served++) {
            serveHead(ctx);
        }
        serveSoon(ctx);
    }

    private void serveHead(Context ctx) {
        {
            Entry head = queue.poll();
            if (head.op.kind().isWrite()) {
                if (!head.abandoned) {
                    answer(ctx, head, head.zxid, head.result);
                }
            } else if (head.op.kind() == Op.Kind.SYNC) {
                if (!head.abandoned) {                             // stamped now, as every answer (FinalRequestProcessor): never
                    answer(ctx, head, host.lastApplied(), head.result);  // older than a read answered before it
                }
            } else if (!head.abandoned) {
                ctx.chargeCpu(costs.readNanos());
                Result result = host.tree().read(head.op);
                if (head.op.watch()) {
                    watch(head.op, head.client, result.code() == Code.OK);
                }
                answer(ctx, head, host.lastApplied(), result);
            }
            if (!throttled.isEmpty() && queue.size() < limit) {
                admit(ctx, throttled.poll());
            }
        }
    }

    private void answer(Context ctx, Entry e, long zxid, Result result) {
        if (e.op.kind() == Op.Kind.CREATE_SESSION) {
            connections.put(e.client, result.value());
            ctx.send(e.client, new Messages.Connected(result.value(), true));
            return;
        }
        ctx.send(e.client, new Messages.Reply(e.cxid, zxid, result));
    }

    private void watch(Op op, int client, boolean exists) {
        if (op.kind() == Op.Kind.GET_CHILDREN) {
            if (exists) {
                childWatches.computeIfAbsent(op.path(), k -> new TreeSet<>()).add(client);
            }
        } else if (exists || op.kind() == Op.Kind.EXISTS) {         // exists may watch a node that is not there yet
            dataWatches.computeIfAbsent(op.path(), k -> new TreeSet<>()).add(client);
        }
    }

    // ---------------------------------------------------------------- from the server

    /** A transaction is about to be applied here: if it is our next write, the reads queued before it are answered first. */
    void beforeApply(Context ctx, Txn txn) {
        Entry next = atLeader.peek();
        if (txn.origin() == self && next != null && next.cxid == txn.cxid()) {
            serveUpTo(ctx, next);
        }
    }

    /** A transaction was applied here: fire watches first, then answer the write if it was ours. */
    void applied(Context ctx, Txn txn, Result result, List<DataTree.Change> changes) {
        for (DataTree.Change change : changes) {
            fire(ctx, change, txn.zxid());
        }
        if (txn.kind() == Txn.Kind.CLOSE_SESSION) {
            for (int client : List.copyOf(connections.keySet())) {     // ids, not entries: remove may rewrite an entry
                if (connections.get(client) == txn.sessionId()) {
                    connections.remove(client);
                    ctx.send(client, new Messages.Connected(txn.sessionId(), false));
                }
            }
        }
        if (txn.origin() != self) {
            return;
        }
        Entry next = atLeader.peek();
        boolean newSession = next != null && next.op.kind() == Op.Kind.CREATE_SESSION && txn.kind() == Txn.Kind.CREATE_SESSION;
        if (next == null || next.cxid != txn.cxid() || next.op.kind() == Op.Kind.SYNC || (!newSession && next.sessionId != txn.sessionId())) {
            return;                                                // not ours any more (the queue was reset)
        }
        atLeader.poll();
        next.done = true;
        next.zxid = txn.zxid();
        next.result = result;
        serveSoon(ctx);
    }

    /** Answers, now, every read queued before {@code entry} (which has just committed and is about to be applied). */
    private void serveUpTo(Context ctx, Entry entry) {
        while (queue.peek() != entry && ready()) {
            serveHead(ctx);
        }
    }

    /** The leader answered a sync and every commit before it has been applied here. */
    void syncDone(Context ctx, long sessionId, long cxid) {
        Entry next = atLeader.peek();
        if (next == null || next.sessionId != sessionId || next.cxid != cxid || next.op.kind() != Op.Kind.SYNC) {
            return;
        }
        atLeader.poll();
        next.done = true;
        next.result = Result.ok();
        serveSoon(ctx);
    }

    private void fire(Context ctx, DataTree.Change change, long zxid) {
        TreeMap<String, TreeSet<Integer>> table = change.event() == DataTree.Event.NODE_CHILDREN_CHANGED ? childWatches : dataWatches;
        TreeSet<Integer> watchers = table.remove(change.path());
        if (watchers == null) {
            return;
        }
        for (int client : watchers) {
            if (connections.containsKey(client)) {
                ctx.send(client, new Messages.WatchEvent(change.path(), change.event(), zxid));
            }
        }
    }
}
