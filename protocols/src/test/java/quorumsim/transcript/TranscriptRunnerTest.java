package quorumsim.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner passes a transcript that says what the replica does, and fails one that does not, naming the line. */
class TranscriptRunnerTest {
    private static void run(String... lines) {
        new TranscriptRunner("t.txt", PbftSubject::new).run(List.of(lines));
    }

    private static String failure(String... lines) {
        return assertThrows(AssertionError.class, () -> run(lines)).getMessage();
    }

    @Test
    void aTranscriptThatSaysWhatTheReplicaDoesPasses() {
        run("config f=1 self=2",
                "deliver 0 PrePrepare(v=0,  n=1, d=A)",
                "expect  multicast   Prepare(v=0, n=1, d=A, i=2) to 0 1 3",
                "expect  state view=0 slots=1");
    }

    @Test
    void aWrongExpectationNamesTheLineWhatWasExpectedAndWhatCameOut() {
        String message = failure("config f=1 self=2",
                "# a comment",
                "deliver 0 PrePrepare(v=0, n=1, d=A)",
                "expect  nothing");
        assertEquals("t.txt:3: deliver 0 PrePrepare(v=0, n=1, d=A)\n  expected:\n    nothing\n"
                + "  got:\n    multicast Prepare(v=0, n=1, d=A, i=2) to 0 1 3\n", message);
    }

    @Test
    void aMissingEffectFailsToo() {
        String message = failure("config f=1 self=2",
                "deliver 1 PrePrepare(v=0, n=1, d=A, i=1)",
                "expect  multicast Prepare(v=0, n=1, d=A, i=2) to 0 1 3");
        assertTrue(message.contains("got:\n    nothing"), message);
    }

    @Test
    void aWrongStateFails() {
        String message = failure("config f=1 self=2",
                "deliver 0 PrePrepare(v=0, n=1, d=A)",
                "expect  multicast Prepare(v=0, n=1, d=A, i=2) to 0 1 3",
                "expect  state slots=2");
        assertTrue(message.contains("expected state slots=2") && message.contains("got      state slots=1"), message);
    }

    @Test
    void aStepWithoutExpectationsIsAnError() {
        String message = failure("config f=1 self=2",
                "deliver 0 PrePrepare(v=0, n=1, d=A)",
                "deliver 0 PrePrepare(v=0, n=2, d=B)",
                "expect  nothing");
        assertTrue(message.startsWith("t.txt:2: deliver 0 PrePrepare(v=0, n=1, d=A)\n  has no expect line"), message);
    }

    @Test
    void aRestartKeepsWhatReachedTheDiskAndLosesTheRest() {
        String[] viewOne = {"config f=1 self=2",
                "deliver 0 ViewChange(v=1, i=0)", "expect nothing",
                "deliver 1 ViewChange(v=1, i=1)", "expect multicast ViewChange(v=1, n=0, C=[], P=[], i=2) to 0 1 3",
                "show persists",
                "deliver 1 NewView(v=1, V=[0 1 2], O=[])", "expect persist SavedView(view=1)"};
        List<String> done = new java.util.ArrayList<>(List.of(viewOne));
        done.addAll(List.of("persisted", "expect nothing", "restart", "expect nothing", "expect state view=1"));
        run(done.toArray(String[]::new));
        List<String> lost = new java.util.ArrayList<>(List.of(viewOne));
        lost.addAll(List.of("restart", "expect nothing", "expect state view=1"));
        assertTrue(failure(lost.toArray(String[]::new)).contains("expected state view=1\n  got      state view=0"));
        assertTrue(failure("config f=1 self=2", "restart now").contains("restart takes nothing"));
    }

    @Test
    void badLinesSayWhatIsAllowed() {
        assertTrue(failure("config f=1 self=2", "delivr 0 Foo()").contains("unknown command 'delivr'"));
        assertTrue(failure("config f=1 self=2 colour=red").contains("config has no key 'colour'"));
        assertTrue(failure("config f=1 self=2", "deliver 0 Hello(v=0)", "expect nothing")
                .contains("PBFT transcripts deliver Request, PrePrepare"));
        assertTrue(failure("config f=1 self=2", "fire ViewChangeTimer").contains("no pending timer ViewChangeTimer; pending: []"));
        assertTrue(failure("config f=1 self=2", "deliver 0 PrePrepare(v=0, n=1, d=A", "expect nothing")
                .contains("expected ')'"));
    }
}
