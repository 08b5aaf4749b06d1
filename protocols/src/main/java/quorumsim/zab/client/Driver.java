package quorumsim.zab.client;

import quorumsim.core.Context;
import quorumsim.zab.Messages;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/** What a client does with its session: the paper's benchmark loop or a recipe. */
public interface Driver {
    /** The client is connected (to a new session if {@code newSession}); it may call. */
    void onConnected(Context ctx, ZkClient client, boolean newSession);

    /** A call was answered (CONNECTION_LOSS when the connection broke first). */
    void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid);

    /** A one-time watch fired. */
    default void onWatch(Context ctx, ZkClient client, Messages.WatchEvent event) {
    }

    /**
     * The connection was lost (ZooKeeper's Disconnected event): the calls in flight have failed
     * with CONNECTION_LOSS, and the client is moving to another server with its session.
     */
    default void onDisconnected(Context ctx, ZkClient client) {
    }

    /** The session expired: whatever it owned is gone. */
    default void onSessionExpired(Context ctx, ZkClient client) {
    }

    /** A wake-up the driver asked for with {@link ZkClient#wakeAfter}. */
    default void onWake(Context ctx, ZkClient client) {
    }
}
