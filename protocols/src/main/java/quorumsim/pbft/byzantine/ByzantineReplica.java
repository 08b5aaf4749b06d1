package quorumsim.pbft.byzantine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.pbft.Auth;
import quorumsim.pbft.Authenticator;
import quorumsim.pbft.Messages;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.Reply;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.pbft.Messages.Vote;
import quorumsim.pbft.Observations;
import quorumsim.pbft.PbftReplica;

/**
 * A replica that can turn Byzantine: it wraps an honest {@link PbftReplica} and changes what
 * goes in and out while behaviours are switched on. It can lie, drop, delay, replay and
 * equivocate, but it signs only as itself (the engine sees to that).
 * <ul>
 * <li>{@code silent}: receives and sends nothing (crash-like).</li>
 * <li>{@code equivocate}: as primary, sends one half of the correct backups the real batch
 *     and the other half a conflicting one (reversed, or the null request), and commits to both.</li>
 * <li>{@code drop-requests} or {@code drop-requests:cN}: as primary, ignores every request, or client cN's.</li>
 * <li>{@code slow}: as primary, holds each pre-prepare back for 90% of the view-change timeout.</li>
 * <li>{@code wrong-reply}: replies to clients with wrong results.</li>
 * <li>{@code corrupt}: pre-prepares with a wrong digest, everything else with a bad authenticator.</li>
 * <li>{@code replay}: with each message it sends, also sends an old message it received.</li>
 * <li>{@code view-change-spam}: every tenth of the timeout, a VIEW-CHANGE for the next view.</li>
 * <li>{@code collude}: the colluders act as one: a colluding primary equivocates, the other
 *     colluders prepare and commit each digest towards the backups that got it.</li>
 * </ul>
 */
public final class ByzantineReplica implements Actor {
    public static final Set<String> BEHAVIOURS = Collections.unmodifiableSet(new TreeSet<>(List.of(
            "silent", "equivocate", "drop-requests", "slow", "wrong-reply", "corrupt", "replay", "view-change-spam", "collude")));
    private static final int REPLAY_MEMORY = 64;

    private final PbftReplica honest;
    private final Collusion collusion;
    private final ToIntFunction<String> clientIds;
    private final Authenticator auth;
    private final int n;
    private final TreeSet<String> active = new TreeSet<>();
    /** No behaviour is on (the common case): read per message instead of the set. */
    private boolean honestNow = true;
    private final TreeSet<Integer> droppedClients = new TreeSet<>();
    private boolean dropAllRequests;
    private final ArrayList<Messages> seen = new ArrayList<>();
    private final TreeMap<Long, TreeMap<Long, PrePrepare>> conflicting = new TreeMap<>();
    private boolean spamming;

    /**
     * @param clientIds resolves a client name ("c3") to its node id, for {@code drop-requests:c3}
     */
    public ByzantineReplica(PbftReplica honest, Collusion collusion, ToIntFunction<String> clientIds) {
        this.honest = honest;
        this.collusion = collusion;
        this.clientIds = clientIds;
        this.auth = honest.authenticator();
        this.n = honest.config().n();
    }

    public PbftReplica honest() {
        return honest;
    }

    public boolean isByzantine() {
        return !active.isEmpty();
    }

    /** The behaviours switched on now, in name order. */
    public java.util.SortedSet<String> behaviours() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(active));
    }

    /** True for a known behaviour name, including {@code drop-requests:<client>}. */
    public static boolean knows(String behaviour) {
        return BEHAVIOURS.contains(behaviour) || behaviour.startsWith("drop-requests:");
    }

    @Override
    public void onBehaviour(Context ctx, String behaviour, boolean enabled) {
        if (!knows(behaviour)) {
            throw new IllegalArgumentException("PBFT has no Byzantine behaviour '" + behaviour + "'; known: " + BEHAVIOURS
                    + " and drop-requests:<client>");
        }
        if (enabled) {
            active.add(behaviour);
        } else {
            active.remove(behaviour);
        }
        honestNow = active.isEmpty();
        if (behaviour.equals("drop-requests")) {
            dropAllRequests = enabled;
        } else if (behaviour.startsWith("drop-requests:")) {
            int client = clientIds.applyAsInt(behaviour.substring("drop-requests:".length()));
            if (enabled) {
                droppedClients.add(client);
            } else {
                droppedClients.remove(client);
            }
        } else if (behaviour.equals("collude")) {
            if (enabled) {
                collusion.join(ctx.self());
            } else {
                collusion.leave(ctx.self());
            }
        } else if (behaviour.equals("view-change-spam") && enabled && !spamming) {
            spamming = true;
            ctx.setTimer(spamPeriodNanos(), new AdversaryTimers.SpamTick());
        }
        ctx.observe(new Observations.Behaviour(ctx.self(), behaviour, enabled));
    }

    private boolean on(String behaviour) {
        return !honestNow && active.contains(behaviour);                    // honest (the common case): no lookup
    }

    @Override
    public void onStart(Context ctx) {
        honest.onStart(filtered(ctx));
    }

    @Override
    public void onMessage(Context ctx, int from, Message message) {
        if (on("silent")) {
            return;
        }
        if (on("replay") && message instanceof Messages m && from < n) {
            if (seen.size() == REPLAY_MEMORY) {
                seen.remove(0);
            }
            seen.add(m);
        }
        if (message instanceof Request r && honest.isPrimary() && (dropAllRequests || droppedClients.contains(r.client()))) {
            return;
        }
        if (message instanceof PrePrepare pp && on("collude") && collusion.isMember(pp.replica())) {
            Collusion.Split split = collusion.split(pp.view(), pp.seq());
            if (split != null) {
                voteBothWays(ctx, split);
                return;
            }
        }
        honest.onMessage(filtered(ctx), from, message);
    }

    @Override
    public void onPersisted(Context ctx, Object token) {
        honest.onPersisted(filtered(ctx), token);
    }

    @Override
    public void onTimer(Context ctx, Object timer) {
        if (timer instanceof AdversaryTimers.Release r) {
            if (!on("silent")) {
                ctx.send(r.to(), r.message());
            }
        } else if (timer instanceof AdversaryTimers.SpamTick) {
            if (on("view-change-spam")) {
                if (!on("silent")) {
                    spam(ctx);
                }
                ctx.setTimer(spamPeriodNanos(), new AdversaryTimers.SpamTick());
            } else {
                spamming = false;
            }
        } else {
            honest.onTimer(filtered(ctx), timer);
        }
    }

    /** The context the honest replica acts through: its own while no behaviour is on (nothing to filter), else filtered. */
    private Context filtered(Context ctx) {
        return honestNow ? ctx : new FilteredContext(ctx, this::outgoing, active::isEmpty);
    }

    /** Everything the honest replica sends passes here. */
    private void outgoing(Context ctx, int to, Message message) {
        if (on("silent")) {
            return;
        }
        if (message instanceof PrePrepare pp && pp.replica() == ctx.self()) {
            if (on("equivocate") || on("collude")) {
                equivocate(ctx, to, pp);
                return;
            }
            if (on("slow")) {
                ctx.setTimer(honest.config().viewChangeTimeoutNanos() * 9 / 10, new AdversaryTimers.Release(to, pp));
                return;
            }
            if (on("corrupt")) {
                ctx.send(to, sign(ctx, new PrePrepare(pp.view(), pp.seq(), pp.digest() ^ 1, pp.batch(), pp.replica(), null)));
                return;
            }
        }
        if (on("collude") && isSplitVote(message)) {
            return;                                                       // the colluders vote through voteBothWays
        }
        Message out = message;
        if (message instanceof Reply r && on("wrong-reply")) {
            out = auth.sign(ctx, new Reply(r.view(), r.client(), r.stream(), r.timestamp(), r.replica(), "wrong:" + r.result(),
                    r.tentative(), r.digest(), r.payloadBytes(), null), 1);
        } else if (on("corrupt") && message instanceof Messages m) {
            out = withBadAuth(ctx, m);
        }
        ctx.send(to, out);
        if (on("replay") && !seen.isEmpty() && ctx.random().nextBoolean()) {
            ctx.send(to, seen.get(ctx.random().nextInt(seen.size())));
        }
    }

    private boolean isSplitVote(Message m) {
        if (m instanceof Prepare p) {
            return collusion.split(p.view(), p.seq()) != null;
        }
        if (m instanceof Commit c) {
            return collusion.split(c.view(), c.seq()) != null;
        }
        return false;
    }

    /** One half of the correct backups gets the real batch, the other a conflicting one; the primary commits to both. */
    private void equivocate(Context ctx, int to, PrePrepare pp) {
        int[][] groups = collusion.groups(n, ctx.self());
        PrePrepare other = conflicting.computeIfAbsent(pp.view(), v -> new TreeMap<>()).computeIfAbsent(pp.seq(), s -> {
            List<Request> batch = new ArrayList<>(pp.batch());
            if (batch.size() >= 2) {
                Collections.reverse(batch);
            } else {
                batch.clear();
            }
            return sign(ctx, new PrePrepare(pp.view(), pp.seq(), PrePrepare.digestOf(batch), batch, ctx.self(), null));
        });
        while (conflicting.size() > 4) {
            conflicting.pollFirstEntry();
        }
        if (on("collude") && collusion.split(pp.view(), pp.seq()) == null) {
            collusion.record(new Collusion.Split(pp.view(), pp.seq(), pp.digest(), groups[0], other.digest(), groups[1]));
        }
        boolean inB = contains(groups[1], to);
        PrePrepare sent = inB ? other : pp;
        ctx.send(to, sent);
        ctx.send(to, sign(ctx, new Commit(sent.view(), sent.seq(), sent.digest(), ctx.self(), null)));
    }

    /** A colluding backup prepares and commits each digest towards the backups that got it. */
    private void voteBothWays(Context ctx, Collusion.Split split) {
        vote(ctx, split.view(), split.seq(), split.digestA(), split.groupA());
        vote(ctx, split.view(), split.seq(), split.digestB(), split.groupB());
    }

    private void vote(Context ctx, long view, long seq, long digest, int[] group) {
        Prepare prepare = sign(ctx, new Prepare(view, seq, digest, ctx.self(), null));
        Commit commit = sign(ctx, new Commit(view, seq, digest, ctx.self(), null));
        for (int to : group) {
            ctx.send(to, prepare);
            ctx.send(to, commit);
        }
    }

    private void spam(Context ctx) {
        long view = honest.view() + 1;
        ViewChange vc = auth.signWithSignature(ctx, new ViewChange(view, 0, List.of(), List.of(), ctx.self(), null));
        ctx.multicast(honest.others(), vc);
    }

    private long spamPeriodNanos() {
        return Math.max(1, honest.config().viewChangeTimeoutNanos() / 10);
    }

    private <M extends Messages> M sign(Context ctx, M message) {
        return auth.sign(ctx, message, n - 1);
    }

    /**
     * The same message with an authenticator over something else: every check of it fails.
     * Votes, checkpoints, replies and view changes; the other kinds go out as they are.
     */
    private Messages withBadAuth(Context ctx, Messages m) {
        Auth bad = auth.forReceivers(ctx, "garbage", n - 1);
        boolean corrupted = m instanceof Vote || m instanceof Checkpoint || m instanceof Reply || m instanceof ViewChange;
        return corrupted ? m.withAuth(bad) : m;
    }

    private static boolean contains(int[] group, int id) {
        for (int g : group) {
            if (g == id) {
                return true;
            }
        }
        return false;
    }
}
