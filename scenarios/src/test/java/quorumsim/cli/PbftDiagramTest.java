package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * messages.svg of the real PBFT normal case (f = 1) holds exactly the lecture's messages of
 * the first request: 1 request, 3 pre-prepares, 9 prepares, 12 commits and 4 replies, each of
 * them a message the run's trace sent, under the same id and type.
 */
class PbftDiagramTest {
    private static final Pattern ARROW = Pattern.compile("<g class=\"msg\" data-msg-id=\"(\\d+)\" data-type=\"(\\w+)\"");

    @TempDir
    Path dir;

    @Test
    void theFirstRequestIsTheLecturePicture() throws Exception {
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "run", "pbft-normal",
                "--set", "duration=100ms", "--set", "warmup=0s", "--trace", "--out", dir.toString(), "--quiet");
        assertEquals(0, code);
        Map<Long, String> sent = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("trace.jsonl"))) {
            JsonNode event = json.readTree(line);
            if (event.path("kind").asText().equals("SEND")) {
                sent.put(event.path("id").asLong(), event.path("type").asText());
            }
        }
        Matcher arrows = ARROW.matcher(Files.readString(dir.resolve("messages.svg")));
        Map<String, Integer> byType = new TreeMap<>();
        while (arrows.find()) {
            long id = Long.parseLong(arrows.group(1));
            String type = arrows.group(2);
            assertEquals(sent.get(id), type, "arrow " + id + " is the message the trace sent under that id");
            byType.merge(type, 1, Integer::sum);
        }
        assertEquals(Map.of("Request", 1, "PrePrepare", 3, "Prepare", 9, "Commit", 12, "Reply", 4), byType);
        assertTrue(Files.readString(dir.resolve("report.html")).contains("messages.svg") || Files.readString(dir.resolve("report.html")).contains("<svg"),
                "the report shows the diagram");
    }
}
