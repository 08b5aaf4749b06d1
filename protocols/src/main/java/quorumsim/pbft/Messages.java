package quorumsim.pbft;

import java.util.Collections;
import java.util.List;
import quorumsim.core.Message;
import quorumsim.kv.Hashing;
import quorumsim.kv.Operation;

/**
 * PBFT's vocabulary (Castro and Liskov, OSDI'99 section 4). Every message carries an
 * {@link Auth} over its {@code unsigned()} form (the same record with no auth), so a
 * receiver checks {@code verify(m.auth(), sender, m.unsigned())}. Digests are 64-bit
 * stand-ins for SHA-256 but count {@link #DIGEST_BYTES} on the wire.
 */
public sealed interface Messages extends Message {
    int HEADER_BYTES = 48;
    int DIGEST_BYTES = 32;

    /** The authenticator; null in the unsigned form. */
    Auth auth();

    /** This message with no authenticator: what its authenticator is made over. */
    Messages unsigned();

    /** This message carrying {@code auth} (each record returns its own type). */
    Messages withAuth(Auth auth);

    private static int authBytes(Auth auth) {
        return auth == null ? 0 : auth.sizeBytes();
    }

    /** REQUEST <o, t, c>: {@code stream} tells apart the requests one client node keeps in flight. */
    record Request(int client, int stream, long timestamp, Operation op, boolean readOnly, int payloadBytes, Auth auth)
            implements Messages {
        public long digest() {
            long d = Hashing.mix(Hashing.mix(client, stream), timestamp);
            return Hashing.mix(Hashing.mix(d, op.digest()), readOnly ? 1 : 0);
        }

        public Request unsigned() {
            return withAuth(null);
        }

        public Request withAuth(Auth auth) {
            return new Request(client, stream, timestamp, op, readOnly, payloadBytes, auth);
        }

        /**
         * TOCS'02 section 5.1.1: the replica that sends the full result; the others send its digest.
         * Spread over the replicas by client, stream and timestamp, which both sides know.
         */
        public int designatedReplier(int n) {
            return (int) Math.floorMod(client + 31L * stream + timestamp, (long) n);
        }

        public int sizeBytes() {
            return HEADER_BYTES + payloadBytes + authBytes(auth);
        }
    }

    /**
     * REPLY <v, t, c, i, r>. A digest reply (TOCS'02 section 5.1.1) carries only the result's
     * digest: {@code result} then stands for that digest (equal results, equal digests), and a
     * client may match it against a full reply but never take a result from it.
     */
    record Reply(long view, int client, int stream, long timestamp, int replica, String result, boolean tentative,
                 boolean digest, int payloadBytes, Auth auth) implements Messages {
        public Reply unsigned() {
            return withAuth(null);
        }

        public Reply withAuth(Auth auth) {
            return new Reply(view, client, stream, timestamp, replica, result, tentative, digest, payloadBytes, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + payloadBytes + authBytes(auth);
        }
    }

    /**
     * PRE-PREPARE <v, n, d> with the batch of requests piggybacked; an empty batch is the null
     * request. {@code timeNanos} is the primary's non-deterministic choice for the batch (OSDI'99
     * section 4.6: a time read from its clock), covered by d; 0 when there is none.
     */
    record PrePrepare(long view, long seq, long digest, List<Request> batch, int replica, Auth auth, long timeNanos)
            implements Messages {
        public PrePrepare {
            batch = List.copyOf(batch);
        }

        /** Without a non-deterministic choice. */
        public PrePrepare(long view, long seq, long digest, List<Request> batch, int replica, Auth auth) {
            this(view, seq, digest, batch, replica, auth, 0);
        }

        public PrePrepare unsigned() {
            return withAuth(null);
        }

        public PrePrepare withAuth(Auth auth) {
            return new PrePrepare(view, seq, digest, batch, replica, auth, timeNanos);
        }

        public int sizeBytes() {
            int size = HEADER_BYTES + DIGEST_BYTES + authBytes(auth) + (timeNanos != 0 ? 8 : 0);
            for (Request r : batch) {
                size += r.sizeBytes();
            }
            return size;
        }

        /**
         * Bytes of this pre-prepare inside a VIEW-CHANGE or NEW-VIEW: the paper sends those
         * without the client messages (a replica missing one fetches it; not modelled).
         */
        public int sizeWithoutRequestsBytes() {
            return HEADER_BYTES + DIGEST_BYTES + authBytes(auth);
        }

        /** D(m) over the batch: what a backup compares with {@code digest}. */
        public static long digestOf(List<Request> batch) {
            long d = 0x5EED;
            for (Request r : batch) {
                d = Hashing.mix(d, r.digest());
            }
            return d;
        }

        /** D(m) over the batch and the primary's non-deterministic choice (none: 0, the batch's digest alone). */
        public static long digestOf(List<Request> batch, long timeNanos) {
            return timeNanos == 0 ? digestOf(batch) : Hashing.mix(digestOf(batch), timeNanos);
        }
    }

    /** A PREPARE or a COMMIT: a replica's vote for digest d at sequence number n in view v. */
    sealed interface Vote extends Messages permits Prepare, Commit {
        long view();

        long digest();
    }

    record Prepare(long view, long seq, long digest, int replica, Auth auth) implements Vote {
        public Prepare unsigned() {
            return withAuth(null);
        }

        public Prepare withAuth(Auth auth) {
            return new Prepare(view, seq, digest, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + DIGEST_BYTES + authBytes(auth);
        }
    }

    record Commit(long view, long seq, long digest, int replica, Auth auth) implements Vote {
        public Commit unsigned() {
            return withAuth(null);
        }

        public Commit withAuth(Auth auth) {
            return new Commit(view, seq, digest, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + DIGEST_BYTES + authBytes(auth);
        }
    }

    /** CHECKPOINT <n, d, i>: d is the digest of the service state after executing n. */
    record Checkpoint(long seq, long stateDigest, int replica, Auth auth) implements Messages {
        public Checkpoint unsigned() {
            return withAuth(null);
        }

        public Checkpoint withAuth(Auth auth) {
            return new Checkpoint(seq, stateDigest, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + DIGEST_BYTES + authBytes(auth);
        }
    }

    /** A prepared certificate: the pre-prepare and the matching prepares from different backups. */
    record PreparedProof(PrePrepare prePrepare, List<Prepare> prepares) {
        public PreparedProof {
            prepares = List.copyOf(prepares);
        }

        public int sizeBytes() {
            int size = prePrepare.sizeWithoutRequestsBytes();
            for (Prepare p : prepares) {
                size += p.sizeBytes();
            }
            return size;
        }
    }

    /** VIEW-CHANGE <v+1, n, C, P, i>. */
    record ViewChange(long newView, long stableSeq, List<Checkpoint> checkpointProof, List<PreparedProof> prepared,
                      int replica, Auth auth) implements Messages {
        public ViewChange {
            checkpointProof = List.copyOf(checkpointProof);
            prepared = List.copyOf(prepared);
        }

        public ViewChange unsigned() {
            return withAuth(null);
        }

        public ViewChange withAuth(Auth auth) {
            return new ViewChange(newView, stableSeq, checkpointProof, prepared, replica, auth);
        }

        /** D(m) over the signed content: what a NEW-VIEW names this VIEW-CHANGE by. */
        public long digest() {
            long d = Hashing.mix(Hashing.mix(Hashing.mix(0x71E3C4A1L, newView), stableSeq), replica);
            for (Checkpoint c : checkpointProof) {
                d = Hashing.mix(Hashing.mix(Hashing.mix(d, c.seq()), c.stateDigest()), c.replica());
            }
            for (PreparedProof p : prepared) {
                PrePrepare pp = p.prePrepare();
                d = Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(d, pp.view()), pp.seq()), pp.digest()), pp.replica());
                for (Prepare prepare : p.prepares()) {
                    d = Hashing.mix(Hashing.mix(Hashing.mix(Hashing.mix(d, prepare.view()), prepare.seq()), prepare.digest()),
                            prepare.replica());
                }
            }
            return d;
        }

        public int sizeBytes() {
            int size = HEADER_BYTES + authBytes(auth);
            for (Checkpoint c : checkpointProof) {
                size += c.sizeBytes();
            }
            for (PreparedProof p : prepared) {
                size += p.sizeBytes();
            }
            return size;
        }
    }

    /**
     * A VIEW-CHANGE named in a NEW-VIEW by its sender and digest (Castro's thesis, the view
     * change of BFT with MACs): the backups hold the VIEW-CHANGEs already, or fetch the ones
     * they lack.
     */
    record ViewChangeDigest(int replica, long digest) {
        public static final int SIZE_BYTES = 4 + DIGEST_BYTES;

        public static ViewChangeDigest of(ViewChange vc) {
            return new ViewChangeDigest(vc.replica(), vc.digest());
        }

        public boolean names(ViewChange vc) {
            return vc.replica() == replica && vc.digest() == digest;
        }
    }

    /**
     * NEW-VIEW <v+1, V, O> as the thesis sends it: V names the 2f+1
     * VIEW-CHANGEs by sender and digest instead of carrying them, so it costs tens of bytes
     * per VIEW-CHANGE rather than their certificates.
     */
    record NewView(long view, List<ViewChangeDigest> viewChanges, List<PrePrepare> prePrepares, int replica, Auth auth)
            implements Messages {
        public NewView {
            viewChanges = List.copyOf(viewChanges);
            prePrepares = List.copyOf(prePrepares);
        }

        public NewView unsigned() {
            return withAuth(null);
        }

        public NewView withAuth(Auth auth) {
            return new NewView(view, viewChanges, prePrepares, replica, auth);
        }

        public int sizeBytes() {
            int size = HEADER_BYTES + authBytes(auth) + viewChanges.size() * ViewChangeDigest.SIZE_BYTES;
            for (PrePrepare p : prePrepares) {
                size += p.sizeWithoutRequestsBytes();
            }
            return size;
        }
    }

    /**
     * A backup holding a NEW-VIEW asks its sender for the VIEW-CHANGEs it names that the
     * backup lacks (Castro's thesis: a NEW-VIEW names them by digest; a replica fetches the
     * ones it does not have).
     */
    record FetchViewChanges(long view, List<ViewChangeDigest> wanted, int replica, Auth auth) implements Messages {
        public FetchViewChanges {
            wanted = List.copyOf(wanted);
        }

        public FetchViewChanges unsigned() {
            return withAuth(null);
        }

        public FetchViewChanges withAuth(Auth auth) {
            return new FetchViewChanges(view, wanted, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + 8 + wanted.size() * ViewChangeDigest.SIZE_BYTES + authBytes(auth);
        }
    }

    /**
     * A replica that is stuck says where it is (Castro's thesis, section 5.2): its view,
     * whether that view is installed ({@code active}) or still being changed to, and
     * {@code lastExecuted}: the last sequence number it executed for good (not tentatively),
     * or the one before the first slot of its view it has not seen commit, if lower. While
     * it changes views, {@code viewChanges} is the thesis' bitmap: the replicas whose
     * VIEW-CHANGE for {@code view} it holds (its set bits, in order; empty when active).
     * While active, {@code prepared} and {@code committed} are the thesis' STATUS-ACTIVE
     * bitmaps (their set bits, in order): the slots after {@code lastExecuted} that are
     * prepared, and committed, here in {@code view}. Replicas in the same view send it again
     * their part of the slots after {@code lastExecuted} that it lacks (nothing for a slot
     * committed here, only the COMMIT for one prepared); replicas changing to the same view
     * send their VIEW-CHANGE only if its bit is missing; replicas in a higher view send what
     * proves that view.
     */
    record Status(long view, boolean active, long lastExecuted, List<Integer> viewChanges, List<Long> prepared,
                  List<Long> committed, int replica, Auth auth) implements Messages {
        public Status {
            viewChanges = List.copyOf(viewChanges);
            prepared = List.copyOf(prepared);
            committed = List.copyOf(committed);
        }

        /** A STATUS without slot bitmaps (a replica changing views, or with nothing after lastExecuted). */
        public Status(long view, boolean active, long lastExecuted, List<Integer> viewChanges, int replica, Auth auth) {
            this(view, active, lastExecuted, viewChanges, List.of(), List.of(), replica, auth);
        }

        public Status unsigned() {
            return withAuth(null);
        }

        public Status withAuth(Auth auth) {
            return new Status(view, active, lastExecuted, viewChanges, prepared, committed, replica, auth);
        }

        /** Whether the sender holds {@code replica}'s VIEW-CHANGE for {@code view}. */
        public boolean holdsViewChangeOf(int replica) {
            return viewChanges.contains(replica);
        }

        /** Whether slot {@code seq} is prepared at the sender in its view. */
        public boolean hasPrepared(long seq) {
            return Collections.binarySearch(prepared, seq) >= 0;
        }

        /** Whether slot {@code seq} is committed at the sender in its view. */
        public boolean hasCommitted(long seq) {
            return Collections.binarySearch(committed, seq) >= 0;
        }

        public int sizeBytes() {
            int bitmapBytes = viewChanges.isEmpty() ? 0 : viewChanges.get(viewChanges.size() - 1) / 8 + 1;
            long lastSlot = Math.max(prepared.isEmpty() ? lastExecuted : prepared.get(prepared.size() - 1),
                    committed.isEmpty() ? lastExecuted : committed.get(committed.size() - 1));
            int slotBitmapBytes = 2 * (int) ((lastSlot - lastExecuted + 7) / 8);
            return HEADER_BYTES + 17 + bitmapBytes + slotBitmapBytes + authBytes(auth);
        }
    }

    /** A replica behind a stable checkpoint asks for the state at {@code seq}. */
    record FetchState(long seq, int replica, Auth auth) implements Messages {
        public FetchState unsigned() {
            return withAuth(null);
        }

        public FetchState withAuth(Auth auth) {
            return new FetchState(seq, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + 8 + authBytes(auth);
        }
    }

    /** The state at a checkpoint; the receiver checks its digest against the stable certificate. */
    record StateTransfer(long seq, ServiceState state, int replica, Auth auth) implements Messages {
        public StateTransfer unsigned() {
            return withAuth(null);
        }

        public StateTransfer withAuth(Auth auth) {
            return new StateTransfer(seq, state, replica, auth);
        }

        public int sizeBytes() {
            return HEADER_BYTES + 8 + state.sizeBytes() + authBytes(auth);
        }
    }
}
