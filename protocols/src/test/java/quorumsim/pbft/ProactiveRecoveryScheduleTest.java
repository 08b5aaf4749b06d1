package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * BFT-PR's schedule (TOCS'02 section 4): replica i reboots at stagger * (i + 1) + k * period,
 * so a compromise at time t lasts to that replica's first reboot after t; and the knobs a
 * scenario may set.
 */
class ProactiveRecoveryScheduleTest {
    private static final ProactiveRecovery EVERY_10S = new ProactiveRecovery(10_000, 1_000, 200);

    @Test
    void beforeItsFirstRebootACompromiseLastsToIt() {
        assertEquals(1_000, EVERY_10S.nextRebootNanos(0, 0));
        assertEquals(1_000, EVERY_10S.nextRebootNanos(0, 999));
        assertEquals(3_000, EVERY_10S.nextRebootNanos(2, 2_999));
    }

    @Test
    void afterItTheNextRebootIsAWholePeriodLater() {
        // replica 2's reboots: 3,000, 13,000, 23,000, ...
        assertEquals(13_000, EVERY_10S.nextRebootNanos(2, 3_000));
        assertEquals(13_000, EVERY_10S.nextRebootNanos(2, 12_999));
        assertEquals(23_000, EVERY_10S.nextRebootNanos(2, 13_000));
        assertEquals(33_000, EVERY_10S.nextRebootNanos(2, 25_500));
    }

    @Test
    void theKnobsASchedulerAccepts() {
        assertEquals(List.of(), new ProactiveRecovery(2, 0, 1).validate());
        assertEquals(List.of("proactiveRecovery.period must be positive",
                "proactiveRecovery.reboot must be positive and shorter than the period"), new ProactiveRecovery(0, 0, 1).validate());
        assertEquals(List.of("proactiveRecovery.stagger must not be negative"), new ProactiveRecovery(10, -1, 1).validate());
        assertEquals(List.of("proactiveRecovery.reboot must be positive and shorter than the period"),
                new ProactiveRecovery(10, 0, 0).validate());
        assertEquals(List.of("proactiveRecovery.reboot must be positive and shorter than the period"),
                new ProactiveRecovery(10, 0, 10).validate());
        assertEquals(List.of(), new ProactiveRecovery(10, 0, 9).validate());
    }
}
