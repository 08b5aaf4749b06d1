package quorumsim.viewer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The machine's headless Chromium, driven over its DevTools protocol with the JDK's own HTTP
 * and WebSocket clients (no driver, no library): open a page, evaluate script in it, take a
 * screenshot. Tests use it to click through viewer.html and read what it shows.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final Duration CALL = Duration.ofSeconds(180);

    private final ObjectMapper json = new ObjectMapper();
    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    HeadlessChromium() throws IOException, InterruptedException {
        profile = Files.createTempDirectory("quorumsim-chromium");
        process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-extensions", "--remote-debugging-port=0", "--user-data-dir=" + profile, "--window-size=1400,1000",
                "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                close();
                throw new IOException("Chromium did not start its DevTools endpoint: " + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(100);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = null;
        for (JsonNode target : json.readTree(list)) {
            if (target.path("type").asText().equals("page")) {
                pageSocket = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageSocket == null) {
            close();
            throw new IOException("Chromium shows no page target: " + list);
        }
        socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new Listener()).join();
    }

    /** Opens {@code file} and waits until {@code readyExpression} is true; returns the wall milliseconds it took. */
    long open(Path file, String readyExpression) throws Exception {
        long start = System.nanoTime();
        call("Page.enable", Map.of());
        call("Page.navigate", Map.of("url", file.toUri().toString()));
        long deadline = System.nanoTime() + CALL.toNanos();
        while (!Boolean.TRUE.equals(evaluateOrNull(readyExpression))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page " + file + " was not ready within " + CALL + ": " + readyExpression);
            }
            Thread.sleep(50);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private Object evaluateOrNull(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            return null;
        }
        return json.treeToValue(result.path("result").path("value"), Object.class);
    }

    /** The value of {@code expression} in the page (a script error fails the test with its text). */
    Object evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("script failed in the page: " + result.path("exceptionDetails") + "\n" + expression);
        }
        return json.treeToValue(result.path("result").path("value"), Object.class);
    }

    String text(String expression) throws Exception {
        Object value = evaluate(expression);
        return value == null ? null : value.toString();
    }

    /** Clicks the element with this id, as a user would (its click handler runs). */
    void click(String id) throws Exception {
        evaluate("document.getElementById('" + id + "').click(); true");
    }

    /** Types {@code value} into the input or select with this id and fires its change event. */
    void set(String id, String value) throws Exception {
        evaluate("(() => { const el = document.getElementById('" + id + "'); el.value = " + json.writeValueAsString(value)
                + "; el.dispatchEvent(new Event('change')); return true; })()");
    }

    void screenshot(Path png) throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.write(png, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", json.valueToTree(params));
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(json.writeValueAsString(message), true).join();
        JsonNode reply = answer.get(CALL.toSeconds(), TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new AssertionError(method + " failed: " + reply.path("error"));
        }
        return reply.path("result");
    }

    @Override
    public void close() {
        try {
            if (socket != null) {
                call("Browser.close", Map.of());
            }
        } catch (Exception e) {
            // closing anyway below
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }

    /** Collects each DevTools message (possibly in parts) and answers the call it belongs to. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder parts = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            parts.append(data);
            if (last) {
                try {
                    JsonNode message = json.readTree(parts.toString());
                    CompletableFuture<JsonNode> waiting = message.has("id") ? pending.remove(message.get("id").asInt()) : null;
                    if (waiting != null) {
                        waiting.complete(message);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                parts.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
