package quorumsim.pbft;

import java.util.TreeMap;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Dispatch;
import quorumsim.core.Message;
import quorumsim.core.TimerId;
import quorumsim.kv.Operation;
import quorumsim.kv.Workload;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;

/**
 * A PBFT client (OSDI'99 section 4.1), also the unreplicated baseline's client (one replica,
 * f = 0). Each of its {@code outstanding} streams sends one request at a time with
 * increasing timestamps: to the primary first, to every replica on a timeout, with back-off.
 * A result counts after f+1 matching replies from different replicas, or a quorum of
 * matching replies when they are tentative or read-only. With digest replies (TOCS'02
 * section 5.1.1) one of the matching replies must carry the result in full; when the
 * designated replier's full result disagrees with the others' digests, the client retransmits
 * at once, and the replicas answer a retransmission in full.
 */
public final class PbftClient implements Actor {
    private static final int MAX_BACKOFF = 8;

    private final PbftConfig config;
    private final Workload workload;
    private final Quorums quorums;
    private final Authenticator auth;
    private final int replicas;
    private final int[] all;
    private final Stream[] streams;
    /** The view this client believes current, from accepted replies. */
    private long view;

    private static final class Stream {
        long timestamp;
        Request request;
        /** The request went out read-only (it may since have been retried as an ordered one). */
        boolean issuedReadOnly;
        long issuedTrueNanos;
        long retryNanos;
        TimerId retry;
        /** It retransmitted already because the designated replier's result disagreed with the digests. */
        boolean fellBack;
        final TreeMap<Integer, Reply> replies = new TreeMap<>();
    }

    /** A client of {@code quorums.n()} replicas, with ids 0..n-1. */
    public PbftClient(PbftConfig config, Quorums quorums) {
        this.config = config;
        this.workload = config.workload();
        this.quorums = quorums;
        this.auth = new Authenticator(config);
        this.replicas = quorums.n();
        this.all = new int[replicas];
        for (int i = 0; i < replicas; i++) {
            all[i] = i;
        }
        this.streams = new Stream[workload.outstanding()];
        for (int i = 0; i < streams.length; i++) {
            streams[i] = new Stream();
        }
    }

    @Override
    public void onStart(Context ctx) {
        for (int i = 0; i < streams.length; i++) {
            issue(ctx, i);
        }
    }

    private void issue(Context ctx, int index) {
        Stream s = streams[index];
        s.timestamp++;
        Operation op = workload.next(ctx.random(), ctx.self(), s.timestamp);
        boolean readOnly = op.isRead() && config.readOnlyOptimization();
        s.request = auth.sign(ctx, new Request(ctx.self(), index, s.timestamp, op, readOnly, workload.requestSizeBytes(), null), replicas);
        s.issuedReadOnly = readOnly;
        s.replies.clear();
        s.fellBack = false;
        s.issuedTrueNanos = ctx.trueTimeNanos();
        ctx.observe(new Observations.Issued(ctx.self(), index, s.timestamp, op));
        if (readOnly) {
            ctx.multicast(all, s.request);
        } else {
            ctx.send(quorums.primary(view), s.request);
        }
        s.retryNanos = workload.clientRetryNanos();
        s.retry = ctx.setTimer(s.retryNanos, new Timers.ClientRetry(index, s.timestamp));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (!(message instanceof Reply reply)) {
            return;                                                       // a replaying Byzantine replica sends anything
        }
        if (reply.stream() < 0 || reply.stream() >= streams.length || reply.client() != ctx.self()) {
            return;
        }
        Stream s = streams[reply.stream()];
        if (s.request == null || reply.timestamp() != s.timestamp) {
            return;                                                       // an answer to an older request
        }
        if (from != reply.replica() || from >= replicas || !auth.verify(ctx, reply.auth(), from, reply.unsigned())) {
            return;                                                       // from a replica, authenticated
        }
        s.replies.put(from, reply);
        int finalMatches = 0;
        int allMatches = 0;
        for (Reply r : s.replies.values()) {
            if (r.result().equals(reply.result())) {
                allMatches++;
                if (!r.tentative()) {
                    finalMatches++;
                }
            }
        }
        if (finalMatches < quorums.weak() && allMatches < quorums.strongReplies()) {
            return;
        }
        if (!hasFullResult(s, reply.result())) {                          // enough digests, but nobody sent this result
            int replier = s.request.designatedReplier(replicas);
            Reply designated = s.replies.get(replier);
            if (designated != null && !designated.digest() && !s.fellBack) {
                s.fellBack = true;                                        // the designated replier's result is not it
                ctx.metrics().increment("digestReplyFallbacks");
                retransmit(ctx, reply.stream());
            }
            return;
        }
        java.util.ArrayList<Long> views = new java.util.ArrayList<>();
        for (Reply r : s.replies.values()) {
            if (r.result().equals(reply.result())) {
                views.add(r.view());
            }
        }
        views.sort(null);
        view = Math.max(view, views.get(Math.max(0, views.size() - quorums.weak())));  // f+1 replies say at least this
        accept(ctx, reply.stream(), reply.result(), finalMatches < quorums.weak());
    }

    /** TOCS'02 5.1.1: a result is taken from a full reply only; a digest reply can only agree with one. */
    private static boolean hasFullResult(Stream s, String result) {
        for (Reply r : s.replies.values()) {
            if (!r.digest() && r.result().equals(result)) {
                return true;
            }
        }
        return false;
    }

    private void accept(Context ctx, int index, String result, boolean tentative) {
        Stream s = streams[index];
        ctx.cancelTimer(s.retry);
        Request done = s.request;
        s.request = null;
        boolean readOnlyResult = s.issuedReadOnly && tentative;            // 2f+1 replies, read-only ones among them
        ctx.observe(new Observations.Accepted(ctx.self(), index, done.timestamp(), done.op(), result, readOnlyResult, tentative));
        ctx.metrics().completed(done.op().isRead() ? "read" : "write", s.issuedTrueNanos, ctx.trueTimeNanos());
        issue(ctx, index);
    }

    /** No answer in time: multicast to every replica (a read-only request is retried as a normal one). */
    @Override
    public void onTimer(Context ctx, Object timer) {
        if (!(timer instanceof Timers.ClientRetry t)) {
            throw Dispatch.unhandled(ctx, "PBFT client", "timer", timer);
        }
        Stream s = streams[t.stream()];
        if (s.request == null || s.timestamp != t.timestamp()) {
            return;
        }
        retransmit(ctx, t.stream());
        s.retryNanos = Math.min(s.retryNanos * 2, workload.clientRetryNanos() * MAX_BACKOFF);
        s.retry = ctx.setTimer(s.retryNanos, new Timers.ClientRetry(t.stream(), t.timestamp()));
    }

    /** The request again, to every replica; a read-only request goes as a normal one. */
    private void retransmit(Context ctx, int index) {
        Stream s = streams[index];
        if (s.request.readOnly()) {
            Request r = s.request;
            s.request = auth.sign(ctx, new Request(r.client(), r.stream(), r.timestamp(), r.op(), false, r.payloadBytes(), null), replicas);
            s.replies.clear();
        }
        ctx.metrics().increment("clientRetries");
        ctx.multicast(all, s.request);
    }
}
