package quorumsim.zab.client;

import java.util.List;
import quorumsim.core.Context;
import quorumsim.zab.Messages;
import quorumsim.zab.Observations;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * The lock recipe from the ZooKeeper paper (and, when {@code holdNanos} is unbounded, leader
 * election among clients): create an ephemeral sequential child of the lock node, list the
 * children; the lowest holds the lock; otherwise watch the next lower one with exists and wait.
 * Holding for {@code holdNanos}, the client deletes its node and tries again.
 */
public final class LockRecipe implements Driver {
    private final String lockPath;
    private final String recipe;
    private final long holdNanos;
    private String myNode;
    /** My node whose delete (the release) is in flight: listings answered meanwhile decide nothing. */
    private String releasing;
    private boolean holding;

    public LockRecipe(String lockPath, String recipe, long holdNanos) {
        this.lockPath = lockPath;
        this.recipe = recipe;
        this.holdNanos = holdNanos;
    }

    @Override
    public void onConnected(Context ctx, ZkClient client, boolean newSession) {
        if (newSession) {
            release(ctx);                                            // a new session owns no node
            myNode = null;
            client.call(ctx, Op.create(lockPath, 0, 0, false, false));   // the lock node (may exist)
        }
        releasing = null;                                            // a release cut short: its node, if left, is cleaned up in decide
        if (myNode == null) {
            client.call(ctx, Op.create(prefix(ctx), 0, ctx.self(), true, true));
        } else {
            client.call(ctx, Op.getChildren(lockPath, false));
        }
    }

    @Override
    public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        if (result.code() == Code.CONNECTION_LOSS || !client.isConnected()) {
            return;                                                  // onConnected retries
        }
        if (op.kind() == Op.Kind.CREATE && op.sequential() && result.code() == Code.OK) {
            myNode = result.path();
            client.call(ctx, Op.getChildren(lockPath, false));
        } else if (op.kind() == Op.Kind.GET_CHILDREN && result.code() == Code.OK) {
            decide(ctx, client, result.children());
        } else if (op.kind() == Op.Kind.EXISTS && result.code() == Code.NO_NODE) {
            client.call(ctx, Op.getChildren(lockPath, false));       // the one before me is gone already
        } else if (op.kind() == Op.Kind.DELETE && op.path().equals(releasing)) {
            releasing = null;
            client.wakeAfter(ctx, holdNanos);
        } else if (op.kind() == Op.Kind.DELETE) {
            client.call(ctx, Op.getChildren(lockPath, false));
        }
    }

    private void decide(Context ctx, ZkClient client, List<String> names) {
        if (myNode == null) {
            return;                                                  // a listing from before I deleted my node: nothing to decide
        }
        List<String> children = new java.util.ArrayList<>(names);     // in sequence order, whoever made them
        children.sort(java.util.Comparator.comparing((String c) -> c.substring(c.length() - 10)));
        String mine = myNode.substring(myNode.lastIndexOf('/') + 1);
        int index = children.indexOf(mine);
        if (index < 0) {                                             // my node is gone (session expired): I hold nothing
            release(ctx);
            myNode = null;
            client.call(ctx, Op.create(prefix(ctx), 0, ctx.self(), true, true));
            return;
        }
        for (int i = 0; i < index; i++) {                            // a node of mine whose create's answer was lost
            if (children.get(i).startsWith(prefixName(ctx))) {
                client.call(ctx, Op.delete(lockPath + "/" + children.get(i), -1));
            }
        }
        if (index == 0) {
            if (holding) {
                return;                                              // a second listing (a watch brought along fired too)
            }
            holding = true;
            ctx.observe(new Observations.Holding(ctx.self(), recipe, true));
            if (holdNanos < Long.MAX_VALUE / 2) {
                client.wakeAfter(ctx, holdNanos);
            }
            return;
        }
        client.call(ctx, Op.exists(lockPath + "/" + children.get(index - 1), true));
    }

    @Override
    public void onWatch(Context ctx, ZkClient client, Messages.WatchEvent event) {
        if (client.isConnected() && myNode != null && !holding) {
            client.call(ctx, Op.getChildren(lockPath, false));
        }
    }

    @Override
    public void onSessionExpired(Context ctx, ZkClient client) {
        release(ctx);
        myNode = null;
    }

    @Override
    public void onWake(Context ctx, ZkClient client) {
        if (!client.isConnected()) {
            client.wakeAfter(ctx, holdNanos);
            return;
        }
        if (holding) {
            release(ctx);
            releasing = myNode;
            myNode = null;
            client.call(ctx, Op.delete(releasing, -1));
        } else if (myNode == null && releasing == null) {
            client.call(ctx, Op.create(prefix(ctx), 0, ctx.self(), true, true));
        }
    }

    private String prefixName(Context ctx) {
        return "c" + ctx.self() + "-";
    }

    private String prefix(Context ctx) {
        return lockPath + "/" + prefixName(ctx);
    }

    private void release(Context ctx) {
        if (holding) {
            holding = false;
            ctx.observe(new Observations.Holding(ctx.self(), recipe, false));
        }
    }
}
