package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cost profiles explain themselves: every value sits under a comment that says what it
 * stands for and where it comes from ("source: spec", "benchmark" or "derivation", with what),
 * and every key of {@link PbftCosts#KEYS} is set.
 */
class PbftCostProfilesTest {
    private static final Pattern SOURCE = Pattern.compile("#\\s*source:\\s*(spec|benchmark|derivation)\\b.{20,}");

    static String text(String profile) throws IOException {
        try (InputStream in = PbftCosts.class.getResourceAsStream("/quorumsim/pbft/costs/" + profile + ".properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The values of {@code text} without a comment block right above them that names its source. */
    static List<String> unsourced(String text) {
        List<String> bare = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean sourced = false;
            int explanation = 0;
            for (int j = i - 1; j >= 0 && lines[j].trim().startsWith("#"); j--) {
                sourced |= SOURCE.matcher(lines[j].trim()).matches();
                explanation += lines[j].trim().length();
            }
            if (!sourced || explanation < 80) {
                bare.add(line);
            }
        }
        return bare;
    }

    @Test
    void everyValueOfEveryProfileSaysWhereItComesFrom() throws IOException {
        for (String profile : PbftCosts.PROFILES) {
            List<String> bare = unsourced(text(profile));
            assertTrue(bare.isEmpty(), profile + ": values without a comment naming their source: " + bare);
        }
    }

    @Test
    void aValueWithoutItsSourceIsCaught() throws IOException {
        String stripped = text("osdi99").replace("# source: derivation (RFC 1321's step count", "# (RFC 1321's step count");
        assertEquals(List.of("digestPerByteNanos = 105.0"), unsourced(stripped));
    }

    @Test
    void theOsdi99ProfileIsTheAlphaDerivedNotThePentiumPro() {
        PbftCosts alpha = PbftCosts.profile("osdi99");
        assertTrue(alpha.digestPerByteNanos() > 0, "the osdi99 profile charges MD5 per byte");
        assertTrue(alpha.macNanos() < 10_300, "UMAC32 on the Alpha, not the Pentium Pro's MD5-based MAC");
        assertEquals(alpha.receivePerByteNanos() + alpha.digestPerByteNanos(),
                ((quorumsim.core.CpuCostModel.Linear) alpha.toCostModel()).receivePerByteNanos(), 1e-9);
        assertEquals(alpha.sendPerByteNanos() + alpha.digestPerByteNanos(),
                ((quorumsim.core.CpuCostModel.Linear) alpha.toCostModel()).sendPerByteNanos(), 1e-9);
    }
}
