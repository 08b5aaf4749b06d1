package quorumsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import quorumsim.cli.Main;

/**
 * viewer.html in a real browser (the machine's headless Chromium): a PBFT run whose primary
 * equivocates, stepped to sequence 1's first PRE-PREPARE and to the view change, and a run of
 * more than 10^5 messages, opened and drawn. Skipped, with the reason, where there is no
 * /usr/bin/chromium. Screenshots of three moments go to target/viewer-screenshots/.
 */
class ViewerBrowserTest {
    private static final Pattern O_ITEM = Pattern.compile("PrePrepare\\[view=\\d+, seq=(\\d+), digest=(-?\\d+), batch=(\\[\\]|\\[Request)");
    private static final Path SHOTS = Path.of("target", "viewer-screenshots");
    private static Path dir;
    private static HeadlessChromium browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        if (!HeadlessChromium.available()) {
            System.err.println("ViewerBrowserTest skipped: no " + HeadlessChromium.BINARY + " on this machine");
        }
        Assumptions.assumeTrue(HeadlessChromium.available(), "no " + HeadlessChromium.BINARY + " on this machine: the viewer's browser tests are skipped");
        dir = Files.createTempDirectory("quorumsim-viewer");
        Files.createDirectories(SHOTS);
        browser = new HeadlessChromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Path run(String name, String... more) {
        Path out = dir.resolve(name + "-" + more.length);
        List<String> args = new ArrayList<>(List.of("run", name, "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        assertTrue(code == 0 || code == 1, "the run ends (exit " + code + ")");
        return out;
    }

    private static String slotRow(String replica) throws Exception {
        return browser.text("document.querySelector('#slot-table tr[data-node=\"" + replica + "\"] td.value').textContent");
    }

    private static String event() throws Exception {
        return browser.text("document.querySelector('#event .what').textContent");
    }

    private static void noErrors() throws Exception {
        assertEquals(Boolean.TRUE, browser.evaluate("document.getElementById('errors').hidden"),
                () -> "the page reports an error: " + textOrNull("document.getElementById('errors').textContent"));
    }

    private static String textOrNull(String expression) {
        try {
            return browser.text(expression);
        } catch (Exception e) {
            return e.toString();
        }
    }

    @Test
    void anEquivocatingPrimarysRunStepsThroughSequenceOneAndTheViewChange() throws Exception {
        Path out = run("pbft-equivocating-primary", "--set", "duration=1.4s", "--record", "--trace");
        browser.open(out.resolve("viewer.html"), "window.quorumsimViewer && window.quorumsimViewer.ready");
        noErrors();
        browser.screenshot(SHOTS.resolve("1-whole-run.png"));

        JsonNode firstPrePrepare = firstSend(out, "PrePrepare", "seq=1,");
        String digest = Display.digest(field(firstPrePrepare.path("detail").asText(), "digest"));
        browser.set("jump-seq", "1");
        browser.click("jump-seq-next");
        assertTrue(event().contains("r0 SEND PrePrepare to r1"), event());
        assertEquals("v0: pre-prepare " + digest + " from r0 \u00b7 prepares none \u00b7 commits none", slotRow("r0"));
        for (String backup : List.of("r1", "r2", "r3")) {
            assertEquals("nothing yet", slotRow(backup), backup + " has heard nothing of sequence 1 yet");
        }

        for (int i = 0; i < 100 && !event().contains("SEND Commit"); i++) {
            browser.click("jump-seq-next");
        }
        String committer = event().replaceAll(".*: (r\\d) SEND Commit.*", "$1");
        assertTrue(slotRow(committer).contains("prepared"), committer + " sends COMMIT only once prepared: " + slotRow(committer));
        assertTrue(slotRow(committer).startsWith("v0: pre-prepare " + digest + " from r0 \u00b7 prepares " + digest + " "), slotRow(committer));
        for (int i = 0; i < 8; i++) {
            browser.click("zoom-in");
        }
        browser.screenshot(SHOTS.resolve("2-sequence-1-prepared.png"));

        JsonNode newView = firstSend(out, "NewView", "");
        String primary = "r" + newView.path("node").asInt();
        browser.set("jump-type", typeIndex("NewView"));
        browser.click("jump-type-next");
        assertTrue(event().contains(primary + " SEND NewView"), event());
        browser.set("node-select", Integer.toString(newView.path("node").asInt()));
        String shown = browser.text("document.querySelector('#state tr[data-key=\"new-view 1\"] td.value').textContent");
        assertTrue(shown.contains(expectedO(newView.path("detail").asText())), "the O set shown is the NEW-VIEW's: " + shown
                + "\nexpected " + expectedO(newView.path("detail").asText()));
        assertEquals("1 (primary " + primary + ")", browser.text("document.querySelector('#state tr[data-key=\"view\"] td.value').textContent"),
                "the new primary installed view 1 before it sent NEW-VIEW");
        browser.screenshot(SHOTS.resolve("3-new-view.png"));
        noErrors();
    }

    @Test
    void aRunOfMoreThanAHundredThousandMessagesOpensAndDraws() throws Exception {
        Path out = run("pbft-normal", "--set", "duration=3.6s", "--record");
        long millis = browser.open(out.resolve("viewer.html"), "window.quorumsimViewer && window.quorumsimViewer.ready");
        noErrors();
        long messages = ((Number) browser.evaluate("window.quorumsimViewer.messages")).longValue();
        assertTrue(messages >= 100_000, "the run sent " + messages + " messages");
        Object pageMillis = browser.evaluate("Math.round(window.quorumsimViewer.loadMillis)");
        System.err.printf("viewer of %,d messages: %,d bytes, opened in %,d ms (the page's own script: %s ms)%n", messages,
                Files.size(out.resolve("viewer.html")), millis, pageMillis);
        browser.click("last");
        browser.click("back");
        browser.click("zoom-in");
        assertTrue(browser.text("document.getElementById('drawn').textContent").contains("messages drawn in this window"));
        assertTrue(event().startsWith("#"), event());
        noErrors();
    }

    @Test
    void theFirstViolationShowsItsStory() throws Exception {
        Path out = run("pbft-collusion-f-plus-1", "--set", "duration=300ms", "--set", "warmup=0s", "--record");
        browser.open(out.resolve("viewer.html"), "window.quorumsimViewer && window.quorumsimViewer.ready");
        JsonNode first = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("safety").path("violations").get(0);
        browser.click("jump-violation");
        assertEquals(Boolean.TRUE, browser.evaluate("document.querySelector('#violations .violation').classList.contains('active')"));
        assertTrue(browser.text("document.querySelector('#violations .violation').textContent").contains(first.path("detail").asText()));
        String seq = first.path("detail").asText().replaceAll("^seq (\\d+):.*", "$1");
        assertTrue(browser.text("document.getElementById('violation-0').textContent").matches("show its story \\(2\\d messages\\)"),
                "the story is sequence " + seq + "'s pre-prepares, prepares and commits: "
                        + browser.text("document.getElementById('violation-0').textContent"));
        double cursorSeconds = ((Number) browser.evaluate("window.quorumsimViewer.cursorTime()")).doubleValue() / 1e9;
        assertTrue(cursorSeconds <= first.path("time").asDouble() && cursorSeconds > first.path("time").asDouble() - 1e-3,
                "the cursor stands at the violation: " + cursorSeconds);
        assertTrue(browser.text("document.getElementById('drawn').textContent").contains("the violation's story in bold"));
        browser.screenshot(SHOTS.resolve("4-violation-story.png"));
        noErrors();
    }

    /** The first SEND of a type in trace.jsonl whose text contains {@code containing}. */
    private static JsonNode firstSend(Path out, String type, String containing) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (var lines = Files.lines(out.resolve("trace.jsonl"))) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("\"kind\":\"SEND\"") && line.contains("\"type\":\"" + type + "\"") && line.contains(containing)) {
                    return json.readTree(line);
                }
            }
        }
        throw new AssertionError("no " + type + " in the trace");
    }

    private static String field(String text, String name) {
        Matcher m = Pattern.compile(name + "=(-?\\d+)").matcher(text);
        assertTrue(m.find(), name + " in " + text);
        return m.group(1);
    }

    /** The O set as the page writes it: "seq digest" or "seq null" for each re-issued pre-prepare. */
    private static String expectedO(String newView) {
        Matcher items = O_ITEM.matcher(newView.substring(newView.indexOf("prePrepares=[")));
        List<String> o = new ArrayList<>();
        while (items.find()) {
            o.add(items.group(1) + " " + (items.group(3).equals("[]") ? "null" : Display.digest(Long.parseLong(items.group(2)))));
        }
        return "O (" + o.size() + "): {" + String.join(", ", o.subList(0, Math.min(64, o.size()))) + (o.size() > 64 ? ", \u2026" : "}");
    }

    private static String typeIndex(String type) throws Exception {
        return browser.text("[...document.getElementById('jump-type').options].find(o => o.text === '" + type + "').value");
    }
}
