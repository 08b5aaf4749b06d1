package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void aCapitalBIsAByteAndASmallBABit() {
        assertEquals(8_000_000_000L, Units.bandwidthBitsPerSec("1GBps"));
        assertEquals(1_000_000_000L, Units.bandwidthBitsPerSec("1Gbps"));
        assertEquals(1_000_000_000L, Units.bandwidthBitsPerSec("125MBps"));
        assertEquals(8_000, Units.bandwidthBitsPerSec("1KBps"));
        assertEquals(1_000, Units.bandwidthBitsPerSec("1Kbps"));
        assertEquals(2048, Units.sizeBytes("2kB"));
        assertEquals(1L << 30, Units.sizeBytes("1GB"));
    }

    @Test
    void spellingsThatCouldBeReadEitherWayAreRefusedWithWhatIsAllowed() {
        for (String ambiguous : new String[] {"1GBPS", "1gbps", "100mbps", "1MbPS"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.bandwidthBitsPerSec(ambiguous), ambiguous);
            assertTrue(e.getMessage().contains("case matters") && e.getMessage().contains("GBps") && e.getMessage().contains("Gbps"),
                    e.getMessage());
            assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        }
        for (String bits : new String[] {"1Kb", "1kb", "1b", "2Mb"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes(bits), bits);
            assertTrue(e.getMessage().contains("KB") && e.getMessage().contains("bytes"), e.getMessage());
        }
        for (String shouting : new String[] {"5MS", "1S", "2Ms"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.durationNanos(shouting), shouting);
            assertTrue(e.getMessage().contains("ms"), e.getMessage());
        }
    }

    @Test
    void formatting() {
        assertEquals("1.5s", Units.formatDuration(1_500_000_000L));
        assertEquals("200ms", Units.formatDuration(200_000_000L));
        assertEquals("500us", Units.formatDuration(500_000));
    }
}
