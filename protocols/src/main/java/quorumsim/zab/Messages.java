package quorumsim.zab;

import java.util.List;
import quorumsim.core.Message;
import quorumsim.zab.tree.DataTree;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;
import quorumsim.zab.tree.Txn;

/** Every message of the service: clients and servers, election, discovery, synchronization, broadcast. */
public sealed interface Messages extends Message {
    /** Framing, type, lengths: what a ZooKeeper packet header costs on the wire. */
    int HEADER_BYTES = 32;

    // ------------------------------------------------------------ client <-> server

    /** A client opens a connection: a new session (id 0) or an existing one it carries over. */
    record Connect(long sessionId, long lastZxidSeen, long timeoutNanos) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 24;
        }
    }

    /**
     * The server accepts the connection (for a new session once CREATE_SESSION commits) or
     * refuses it; {@code readOnly}: a read-only server took it (3.4's ConnectResponse.readOnly).
     */
    record Connected(long sessionId, boolean accepted, boolean readOnly) implements Messages {
        public Connected(long sessionId, boolean accepted) {
            this(sessionId, accepted, false);
        }

        public int sizeBytes() {
            return HEADER_BYTES + 10;
        }
    }

    /** A client connected read-only asks a server whether it serves writes (3.4's "isro" four-letter word). */
    record IsReadOnly() implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES;
        }
    }

    /** The answer to "isro": "rw" ({@code readWrite}), or "ro" / "null" (a read-only server, or none serving). */
    record IsReadOnlyAnswer(boolean readWrite) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 2;
        }
    }

    record Request(long sessionId, long cxid, Op op) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + op.sizeBytes();
        }
    }

    /** The answer, tagged with the zxid the server had applied (a write's own zxid). */
    record Reply(long cxid, long zxid, Result result) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8 + result.sizeBytes();
        }
    }

    /** A one-time watch fired; it carries no data. */
    record WatchEvent(String path, DataTree.Event event, long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + path.length() + 12;
        }
    }

    /**
     * SETWATCHES: a client that moved to this server with its session brings the watches it had
     * set (data, exists on a missing node, children) and the last zxid it saw; what they missed
     * since then fires at once, the rest are registered here.
     */
    record SetWatches(long relativeZxid, List<String> dataWatches, List<String> existWatches, List<String> childWatches)
            implements Messages {
        public int sizeBytes() {
            int bytes = HEADER_BYTES + 8;
            for (List<String> paths : List.of(dataWatches, existWatches, childWatches)) {
                for (String path : paths) {
                    bytes += 4 + path.length();
                }
            }
            return bytes;
        }
    }

    /** A client's heartbeat after s/3 of silence. */
    record ClientPing(long sessionId) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8;
        }
    }

    record ClientPong(long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8;
        }
    }

    /** The client closes its connection (it moves to another server): what it still had queued there is dropped. */
    record Close(long sessionId) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8;
        }
    }

    /** The server closes the connection (it lost its leader, or does not serve clients). */
    record Disconnect(String reason) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES;
        }
    }

    // ------------------------------------------------------------ leader election

    enum PeerState { LOOKING, FOLLOWING, LEADING }

    /** Fast leader election's notification: my vote in round {@code round}, and my state. */
    record Notification(long round, int leader, long zxid, long epoch, PeerState state) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 32;
        }
    }

    // ------------------------------------------------------------ discovery and synchronization

    /** FOLLOWERINFO (CEPOCH): the follower's accepted epoch and last zxid. */
    record FollowerInfo(long acceptedEpoch, long lastZxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    /**
     * The server a follower chose does not lead, so its quorum port is closed and the follower's
     * connect (and FOLLOWERINFO) is refused: TCP's reset, which ZooKeeper's
     * Learner.connectToLeader sees as an IOException and retries.
     */
    record FollowerInfoRefused() implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES;
        }
    }

    /** LEADERINFO (NEWEPOCH). */
    record NewEpoch(long epoch) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8;
        }
    }

    /** ACKEPOCH: the follower's current epoch and history's last zxid. */
    record AckEpoch(long currentEpoch, long lastZxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    enum SyncKind { DIFF, TRUNC, SNAP }

    /**
     * DIFF / TRUNC / SNAP followed by NEWLEADER, in one message: drop the history after
     * {@code truncateAfterZxid} (TRUNC), or replace everything by the snapshot (SNAP), then
     * append {@code txns}; everything up to {@code committedZxid} is committed.
     */
    record Sync(long epoch, SyncKind kind, long truncateAfterZxid, Snapshot snapshot, List<Txn> txns, long committedZxid) implements Messages {
        public int sizeBytes() {
            long bytes = HEADER_BYTES + 32L + (snapshot == null ? 0 : snapshot.tree().sizeBytes());
            for (Txn t : txns) {
                bytes += t.sizeBytes();
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }
    }

    /**
     * The follower's history is on disk: ACK of NEWLEADER. It acknowledges every proposal the
     * sync carried, up to {@code zxid}, as ZooKeeper's ACK of NEWLEADER does.
     */
    record AckNewLeader(long epoch, long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    /** UPTODATE: a quorum has the new history; start serving. */
    record UpToDate(long epoch, long committedZxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    // ------------------------------------------------------------ broadcast

    /** A client's write (or sync) a follower passes to the leader. */
    record Forward(int origin, long sessionId, long cxid, Op op) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 20 + op.sizeBytes();
        }
    }

    /** PROPOSAL: carries the whole transaction. */
    record Proposal(long epoch, Txn txn) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + txn.sizeBytes();
        }
    }

    /** ACK: logged to stable storage. */
    record Ack(long epoch, long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    /** COMMIT: carries only the zxid. */
    record Commit(long epoch, long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 16;
        }
    }

    /** To an observer: a committed transaction, proposal and commit in one (ZooKeeper 3.3's Leader.INFORM). */
    record Inform(long epoch, Txn txn) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8 + txn.sizeBytes();
        }
    }

    /** The leader's answer to a forwarded sync, sent after the commits it must follow. */
    record SyncDone(long sessionId, long cxid, long zxid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 24;
        }
    }

    /** The leader's heartbeat, every half tick. */
    record LeaderPing(long epoch) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8;
        }
    }

    /** A follower's answer to a ping, with the sessions its clients touched since the last one. */
    record FollowerPing(long epoch, List<Long> touchedSessions) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 8 + 8 * touchedSessions.size();
        }
    }

    /**
     * REVALIDATE: a client reconnects to this server with an existing session. Only the leader,
     * which expires sessions, may say whether it still lives.
     */
    record Revalidate(int client, long sessionId) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 12;
        }
    }

    /** The leader's answer: the session lives (and its timeout starts again), or it has expired. */
    record Revalidated(int client, long sessionId, boolean valid) implements Messages {
        public int sizeBytes() {
            return HEADER_BYTES + 13;
        }
    }

    /** A whole state: the tree applied up to {@code zxid}, and the chain digest of the history that made it. */
    record Snapshot(long zxid, DataTree tree, long chainDigest) {
    }
}
