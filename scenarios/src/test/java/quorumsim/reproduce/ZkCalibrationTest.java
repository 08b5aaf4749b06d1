package quorumsim.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.zab.ZabConfig;

/** The calibration profile: it loads into the Zab model, and it explains every number it sets. */
class ZkCalibrationTest {
    private static String profileText() {
        try (InputStream in = ZkCalibration.class.getClassLoader().getResourceAsStream(ZkCalibration.PAPER_PROFILE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void paperProfileLoadsIntoTheZabModel() {
        ZkCalibration c = ZkCalibration.paper();
        ZabConfig config = c.applyTo(ZabConfig.defaults());
        assertEquals(2, config.cores(), "the paper's servers had one dual-core Xeon");
        assertEquals(941_000_000L, c.nicBitsPerSec());
        assertFalse(config.leaderServes());
        assertEquals(1_000, config.disk().maxBatchWrites(), "ZooKeeper flushes its log at 1,000 pending transactions");
        assertTrue(config.costs().readNanos() > 0 && config.costs().prepareNanos() > 0 && config.costs().sendPerByteNanos() > 0);
        assertTrue(config.validate().isEmpty(), config.validate().toString());
    }

    @Test
    void everyParameterHasAComment() {
        List<String> bare = new ArrayList<>();
        int values = 0;
        for (String line : profileText().split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            String value = colon < 0 ? "" : trimmed.substring(colon + 1).trim();
            if (value.isEmpty()) {
                continue;                                           // a section heading
            }
            values++;
            int hash = value.indexOf('#');
            if (hash < 0 || value.substring(hash + 1).trim().length() < 20) {
                bare.add(trimmed);
            }
        }
        assertTrue(values >= 20, "the profile sets " + values + " values; expected the hardware and every CPU cost");
        assertTrue(bare.isEmpty(), "parameters without a comment saying what they stand for: " + bare);
    }

    @Test
    void unknownKeyIsRefused() {
        String text = profileText().replace("  cores: 2", "  cores: 2\n  coars: 4");
        Exception e = assertThrows(RuntimeException.class, () -> ZkCalibration.parse(text, "test.yaml"));
        assertTrue(e.getMessage().contains("coars"), e.getMessage());
    }

    @Test
    void missingKeyIsRefused() {
        String text = profileText().replaceAll("(?m)^  fsync:.*$", "");
        Exception e = assertThrows(RuntimeException.class, () -> ZkCalibration.parse(text, "test.yaml"));
        assertTrue(e.getMessage().contains("fsync"), e.getMessage());
    }

    @Test
    void valueWithoutUnitNamesTheProfile() {
        String text = profileText().replaceAll("(?m)^  read: [0-9]+us", "  read: 44");
        Exception e = assertThrows(IllegalArgumentException.class, () -> ZkCalibration.parse(text, "test.yaml"));
        assertTrue(e.getMessage().contains("test.yaml") && e.getMessage().contains("no unit"), e.getMessage());
    }
}
