package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** What every test checks of the files a report writes: real PNGs, well-formed SVGs, HTML links that resolve. */
final class ReportFilesCheck {
    private ReportFilesCheck() {
    }

    static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a PNG ImageIO can read");
        assertTrue(image.getWidth() >= 600 && image.getHeight() >= 300, file + " is " + image.getWidth() + "x" + image.getHeight());
        return image;
    }

    /** Parses the SVG as XML and returns all of its text. */
    static String svgText(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName(), file + " has no svg root");
        return doc.getDocumentElement().getTextContent();
    }

    static void chart(Path dir, String name, String... expectedTexts) throws Exception {
        png(dir.resolve(name + ".png"));
        String text = svgText(dir.resolve(name + ".svg"));
        for (String expected : expectedTexts) {
            assertTrue(text.contains(expected), name + ".svg lacks \"" + expected + "\"");
        }
        assertTrue(Files.size(dir.resolve(name + ".csv")) > 0, name + ".csv is empty");
    }

    /** Every src, href and data attribute of the page names a file next to it; nothing goes to the network. */
    static List<String> referencesResolve(Path page) throws IOException {
        String html = Files.readString(page, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\b(?:src|href|data)=\"([^\"]*)\"").matcher(html);
        List<String> refs = new ArrayList<>();
        while (m.find()) {
            String ref = m.group(1);
            if (ref.startsWith("#") || ref.startsWith("url(#")) {
                continue;
            }
            assertFalse(ref.contains("://") || ref.startsWith("//"), page + " refers to the network: " + ref);
            assertTrue(Files.isRegularFile(page.resolveSibling(ref)), page + " refers to a missing file: " + ref);
            refs.add(ref);
        }
        return refs;
    }
}
