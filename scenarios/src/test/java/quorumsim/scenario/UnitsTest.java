package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void durations() {
        assertEquals(500_000, Units.durationNanos("500us"));
        assertEquals(2_000_000, Units.durationNanos("2ms"));
        assertEquals(1_500_000_000L, Units.durationNanos("1.5s"));
        assertEquals(120_000_000_000L, Units.durationNanos("2m"));
        assertEquals(0, Units.durationNanos("0"));
        assertThrows(IllegalArgumentException.class, () -> Units.durationNanos("5"));
        assertThrows(IllegalArgumentException.class, () -> Units.durationNanos("5 parsecs"));
    }

    @Test
    void bandwidthsAndSizes() {
        assertEquals(1_000_000_000L, Units.bandwidthBitsPerSec("1Gbps"));
        assertEquals(100_000_000L, Units.bandwidthBitsPerSec("100Mbps"));
        assertEquals(1024, Units.sizeBytes("1KB"));
        assertEquals(256, Units.sizeBytes("256B"));
        assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes("12"));
    }

    @Test
    void formatting() {
        assertEquals("1.5s", Units.formatDuration(1_500_000_000L));
        assertEquals("200ms", Units.formatDuration(200_000_000L));
        assertEquals("500us", Units.formatDuration(500_000));
    }
}
