package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventOrderTest {
    @Test
    void actionsRunByTimeAndSameTimeActionsInTheOrderTheyWereScheduled() {
        Probes probes = Probes.ideal(1_000);
        probes.addIdle();
        List<String> order = new ArrayList<>();
        Simulation sim = probes.sim;
        sim.at(20, () -> order.add("b@20"));
        sim.at(10, () -> order.add("a@10"));
        sim.at(20, () -> order.add("c@20"));
        sim.at(10, () -> {
            order.add("d@10");
            sim.at(10, () -> order.add("e@10, scheduled during d"));
        });
        sim.runToCompletion();
        assertEquals(List.of("a@10", "d@10", "e@10, scheduled during d", "b@20", "c@20"), order);
    }

    @Test
    void messagesArrivingAtTheSameInstantAreHandledInSendOrder() {
        Probes probes = Probes.ideal(5_000);
        int receiver = probes.addIdle();
        probes.add((id, p) -> p.onStart = ctx -> {
            for (int i = 0; i < 10; i++) {
                ctx.send(receiver, Msg.of(i));
            }
        });
        probes.sim.runToCompletion();
        List<Object> got = probes.probe(receiver).messageContents();
        assertEquals(10, got.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(i, ((Msg) got.get(i)).n());
        }
        assertTrue(probes.probe(receiver).messageTimes().stream().allMatch(t -> t == 5_000));
    }

    @Test
    void runUntilIncludesTheDeadlineStopsTheClockThereAndCountsEvents() {
        Probes probes = Probes.ideal(1_000);
        probes.addIdle();
        List<Long> ran = new ArrayList<>();
        Simulation sim = probes.sim;
        for (long t = 100; t <= 500; t += 100) {
            long at = t;
            sim.at(t, () -> ran.add(at));
        }
        sim.runUntil(300);
        assertEquals(List.of(100L, 200L, 300L), ran);
        assertEquals(300, sim.now());
        long events = sim.events();
        sim.runUntil(1_000);
        assertEquals(List.of(100L, 200L, 300L, 400L, 500L), ran);
        assertEquals(1_000, sim.now(), "the clock ends at the deadline even when the queue ran dry");
        assertEquals(events + 2, sim.events());
    }

    @Test
    void runUntilAPredicateStopsRightAfterTheEventThatMakesItTrue() {
        Probes probes = Probes.ideal(1_000);
        probes.addIdle();
        List<Long> ran = new ArrayList<>();
        for (long t = 1; t <= 10; t++) {
            long at = t;
            probes.sim.at(t, () -> ran.add(at));
        }
        probes.sim.runUntil(() -> ran.size() == 4, 1_000);
        assertEquals(4, ran.size());
        assertEquals(4, probes.sim.now());
        long events = probes.sim.events();
        probes.sim.runUntil(() -> ran.size() >= 4, 1_000);
        assertEquals(events, probes.sim.events(), "a predicate already true processes nothing");
        assertEquals(4, ran.size());
    }

    @Test
    void anActionScheduledInThePastRunsNowNotBackInTime() {
        Probes probes = Probes.ideal(1_000);
        probes.addIdle();
        Simulation sim = probes.sim;
        List<Long> times = new ArrayList<>();
        sim.at(50, () -> sim.at(10, () -> times.add(sim.now())));
        sim.runToCompletion();
        assertEquals(List.of(50L), times);
    }
}
