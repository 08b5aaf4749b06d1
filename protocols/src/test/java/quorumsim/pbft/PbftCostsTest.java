package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reading a cost profile and a scenario's {@code hardware.costs:} overrides: a name that is not
 * a cost is refused with the known ones, a profile lacking one is refused, a negative cost is
 * one problem line.
 */
class PbftCostsTest {
    @Test
    void aProfileWithAKeyPbftDoesNotKnowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PbftCosts.profile("test-unknown-key"));
        assertEquals("/quorumsim/pbft/costs/test-unknown-key.properties: unknown key 'sha1Nanos'; known: " + PbftCosts.KEYS,
                e.getMessage());
    }

    @Test
    void aProfileLackingACostIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PbftCosts.profile("test-missing-key"));
        assertEquals("/quorumsim/pbft/costs/test-missing-key.properties: missing key 'macNanos'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PbftCosts.profile("no-such-profile"));
    }

    @Test
    void overridesReplaceTheNamedCostsAndRoundWholeNanoseconds() {
        PbftCosts c = PbftCosts.free().withOverrides(Map.of("macNanos", 2.6, "receivePerByteNanos", 0.5));
        assertEquals(new PbftCosts(0, 0.5, 0, 0, 3, 0, 0, 0, 0), c);
        assertEquals(new PbftCosts(1, 0, 0, 0, 0, 0, 0, 0, 0.25),
                PbftCosts.free().withOverrides(Map.of("receivePerMessageNanos", 1.0, "digestPerByteNanos", 0.25)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PbftCosts.free().withOverrides(Map.of("sha1Nanos", 1.0)));
        assertEquals("unknown PBFT cost 'sha1Nanos'; known: " + PbftCosts.KEYS, e.getMessage());
    }

    @Test
    void everyNegativeCostIsOneProblem() {
        assertEquals(List.of(), PbftCosts.free().validate());
        for (String key : PbftCosts.KEYS) {
            assertEquals(List.of("pbft costs must not be negative"), PbftCosts.free().withOverrides(Map.of(key, -1.0)).validate(), key);
        }
    }
}
