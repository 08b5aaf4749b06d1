package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * A ZooKeeper write drawn as the lecture draws it: the request, its forward to the leader,
 * PROPOSAL, ACK, COMMIT and the reply, even where a follower's ACK leaves after its log write
 * (not right after the delivery that caused it) and another client's write is in flight at
 * the same time; and a read answered by the server the client talks to.
 */
class ZabDiagramTest {
    /** Servers s0 (leader), s1, s2; clients c0 (node 3, on s1) and c1 (node 4, on s2). */
    private static final List<String> LANES = List.of("s0", "s1", "s2", "c0", "c1");

    private final List<TraceEvent> trace = new ArrayList<>();
    private long nextId;

    private long send(long t, int from, int to, String type, String detail) {
        long id = nextId++;
        trace.add(new TraceEvent(t, TraceKind.SEND, from, to, type, id, 64, detail));
        return id;
    }

    private void deliver(long t, long id) {
        TraceEvent s = trace.stream().filter(e -> e.messageId() == id && e.kind() == TraceKind.SEND).findFirst().orElseThrow();
        trace.add(new TraceEvent(t, TraceKind.DELIVER, s.peer(), s.node(), s.type(), id, s.sizeBytes(), s.detail()));
    }

    /** c0 writes /a (zxid 7) through s1; c1 writes /b (zxid 8) through s2 at the same time; then c0 reads /a at s1. */
    private List<TraceEvent> twoWritesAndARead() {
        deliver(10, send(0, 3, 1, "Connect", "Connect[sessionId=0, lastZxidSeen=0, timeoutNanos=1000]"));
        long w1 = send(100, 3, 1, "Request", "Request[sessionId=11, cxid=1, op=Op[kind=SET_DATA, path=/a, dataBytes=8]]");
        long w2 = send(101, 4, 2, "Request", "Request[sessionId=12, cxid=1, op=Op[kind=SET_DATA, path=/b, dataBytes=8]]");
        deliver(110, w1);
        long f1 = send(111, 1, 0, "Forward", "Forward[origin=1, sessionId=11, cxid=1, op=Op[kind=SET_DATA, path=/a]]");
        deliver(112, w2);
        long f2 = send(113, 2, 0, "Forward", "Forward[origin=2, sessionId=12, cxid=1, op=Op[kind=SET_DATA, path=/b]]");
        deliver(120, f1);
        long p1a = send(121, 0, 1, "Proposal", "Proposal[epoch=1, txn=Txn[zxid=7, kind=SET_DATA, path=/a, sessionId=11, cxid=1]]");
        long p1b = send(121, 0, 2, "Proposal", "Proposal[epoch=1, txn=Txn[zxid=7, kind=SET_DATA, path=/a, sessionId=11, cxid=1]]");
        deliver(122, f2);
        long p2a = send(123, 0, 1, "Proposal", "Proposal[epoch=1, txn=Txn[zxid=8, kind=SET_DATA, path=/b, sessionId=12, cxid=1]]");
        deliver(130, p1a);
        deliver(131, p2a);   // s1's last delivery before its log write of zxid 7 completes
        deliver(132, p1b);
        long a1 = send(150, 1, 0, "Ack", "Ack[epoch=1, zxid=7]");            // after the fsync
        long a2 = send(151, 1, 0, "Ack", "Ack[epoch=1, zxid=8]");
        deliver(160, a1);
        deliver(161, a2);
        long c1a = send(162, 0, 1, "Commit", "Commit[epoch=1, zxid=7]");
        long c1b = send(162, 0, 2, "Commit", "Commit[epoch=1, zxid=7]");
        long c2 = send(163, 0, 1, "Commit", "Commit[epoch=1, zxid=8]");
        deliver(170, c1a);
        deliver(170, c1b);
        deliver(171, c2);
        deliver(180, send(175, 1, 3, "Reply", "Reply[cxid=1, zxid=7, result=Result[code=OK]]"));
        long read = send(200, 3, 1, "Request", "Request[sessionId=11, cxid=2, op=Op[kind=GET_DATA, path=/a, dataBytes=0]]");
        deliver(210, read);
        deliver(220, send(211, 1, 3, "Reply", "Reply[cxid=2, zxid=8, result=Result[code=OK]]"));
        return trace;
    }

    private static List<String> drawn(DiagramWindow w) {
        List<String> out = new ArrayList<>();
        for (DiagramWindow.Arrow a : w.arrows()) {
            out.add(a.type() + " " + LANES.get(a.from()) + "->" + LANES.get(a.to()));
        }
        return out;
    }

    @Test
    void aWriteIsTheRequestItsForwardProposalAcksCommitsAndTheReplyAndNothingOfAnotherClientsWrite() {
        DiagramWindow w = DiagramWindow.of(twoWritesAndARead(), LANES, DiagramOptions.requests(1, 1));
        assertEquals(List.of("Request c0->s1", "Forward s1->s0", "Proposal s0->s1", "Proposal s0->s2", "Ack s1->s0",
                "Commit s0->s1", "Commit s0->s2", "Reply s1->c0"), drawn(w));
        assertTrue(w.caption().startsWith("request 1 (c0 \u2192 s1: SET_DATA /a)"), w.caption());
    }

    @Test
    void requestsAreCountedWithoutConnectsAndAReadIsAnsweredLocally() {
        DiagramWindow w = DiagramWindow.of(twoWritesAndARead(), LANES, DiagramOptions.requests(3, 1));
        assertEquals(List.of("Request c0->s1", "Reply s1->c0"), drawn(w));
        assertTrue(w.caption().contains("GET_DATA /a"), w.caption());
    }

    @Test
    void theSvgLabelsEveryPhaseOfTheWrite() {
        String svg = SequenceDiagram.svg(DiagramWindow.of(twoWritesAndARead(), LANES, DiagramOptions.requests(1, 1)), LANES, "zab write");
        for (String phase : List.of("request", "forward", "proposal", "ack", "commit", "reply")) {
            assertTrue(svg.contains(">" + phase + "</text>"), "no " + phase + " label");
        }
        assertTrue(svg.contains(">s0 (leader)</text>"), "the lane that sends the proposals is marked leader");
    }
}
