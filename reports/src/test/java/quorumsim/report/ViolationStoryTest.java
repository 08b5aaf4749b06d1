package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import quorumsim.result.Violation;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * PBFT with quorums of 2 out of 4 and an equivocating primary r0: r1 commits digest 100 on
 * r0's and its own commit, r3 commits digest 200 on r0's and its own. The story names both
 * certificates, the one replica the quorums share (r0, Byzantine) and the arithmetic that
 * let it happen.
 */
class ViolationStoryTest {
    private static final List<String> LANES = List.of("r0", "r1", "r2", "r3", "c0");
    private static final Map<String, String> QUORUM_2 = Map.of("n", "4", "f", "1", "quorum", "2",
            "prepared", "pre-prepare + 1 matching prepare", "committed", "2 matching commits");
    private static final Violation AGREEMENT = new Violation("agreement", "seq 1: r1 executed digest 0000000000000064 (view 0, 1 requests)"
            + " at 0.000050s but r3 executed digest 00000000000000c8 (view 0, 0 requests) at 0.000060s", 0.00006);

    private final List<TraceEvent> trace = new ArrayList<>();
    private long nextId;

    private void message(long sent, long delivered, int from, int to, String detail) {
        long id = nextId++;
        String type = detail.substring(0, detail.indexOf('['));
        trace.add(new TraceEvent(sent, TraceKind.SEND, from, to, type, id, 100, detail));
        trace.add(new TraceEvent(delivered, TraceKind.DELIVER, to, from, type, id, 100, detail));
    }

    private List<TraceEvent> equivocation(boolean withSecondExecution) {
        trace.add(new TraceEvent(0, TraceKind.OBSERVE, 0, -1, "Behaviour", -1, 0, "Behaviour[replica=0, behaviour=equivocate, enabled=true]"));
        message(10, 20, 0, 1, "PrePrepare[view=0, seq=1, digest=100, batch=[Request[client=4, stream=0, timestamp=1, op=put k1 v, readOnly=false]], replica=0]");
        message(10, 20, 0, 3, "PrePrepare[view=0, seq=1, digest=200, batch=[], replica=0]");
        message(11, 30, 0, 1, "Commit[view=0, seq=1, digest=100, replica=0]");
        message(11, 30, 0, 3, "Commit[view=0, seq=1, digest=200, replica=0]");
        message(21, 40, 1, 2, "Prepare[view=0, seq=1, digest=100, replica=1]");
        message(21, 41, 3, 2, "Prepare[view=0, seq=1, digest=200, replica=3]");
        message(22, 45, 1, 2, "Commit[view=0, seq=1, digest=100, replica=1]");
        message(22, 46, 3, 2, "Commit[view=0, seq=1, digest=200, replica=3]");
        trace.add(new TraceEvent(50_000, TraceKind.OBSERVE, 1, -1, "Executed", -1, 0, "Executed[replica=1, view=0, seq=1, digest=100, batch=[]]"));
        if (withSecondExecution) {
            trace.add(new TraceEvent(60_000, TraceKind.OBSERVE, 3, -1, "Executed", -1, 0, "Executed[replica=3, view=0, seq=1, digest=200, batch=[]]"));
        }
        trace.sort((a, b) -> Long.compare(a.timeNanos(), b.timeNanos()));
        return trace;
    }

    @Test
    void theStoryNamesBothCertificatesAndTheOnlySharedReplica() {
        ViolationStory story = ViolationStory.of(AGREEMENT, equivocation(true), LANES, QUORUM_2).orElseThrow();
        String text = String.join("\n", story.lines());
        assertEquals(1, story.sequence());
        assertTrue(text.contains("Byzantine: r0 (equivocate)"), text);
        assertTrue(text.contains("r1 executed digest A = 0000000000000064"), text);
        assertTrue(text.contains("commits     from r0 and its own (2 needed)"), text);
        assertTrue(text.contains("The commit quorum of A {r0, r1} and the commit quorum of B {r0, r3} share {r0}, which is Byzantine."), text);
        assertTrue(text.contains("2q - n = 0 replicas, and with f = 1 those may all be Byzantine"), text);
    }

    @Test
    void theViolationDiagramDrawsOnlyTheCertificatesAndDashesTheSecondDigest() {
        ViolationStory story = ViolationStory.of(AGREEMENT, equivocation(true), LANES, QUORUM_2).orElseThrow();
        List<String> drawn = new ArrayList<>();
        story.window().arrows().forEach(a -> drawn.add(a.type() + " " + LANES.get(a.from()) + "->" + LANES.get(a.to())));
        assertEquals(List.of("PrePrepare r0->r1", "PrePrepare r0->r3", "Commit r0->r1", "Commit r0->r3"), drawn);
        String svg = SequenceDiagram.svg(story.window(), LANES, "violation", story.dashed());
        assertEquals(2, svg.split("stroke-dasharray=\"7 4\"", -1).length - 1, "the two messages of digest B are dashed");
        assertTrue(svg.contains(">executes A<") && svg.contains(">executes B<"));
    }

    @Test
    void noStoryIsToldWhenTheReplayLacksAnExecution() {
        assertEquals(Optional.empty(), ViolationStory.of(AGREEMENT, equivocation(false), LANES, QUORUM_2));
    }

    @Test
    void theReplayKeepsOnlyTheViolationsSequenceNumber() {
        TraceEvent seq1 = new TraceEvent(1, TraceKind.SEND, 0, 1, "Commit", 1, 10, "Commit[view=0, seq=1, digest=5, replica=0]");
        TraceEvent seq12 = new TraceEvent(1, TraceKind.SEND, 0, 1, "Commit", 2, 10, "Commit[view=0, seq=12, digest=5, replica=0]");
        assertTrue(ViolationStory.keeps(seq1, 1));
        assertTrue(!ViolationStory.keeps(seq12, 1));
        assertEquals(1, ViolationStory.sequenceOf(AGREEMENT));
    }
}
