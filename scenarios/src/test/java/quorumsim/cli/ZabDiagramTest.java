package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * messages.svg of a real ZooKeeper run: a write through a follower is the request, its
 * forward to the leader, a PROPOSAL to each follower, their ACKs, a COMMIT to each and the
 * reply; a read is a request and its reply from the same server. Chosen with
 * {@code --diagram-request} and {@code --diagram-window}.
 */
class ZabDiagramTest {
    @TempDir
    Path dir;

    private Map<String, Integer> drawn(String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "zk-saturation", "--set", "duration=150ms", "--set", "warmup=0s",
                "--set", "workload.clients=5", "--set", "workload.outstanding=1", "--out", dir.toString(), "--quiet"));
        args.addAll(List.of(options));
        StringWriter err = new StringWriter();
        assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new)), err.toString());
        Map<String, Integer> byType = new TreeMap<>();
        List<String> rows = Files.readAllLines(dir.resolve("messages-diagram.csv"));
        for (String row : rows.subList(1, rows.size())) {
            byType.merge(row.split(",")[1], 1, Integer::sum);
        }
        return byType;
    }

    @Test
    void aWriteThroughAFollowerShowsForwardProposalAckCommitAndReply() throws Exception {
        // s4 leads; request 1 is c4's on the leader, request 2 c2's through s2, a follower: it creates c2's znode
        assertEquals(Map.of("Request", 1, "Forward", 1, "Proposal", 4, "Ack", 4, "Commit", 4, "Reply", 1),
                drawn("--diagram-request", "2"));
        String svg = Files.readString(dir.resolve("messages.svg"));
        assertTrue(svg.contains("request 2 (c2 \u2192 s2: CREATE /c2)"), "the caption names the request");
    }

    @Test
    void aReadIsAnsweredByTheServerTheClientTalksTo() throws Exception {
        // the load starts at 100 ms; the second request after it is c2's first getData, at s2
        assertEquals(Map.of("Request", 1, "Reply", 1), drawn("--diagram-window", "100ms..", "--diagram-request", "2"));
        assertTrue(Files.readString(dir.resolve("messages.svg")).contains("request 2 (c2 \u2192 s2: GET_DATA /c2)"));
    }

    @Test
    void aBadChoiceIsOneLineAndExitCode2() {
        for (String[] bad : List.of(new String[] {"--diagram-request", "x"}, new String[] {"--diagram-request", "5-3"},
                new String[] {"--diagram-window", "1s"}, new String[] {"--diagram-window", "5s.."})) {
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of("run", "zk-saturation", "--out", dir.toString()));
            args.addAll(List.of(bad));
            assertEquals(2, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(String[]::new)), String.join(" ", bad));
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().contains("diagram"), err.toString());
        }
    }
}
