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
    /** Requests taken in and not yet answered (ZooKeeperServer's inProcess, which the throttle counts). */
    private int inProcess;
    private final Host host;
    /** The first processor (FollowerRequestProcessor; PrepRequestProcessor on a leader that serves), commit and final processors' threads. */
    private final Processor first = new Processor("first");
    private final Processor commit = new Processor("commit");
    private final Processor last = new Processor("final");
    /** Requests handed to the first processor, not yet through it. */
    private final ArrayDeque<Entry> entering = new ArrayDeque<>();
    /** The commit processor's queuedRequests: requests through the first processor, not yet passed on. */
    private final ArrayDeque<Entry> queue = new ArrayDeque<>();
    private final ArrayDeque<Entry> atLeader = new ArrayDeque<>();
    private final ArrayDeque<Entry> throttled = new ArrayDeque<>();
    private final TreeMap<Integer, Long> connections = new TreeMap<>();
    private final TreeMap<String, TreeSet<Integer>> dataWatches = new TreeMap<>();
    private final TreeMap<String, TreeSet<Integer>> childWatches = new TreeMap<>();
    private boolean open;

    ClientPipeline(int self, ZabCosts costs, int limit, Host host) {
        this.self = self;
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
        entering.clear();
        queue.clear();
        atLeader.clear();
        throttled.clear();
        dataWatches.clear();
        childWatches.clear();
        open = false;
        inProcess = 0;
        first.reset();
        commit.reset();
        last.reset();
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
        for (Entry e : entering) {
            if (e.client == client) {
                e.abandoned = true;
            }
        }
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
        if (inProcess >= limit) {                                  // throttled: it waits in the socket, unread
            throttled.add(e);
            return;
        }
        admit(ctx, e);
    }

    /**
     * Reads the request off the socket (the NIO thread, NIOServerCnxn.readRequest) and hands it
     * to the first processor's thread, which queues it for the commit processor and ships a
     * write or sync to the leader (FollowerRequestProcessor.run: "queue the request to be
     * processed before we submit the request to the leader").
     */
    private void admit(Context ctx, Entry e) {
        ctx.chargeCpu(costs.receivePerMessageNanos() + Math.round(costs.receivePerByteNanos() * (Messages.HEADER_BYTES + e.op.sizeBytes())));
        inProcess++;                                               // ZooKeeperServer.submitRequest: incInProcess
        boolean quorum = e.op.kind().isWrite() || e.op.kind() == Op.Kind.SYNC;
        entering.add(e);
        first.submit(ctx, costs.handoffNanos() + (quorum ? costs.requestNanos() : 0), c -> {
            Entry next = entering.poll();
            queue.add(next);
            if (quorum) {
                atLeader.add(next);
                host.submit(c, new Messages.Forward(self, next.sessionId, next.cxid, next.op));
            }
            drain(c);
        });
    }

    /** The next job of one of the pipeline's threads. */
    void onServe(Context ctx, Timers.Serve timer) {
        switch (timer.processor()) {
            case "first" -> first.onTimer(ctx, timer);
            case "commit" -> commit.onTimer(ctx, timer);
            case "final" -> last.onTimer(ctx, timer);
            default -> throw new IllegalStateException("no request processor named " + timer.processor());
        }
    }

    private boolean ready() {
        Entry head = queue.peek();
        return head != null && (head.done || !(head.op.kind().isWrite() || head.op.kind() == Op.Kind.SYNC));
    }

    /**
     * The commit processor's rule (CommitProcessor.run, 3.3.6): queued requests pass on in
     * order until one is a write (or, on a follower, a sync); that one becomes nextPending, and
     * while it is pending NO later request of ANY session passes, reads included, until its
     * commit arrives; other servers' commits go on to be applied meanwhile. A request that
     * passes is read (or its write's result taken) now, and its answer goes through the commit
     * and final processors' threads in that order.
     */
    private void drain(Context ctx) {
        while (ready()) {
            serveHead(ctx);
        }
    }

    private void serveHead(Context ctx) {
        Entry head = queue.poll();
        long readCost = 0;
        long zxid;
        Result result;
        if (head.op.kind().isWrite()) {
            zxid = head.zxid;
            result = head.result;
        } else if (head.op.kind() == Op.Kind.SYNC) {
            zxid = host.lastApplied();                             // stamped as every answer (FinalRequestProcessor): never
            result = head.result;                                  // older than a read answered before it
        } else if (!head.abandoned) {
            readCost = costs.readNanos();
            result = host.tree().read(head.op);
            if (head.op.watch()) {
                watch(head.op, head.client, result.code() == Code.OK);
            }
            zxid = host.lastApplied();
        } else {
            zxid = 0;
            result = null;
        }
        long cost = readCost;
        commit.submit(ctx, costs.handoffNanos(), c -> last.submit(c, cost, f -> {
            inProcess--;                                           // FinalRequestProcessor: decInProcess, the reply sent
            if (!head.abandoned) {
                answer(f, head, zxid, result);
            }
            if (!throttled.isEmpty() && inProcess < limit) {
                admit(f, throttled.poll());
            }
        }));
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

    /**
     * A committed transaction is applied here: the commit processor passes it on and the final
     * processor applies it (FinalRequestProcessor.processRequest: ZKDatabase.processTxn and
     * addCommittedProposal), each thread paying its share, in order with the answers.
     */
    void applying(Context ctx) {
        commit.submit(ctx, costs.handoffNanos(), c -> last.submit(c, costs.applyNanos(), null));
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
        drain(ctx);
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
        drain(ctx);
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
