package quorumsim.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Output folders never overwrite a different run silently: a folder holding the same
 * scenario and seed is replaced; one holding another run leaves it alone and the next free
 * name ({@code name-2}, {@code name-3}, ...) is used.
 */
public final class OutputFolders {
    private OutputFolders() {
    }

    public static Path choose(Path wanted, String scenario, long seed) {
        for (int i = 1; ; i++) {
            Path candidate = i == 1 ? wanted : wanted.resolveSibling(wanted.getFileName() + "-" + i);
            if (isFree(candidate) || holdsRun(candidate, scenario, seed)) {
                return candidate;
            }
        }
    }

    private static boolean isFree(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean holdsRun(Path dir, String scenario, long seed) {
        Path summary = dir.resolve("summary.json");
        if (!Files.isRegularFile(summary)) {
            return false;
        }
        try {
            JsonNode json = new ObjectMapper().readTree(summary.toFile());
            return scenario.equals(json.path("scenario").asText()) && json.path("seed").asLong() == seed
                    && json.path("seed").isNumber();
        } catch (IOException e) {
            return false;
        }
    }
}
