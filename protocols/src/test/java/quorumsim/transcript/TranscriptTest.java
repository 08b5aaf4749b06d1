package quorumsim.transcript;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import quorumsim.core.StableStore;

/**
 * The transcripts under {@code testdata/pbft} and {@code testdata/zab}, each its own test: one
 * rule of the paper per file, driven through one replica (see {@link TranscriptRunner}).
 */
class TranscriptTest {
    @TestFactory
    Stream<DynamicTest> pbft() throws IOException, URISyntaxException {
        return transcripts("pbft", PbftSubject::new);
    }

    @TestFactory
    Stream<DynamicTest> zab() throws IOException, URISyntaxException {
        return transcripts("zab", ZabSubject::new);
    }

    private static Stream<DynamicTest> transcripts(String protocol,
            BiFunction<Map<String, Term>, StableStore, Subject> factory) throws IOException, URISyntaxException {
        URL folder = TranscriptTest.class.getResource("/testdata/" + protocol);
        if (folder == null) {
            throw new IllegalStateException("no testdata/" + protocol + " on the test classpath");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(Path.of(folder.toURI()))) {
            listing.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
        }
        assertFalse(files.isEmpty(), "no transcripts in testdata/" + protocol);
        // each transcript's expect lines are its assertions: the runner fails on the first that does not hold
        return files.stream().map(file -> DynamicTest.dynamicTest(protocol + "/" + file.getFileName(), () -> {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            new TranscriptRunner(protocol + "/" + file.getFileName(), factory).run(lines);
        }));
    }
}
