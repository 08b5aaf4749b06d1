package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    static final class Marker extends Event {
        final int label;

        Marker(long time, int label) {
            this.time = time;
            this.label = label;
        }

        @Override
        void fire(Simulation sim) {
        }

        @Override
        int kindCode() {
            return 0;
        }
    }

    @Test
    void eventsComeOutByTimeThenByInsertion() {
        EventQueue queue = new EventQueue();
        queue.add(new Marker(30, 0));
        queue.add(new Marker(10, 1));
        queue.add(new Marker(20, 2));
        queue.add(new Marker(10, 3));
        queue.add(new Marker(20, 4));
        queue.add(new Marker(10, 5));
        List<Integer> order = new ArrayList<>();
        while (!queue.isEmpty()) {
            order.add(((Marker) queue.poll()).label);
        }
        assertEquals(List.of(1, 3, 5, 2, 4, 0), order);
        assertNull(queue.poll());
    }

    /** Many ties, runs of same-time events interleaved with others, adds while polling. */
    @Test
    void interleavedAddsAndPollsMatchAReferenceOrderOverManySeeds() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            EventQueue queue = new EventQueue();
            PriorityQueue<Marker> reference = new PriorityQueue<>(
                    Comparator.<Marker>comparingLong(m -> m.time).thenComparingInt(m -> m.label));
            int label = 0;
            long now = 0;
            for (int step = 0; step < 5_000; step++) {
                int adds = random.nextInt(4);
                for (int i = 0; i < adds; i++) {
                    // few distinct times, so ties are common, and bursts at one time
                    long time = now + (random.nextBoolean() ? 0 : random.nextInt(5));
                    int burst = random.nextInt(8) == 0 ? 20 : 1;
                    for (int b = 0; b < burst; b++) {
                        Marker m = new Marker(time, label++);
                        queue.add(m);
                        reference.add(m);
                    }
                }
                if (random.nextInt(3) > 0 && !reference.isEmpty()) {
                    Marker expected = reference.poll();
                    Marker actual = (Marker) queue.poll();
                    long atSeed = seed;
                    int atStep = step;
                    assertEquals(expected.label, actual.label, () -> "seed " + atSeed + " step " + atStep);
                    assertTrue(actual.time >= now);
                    now = actual.time;
                }
                assertEquals(reference.size(), queue.size());
            }
            while (!reference.isEmpty()) {
                assertEquals(reference.poll().label, ((Marker) queue.poll()).label);
            }
            assertTrue(queue.isEmpty());
        }
    }

    /**
     * Times spread over many bucket widths, far outliers (a timer hours ahead), bursts at one
     * instant and re-added events: whatever the tiers hold, the order is (time, insertion).
     */
    @Test
    void spreadTimesOutliersAndBurstsMatchAReferenceOrder() {
        for (long seed = 0; seed < 10; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            EventQueue queue = new EventQueue();
            PriorityQueue<Marker> reference = new PriorityQueue<>(
                    Comparator.<Marker>comparingLong(m -> m.time).thenComparingInt(m -> m.label));
            int label = 0;
            long now = 0;
            int pending = 2_000 + random.nextInt(20_000);
            for (int step = 0; step < 60_000; step++) {
                while (reference.size() < pending) {
                    long delay = switch (random.nextInt(10)) {
                        case 0 -> 0;                                               // now
                        case 1 -> 3_600_000_000_000L + random.nextLong(1_000_000); // an hour ahead
                        case 2 -> (long) Math.exp(random.nextDouble() * 30);       // heavy tail
                        default -> 250_000_000 + random.nextLong(100_000_000);     // a message
                    };
                    int burst = random.nextInt(50) == 0 ? 5_000 : 1;               // one instant
                    for (int b = 0; b < burst; b++) {
                        Marker m = new Marker(now + delay, label++);
                        queue.add(m);
                        reference.add(m);
                    }
                }
                Marker expected = reference.poll();
                Marker actual = (Marker) queue.poll();
                long atSeed = seed;
                int atStep = step;
                assertEquals(expected.label, actual.label, () -> "seed " + atSeed + " step " + atStep);
                now = actual.time;
                if (random.nextInt(1_000) == 0) {
                    pending = 10 + random.nextInt(50_000);                         // the queue shrinks or grows
                }
                assertEquals(reference.size(), queue.size());
            }
            int[] visited = new int[1];
            queue.forEach(e -> visited[0]++);
            assertEquals(reference.size(), visited[0], "forEach visits every queued event");
            while (!reference.isEmpty()) {
                assertEquals(reference.poll().label, ((Marker) queue.poll()).label);
            }
            assertTrue(queue.isEmpty());
        }
    }
}
