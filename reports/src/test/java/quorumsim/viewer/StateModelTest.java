package quorumsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/** The node state the viewer shows, from hand-written trace lines: what the messages prove, and nothing else. */
class StateModelTest {
    private static final String D = "-4900042525721773125";
    private static final String OTHER = "1432612108052072509";
    private long id;
    private long time;

    private void send(Recording r, int from, int to, String type, String text) {
        r.onTrace(new TraceEvent(++time, TraceKind.SEND, from, to, type, id, 100, text));
    }

    private void deliver(Recording r, int from, int to, String type) {
        r.onTrace(new TraceEvent(++time, TraceKind.DELIVER, to, from, type, id++, 100, "unused"));
    }

    private void message(Recording r, int from, int to, String type, String text) {
        send(r, from, to, type, text);
        deliver(r, from, to, type);
    }

    private void observe(Recording r, int node, String type, String text) {
        r.onTrace(new TraceEvent(++time, TraceKind.OBSERVE, node, -1, type, -1, 0, text));
    }

    /** A node's entries after every event so far, by label. */
    private static Map<String, String> state(Recording r, int node) {
        Deltas d = r.deltas();
        Map<String, String> entries = new TreeMap<>();
        for (int i = 0; i < d.rows().size(); i += 4) {
            if (d.rows().get(i + 1) != node) {
                continue;
            }
            String key = d.keys().get(d.rows().get(i + 2));
            String label = key.substring(key.indexOf('|') + 1);
            int value = d.rows().get(i + 3);
            if (value < 0) {
                entries.remove(label);
            } else {
                entries.put(label, d.values().get(value));
            }
        }
        return entries;
    }

    @Test
    void aPbftSlotListsWhoSentWhichDigestAndIsPreparedOnlyOnMatchingVotes() {
        Recording r = new Recording(new Recording.Settings("pbft", 4, 3, 256, 0));
        message(r, 0, 1, "PrePrepare", "PrePrepare[view=0, seq=1, digest=" + D + ", batch=[Request[client=4, stream=0, timestamp=1, op=put k c]], replica=0, auth=null]");
        send(r, 1, 2, "Prepare", "Prepare[view=0, seq=1, digest=" + D + ", replica=1, auth=null]");
        message(r, 3, 1, "Prepare", "Prepare[view=0, seq=1, digest=" + OTHER + ", replica=3, auth=null]");
        assertEquals("v0: pre-prepare #bbbb from @0 \u00b7 prepares #bbbb @1; #083d @3 \u00b7 commits none", state(r, 1).get("slot 1"),
                "a prepare for another digest is listed apart and does not count");
        message(r, 2, 1, "Prepare", "Prepare[view=0, seq=1, digest=" + D + ", replica=2, auth=null]");
        assertEquals("v0: pre-prepare #bbbb from @0 \u00b7 prepares #bbbb @1 @2; #083d @3 \u00b7 commits none \u00b7 prepared", state(r, 1).get("slot 1"));
        assertEquals("@4:1", r.labels.get(r.requests.get(3)), "a PREPARE is about the request its pre-prepare carried");

        observe(r, 1, "CheckpointSaved", "CheckpointSaved[replica=1, seq=1]");
        assertFalse(state(r, 1).containsKey("slot 1"), "a stable checkpoint at 1 discards slot 1");
        assertEquals("h = 1, H = 257", state(r, 1).get("water marks"));
    }

    @Test
    void aZabLeaderListsAcksUntilTheProposalCommits() {
        Recording r = new Recording(new Recording.Settings("zab", 3, 2, 0, 0));
        long zxid = (1L << 32) | 1;
        observe(r, 0, "Leading", "Leading[server=0, epoch=1]");
        message(r, 0, 1, "Proposal", "Proposal[epoch=1, txn=Txn[zxid=" + zxid + ", kind=SET_DATA, path=/a, sessionId=7, cxid=3]]");
        assertEquals("ACKs from none yet", state(r, 0).get("proposal 0x1:1"));
        message(r, 1, 0, "Ack", "Ack[epoch=1, zxid=" + zxid + "]");
        assertEquals("ACKs from @1", state(r, 0).get("proposal 0x1:1"));
        assertEquals("0x1:1", state(r, 1).get("last accepted (ACKed)"));
        assertEquals("0x1:1", state(r, 1).get("accepted, not committed"));
        observe(r, 1, "Applied", "Applied[server=1, zxid=" + zxid + ", previousZxid=0]");
        assertEquals("0x1:1", state(r, 1).get("last committed"));
        assertFalse(state(r, 1).containsKey("accepted, not committed"));
        assertEquals("leader", state(r, 0).get("role"));
    }

    @Test
    void aViolationsStoryIsAboutTheSequenceNumberItNames() {
        assertEquals(java.util.Set.of("2"), Story.candidates(
                "seq 2: r3 executed digest 0000000000005eed (view 0, 0 requests) at 0.003291s but r2 executed digest b27f3ce530c32c77 (view 0, 1 requests)"));
        assertEquals(java.util.Set.of("0x1:349"), Story.candidates("s1 applied a different transaction at zxid 0x1:349 than was applied first elsewhere"));
        assertEquals(java.util.Set.of("7", "9"), Story.candidates("replicas disagree about 7 and 9"), "with no number named, every number");
    }

    @Test
    void aClientResultsStoryIsItsRequestWhicheverWayTheDetailNamesTheClient() {
        List<String> lanes = List.of("r0", "r1", "r2", "r3", "c0", "c1", "c2", "c3", "c4");
        Recording r = new Recording(new Recording.Settings("pbft", 4, 3, 256, 0));
        time = 160_480_000 - 1;
        observe(r, 4, "Accepted", "Accepted[client=4, stream=0, timestamp=1, op=put k2 c4.1, result=OK, readOnly=false, tentative=false]");
        String detail = "c4/0 t=1 (put k2 c4.1) accepted result 'OK' at 0.160480s, but no correct replica executed it";
        assertEquals("@4:1", Story.request(detail, 0.160480, r, lanes), "named by node id: node 4 accepted then, not lane c4 (node 8)");
        assertEquals("@4:1", Story.request(detail.replace("c4/0", "c0/0"), 0.160480, r, lanes), "named by lane");
        assertEquals(null, Story.request("seq 2: r3 executed digest 0000000000005eed", 0.160480, r, lanes));
    }
}
