package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A clone explains itself: the README and docs/ link only to files (and headings) inside the repository. */
class DocumentationLinksTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws Exception {
        List<Path> docs = new ArrayList<>();
        docs.add(ROOT.resolve("README.md"));
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    @Test
    void everyLinkResolvesInsideTheRepository() throws Exception {
        List<String> broken = new ArrayList<>();
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            assertFalse(text.contains("../shared"), doc + " points outside the repository");
            Matcher m = LINK.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved) || !resolved.toAbsolutePath().normalize().startsWith(ROOT.toAbsolutePath().normalize())) {
                    broken.add(doc + ": " + target);
                    continue;
                }
                if (target.contains("#")) {
                    String wanted = target.substring(target.indexOf('#') + 1);
                    boolean found = Files.readAllLines(resolved).stream().filter(l -> l.startsWith("#"))
                            .anyMatch(l -> anchor(l.replaceFirst("^#+", "")).equals(wanted));
                    if (!found) {
                        broken.add(doc + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), "broken links: " + broken);
        assertTrue(Files.readString(ROOT.resolve("README.md")).contains("(docs/SCENARIOS.md)"), "the README points to the reference");
    }
}
