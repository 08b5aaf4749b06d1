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
}
