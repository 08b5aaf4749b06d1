package quorumsim.pbft;

import java.util.List;
import java.util.TreeMap;
import quorumsim.core.Context;
import quorumsim.core.StableStore;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.FetchState;
import quorumsim.pbft.Messages.StateTransfer;

/**
 * Checkpoints, garbage collection and state transfer (OSDI'99 section 4.3): every checkpoint
 * interval a replica snapshots its state and multicasts CHECKPOINT; 2f+1 matching ones make it
 * stable, the low water mark h moves up and the log below it is discarded; a replica behind
 * the stable checkpoint fetches the certified state. The last stable checkpoint is written to
 * the replica's disk, and a replica back from a crash starts from it.
 */
final class Checkpoints {
    /** What a replica writes to its log disk: its last stable checkpoint with the state. */
    record SavedCheckpoint(long seq, List<Checkpoint> proof, ServiceState state) {
    }

    private static final String CHECKPOINT_KEY = "pbft.checkpoint";

    private final PbftReplica r;
    private final TreeMap<Long, ServiceState> snapshots = new TreeMap<>();
    private final TreeMap<Long, CheckpointVotes> checkpointVotes = new TreeMap<>();

    Checkpoints(PbftReplica replica) {
        this.r = replica;
    }

    /** After a crash: the last stable checkpoint this replica wrote, if any, is where it starts. */
    void restore(StableStore store) {
        SavedCheckpoint saved = store.get(CHECKPOINT_KEY);
        if (saved != null) {
            r.lowWaterMark = saved.seq();
            r.log.discardThrough(saved.seq());
            r.lastExecuted = saved.seq();
            r.nextSeq = saved.seq();
            r.stableProof = saved.proof();
            r.state = saved.state().copy();
            snapshots.put(saved.seq(), saved.state());
        }
    }

    void onSaved(Context ctx, SavedCheckpoint c) {
        SavedCheckpoint known = ctx.store().get(CHECKPOINT_KEY);
        if (known == null || known.seq() < c.seq()) {
            ctx.store().put(CHECKPOINT_KEY, c);
            ctx.observe(new Observations.CheckpointSaved(r.self, c.seq()));
        }
    }

    private void saveCheckpoint(Context ctx, long seq) {
        ServiceState snapshot = snapshots.get(seq);
        if (snapshot != null && seq == r.lowWaterMark) {
            ctx.persist(snapshot.sizeBytes(), new SavedCheckpoint(seq, r.stableProof, snapshot));
        }
    }

    void takeCheckpoint(Context ctx, long seq) {
        ServiceState snapshot = r.state.copy();
        snapshots.put(seq, snapshot);
        long digest = snapshot.digest();
        ctx.observe(new Observations.CheckpointTaken(r.self, seq, digest));
        Checkpoint cp = r.auth.sign(ctx, new Checkpoint(seq, digest, r.self, null), r.n - 1);
        r.diskLog.multicast(ctx, cp, cp.sizeBytes() + snapshot.sizeBytes());
        recordCheckpoint(ctx, cp);
    }

    /**
     * A CHECKPOINT from its replica, or passed on by another inside a stable checkpoint's
     * certificate (an answer to this replica's STATUS when it is behind): either way it
     * counts as its signer's.
     */
    void onCheckpoint(Context ctx, int from, Checkpoint cp) {
        if (cp.seq() <= r.lowWaterMark) {
            return;                                                       // at or below h: stable already
        }
        if (!r.auth.verify(ctx, cp.auth(), cp.replica(), cp.unsigned())) {
            return;                                                       // authenticated by the replica it names
        }
        recordCheckpoint(ctx, cp);
    }

    private void recordCheckpoint(Context ctx, Checkpoint cp) {
        CheckpointVotes votes = checkpointVotes.computeIfAbsent(cp.seq(), s -> new CheckpointVotes(r.n));
        if (votes.add(cp) >= r.quorums.checkpoint()) {
            makeStable(ctx, cp.seq(), votes.naming(cp.stateDigest()));
        }
    }

    /** A stable checkpoint: h moves up, the log below it is discarded, and a replica behind fetches the state. */
    void makeStable(Context ctx, long seq, List<Checkpoint> proof) {
        if (seq <= r.lowWaterMark) {
            return;
        }
        r.lowWaterMark = seq;
        r.stableProof = List.copyOf(proof);
        r.log.discardThrough(seq);
        checkpointVotes.headMap(seq, true).clear();
        snapshots.headMap(seq, false).clear();
        if (r.lastExecuted < seq) {
            r.execution.rollBackTentative();
            FetchState fetch = r.auth.sign(ctx, new FetchState(seq, r.self, null), proof.size());
            for (Checkpoint c : proof) {
                if (c.replica() != r.self) {
                    ctx.send(c.replica(), fetch);
                }
            }
        }
        saveCheckpoint(ctx, seq);
        if (r.nextSeq < r.lowWaterMark && r.isPrimary()) {
            r.nextSeq = r.lowWaterMark;
        }
        r.ordering.maybePropose(ctx);
    }

    void onFetchState(Context ctx, int from, FetchState fetch) {
        if (from != fetch.replica() || !r.auth.verify(ctx, fetch.auth(), from, fetch.unsigned())) {
            return;
        }
        ServiceState snapshot = snapshots.get(fetch.seq());
        if (snapshot == null) {
            return;
        }
        ctx.send(from, r.auth.sign(ctx, new StateTransfer(fetch.seq(), snapshot, r.self, null), 1));
    }

    void onStateTransfer(Context ctx, int from, StateTransfer st) {
        if (st.seq() != r.lowWaterMark || r.lastExecuted >= st.seq() || from != st.replica()) {
            return;
        }
        if (!r.auth.verify(ctx, st.auth(), from, st.unsigned())) {
            return;
        }
        long certified = r.stableProof.get(0).stateDigest();
        ctx.chargeCpu(Math.round((r.config.costs().receivePerByteNanos() + r.config.costs().digestPerByteNanos()) * st.state().sizeBytes()));
        if (st.state().digest() != certified) {
            return;                                                       // not the state the certificate names
        }
        r.state = st.state().copy();
        r.lastExecuted = st.seq();
        r.lastIsTentative = false;
        snapshots.put(st.seq(), r.state.copy());
        saveCheckpoint(ctx, st.seq());
        r.clearExecutedPending(ctx);
        r.execution.executeReady(ctx);
    }
}
