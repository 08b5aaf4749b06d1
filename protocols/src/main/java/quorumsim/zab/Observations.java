package quorumsim.zab;

import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/** What servers and clients report for the checkers (through {@code ctx.observe}); stamped with true time by the engine. */
public sealed interface Observations {
    /**
     * A server applied a committed transaction. {@code chain} is the digest of the server's
     * whole applied history up to and including it; {@code previousZxid} the transaction before.
     */
    record Applied(int server, long zxid, long previousZxid, long txnDigest, long chain, long sessionId, long cxid,
                   boolean closesSession) implements Observations {
    }

    /** A server installed a snapshot: its applied history is now the one that ends at {@code zxid} with this chain. */
    record Installed(int server, long zxid, long chain) implements Observations {
    }

    /** A follower synchronized with its leader by DIFF, TRUNC or SNAP ({@code transactions} sent with it). */
    record Synced(int server, int leader, Messages.SyncKind kind, int transactions) implements Observations {
    }

    /** A leader started broadcasting in {@code epoch}. */
    record Leading(int server, long epoch) implements Observations {
    }

    /** A server stopped leading or following (it went back to election). */
    record Looking(int server) implements Observations {
    }

    /** A server started ({@code serving}) or stopped serving reads read-only, cut off from the quorum. */
    record ReadOnly(int server, boolean serving) implements Observations {
    }

    /** A server heard from a session's client (a request or heartbeat). */
    record SessionTouched(int server, long sessionId) implements Observations {
    }

    /** A client issued a call. */
    record Call(int client, long sessionId, long cxid, Op op) implements Observations {
    }

    /**
     * A client got the answer to a call: the zxid it is tagged with (a write's own zxid, the
     * server's applied zxid for a read or sync). CONNECTION_LOSS means the outcome is unknown.
     */
    record Answer(int client, long sessionId, long cxid, Op op, long zxid, Result result, int server) implements Observations {
    }

    /** A client's session ended for it (it closed it, or a server reported it expired). */
    record SessionEnded(int client, long sessionId, boolean expired) implements Observations {
    }

    /** A recipe client believes it holds the lock (or leads), or stopped believing it. */
    record Holding(int client, String recipe, boolean holding) implements Observations {
    }

    /** A client lost its connection and waits {@code pauseNanos} before it tries the next server. */
    record ReconnectPause(int client, long pauseNanos) implements Observations {
    }
}
