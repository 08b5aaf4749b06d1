package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.kv.Operation;
import quorumsim.pbft.Messages.Checkpoint;
import quorumsim.pbft.Messages.Commit;
import quorumsim.pbft.Messages.FetchState;
import quorumsim.pbft.Messages.FetchViewChanges;
import quorumsim.pbft.Messages.NewView;
import quorumsim.pbft.Messages.PrePrepare;
import quorumsim.pbft.Messages.Prepare;
import quorumsim.pbft.Messages.PreparedProof;
import quorumsim.pbft.Messages.Request;
import quorumsim.pbft.Messages.StateTransfer;
import quorumsim.pbft.Messages.Status;
import quorumsim.pbft.Messages.ViewChange;
import quorumsim.pbft.Messages.ViewChangeDigest;

/**
 * The bytes each PBFT message takes on the wire, which the network charges and the reports'
 * bytes-per-request show: a 48-byte header, 32-byte digests, the authenticator (10 bytes per
 * MAC, 128 per signature), the piggybacked requests in a PRE-PREPARE but not inside a
 * VIEW-CHANGE or NEW-VIEW.
 */
class MessageSizesTest {
    private static final Auth MACS_3 = new Auth(null, 30);
    private static final Auth MAC_1 = new Auth(null, 10);
    private static final Auth SIGNATURE = new Auth(null, Auth.SIGNATURE_BYTES);

    private static Request request(int client, int payloadBytes, Auth auth) {
        return new Request(client, 0, 1, Operation.put("k" + client, "v"), false, payloadBytes, auth);
    }

    private static PrePrepare prePrepare(long seq, long timeNanos) {
        return new PrePrepare(0, seq, 7, List.of(request(4, 1024, MAC_1), request(5, 1024, null)), 0, MACS_3, timeNanos);
    }

    @Test
    void aRequestIsItsHeaderPayloadAndAuthenticator() {
        assertEquals(48 + 1024 + 10, request(4, 1024, MAC_1).sizeBytes());
        assertEquals(48 + 1024, request(4, 1024, null).sizeBytes());
    }

    @Test
    void aPrePrepareCarriesItsBatchAndTheTimeItChose() {
        assertEquals(48 + 32 + 30 + 1082 + 1072, prePrepare(1, 0).sizeBytes());
        assertEquals(48 + 32 + 30 + 8 + 1082 + 1072, prePrepare(1, 5).sizeBytes());
        assertEquals(48 + 32 + 30, prePrepare(1, 5).sizeWithoutRequestsBytes());
        assertEquals(48 + 32, prePrepare(1, 0).unsigned().sizeWithoutRequestsBytes());
    }

    @Test
    void votesAndCheckpointsAreAHeaderADigestAndTheirMacs() {
        assertEquals(110, new Prepare(0, 1, 7, 2, MACS_3).sizeBytes());
        assertEquals(110, new Commit(0, 1, 7, 2, MACS_3).sizeBytes());
        assertEquals(80, new Commit(0, 1, 7, 2, null).sizeBytes());
        assertEquals(110, new Checkpoint(128, 9, 2, MACS_3).sizeBytes());
    }

    @Test
    void aViewChangeCarriesItsProofsWithoutTheRequests() {
        PreparedProof proof = new PreparedProof(prePrepare(1, 0), List.of(new Prepare(0, 1, 7, 1, MACS_3), new Prepare(0, 1, 7, 3, MACS_3)));
        assertEquals(110 + 2 * 110, proof.sizeBytes());
        List<Checkpoint> checkpoints = List.of(new Checkpoint(0, 9, 0, MACS_3), new Checkpoint(0, 9, 1, MACS_3), new Checkpoint(0, 9, 3, MACS_3));
        assertEquals(48 + 128 + 3 * 110 + 330, new ViewChange(1, 0, checkpoints, List.of(proof), 2, SIGNATURE).sizeBytes());
    }

    @Test
    void aNewViewNamesItsViewChangesByDigest() {
        List<ViewChangeDigest> named = List.of(new ViewChangeDigest(0, 1), new ViewChangeDigest(2, 2), new ViewChangeDigest(3, 3));
        assertEquals(48 + 128 + 3 * 36 + 2 * 110, new NewView(1, named, List.of(prePrepare(1, 0), prePrepare(2, 0)), 1, SIGNATURE).sizeBytes());
        assertEquals(48 + 8 + 2 * 36 + 10, new FetchViewChanges(1, named.subList(0, 2), 3, MAC_1).sizeBytes());
    }

    @Test
    void aStatusCarriesABitmapUpToTheHighestReplicaItHolds() {
        assertEquals(48 + 17 + 30, new Status(1, true, 0, List.of(), 2, MACS_3).sizeBytes());
        assertEquals(48 + 17 + 1 + 30, new Status(1, false, 0, List.of(0, 7), 2, MACS_3).sizeBytes());
        assertEquals(48 + 17 + 2 + 30, new Status(1, false, 0, List.of(0, 9), 2, MACS_3).sizeBytes());
    }

    @Test
    void aStateTransferShipsTheStateAndItsReplyCache() {
        ServiceState state = new ServiceState();
        state.execute(4, 0, 1, Operation.put("a", "1"), false);
        state.execute(5, 0, 1, Operation.put("b", "2"), false);
        state.execute(5, 1, 1, Operation.put("b", "3"), false);
        // two keys of 32 bytes, three client streams' last replies of 24
        assertEquals(2 * 32 + 3 * 24, state.sizeBytes());
        assertEquals(48 + 8 + 136 + 10, new StateTransfer(128, state, 0, MAC_1).sizeBytes());
        assertEquals(48 + 8 + 10, new FetchState(128, 2, MAC_1).sizeBytes());
    }
}
