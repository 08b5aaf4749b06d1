package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.NetworkConfig;

class TimerTest {
    record Named(String name) {
    }

    @Test
    void timersFireAfterTheirDelayAndSameTimeTimersInTheOrderTheyWereSet() {
        Probes probes = Probes.ideal(1_000);
        int node = probes.add((id, p) -> p.onStart = ctx -> {
            ctx.setTimer(3_000, new Named("c"));
            ctx.setTimer(1_000, new Named("a"));
            ctx.setTimer(3_000, new Named("d"));
            ctx.setTimer(2_000, new Named("b"));
        });
        probes.sim.runToCompletion();
        Probe p = probes.probe(node);
        assertEquals(List.of(new Named("a"), new Named("b"), new Named("c"), new Named("d")),
                p.timers.stream().map(Probe.Seen::what).toList());
        assertEquals(List.of(1_000L, 2_000L, 3_000L, 3_000L), p.timerTimes());
    }

    @Test
    void aCancelledTimerNeverFiresAndCancellingAFiredOneIsHarmless() {
        Probes probes = Probes.ideal(1_000);
        List<TimerId> ids = new ArrayList<>();
        int node = probes.add((id, p) -> {
            p.onStart = ctx -> {
                ids.add(ctx.setTimer(1_000, new Named("kept")));
                ids.add(ctx.setTimer(2_000, new Named("cancelled later")));
                TimerId now = ctx.setTimer(500, new Named("cancelled at once"));
                ctx.cancelTimer(now);
                ctx.cancelTimer(null);
            };
            p.onTimer = (ctx, timer) -> {
                ctx.cancelTimer(ids.get(1));
                ctx.cancelTimer(ids.get(0)); // already fired: nothing happens
            };
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(new Named("kept")), probes.probe(node).timers.stream().map(Probe.Seen::what).toList());
        assertTrue(ids.get(1).isCancelled());
    }

    @Test
    void aTimerCancelledWhileItWaitsForABusyCpuDoesNotRun() {
        Probes probes = Probes.ideal(1_000);
        List<TimerId> ids = new ArrayList<>();
        int node = probes.add((id, p) -> {
            p.onStart = ctx -> {
                ids.add(ctx.setTimer(100, new Named("busy")));
                ids.add(ctx.setTimer(200, new Named("waits, then is cancelled")));
            };
            p.onTimer = (ctx, timer) -> {
                ctx.chargeCpu(1_000); // the second timer fires at 200 and queues behind this work
                ctx.cancelTimer(ids.get(1));
            };
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(new Named("busy")), probes.probe(node).timers.stream().map(Probe.Seen::what).toList());
    }

    @Test
    void aTimerFiresWhenTheNodesOwnDriftingClockHasAdvancedByTheDelay() {
        for (double driftPpm : new double[] {1_000, -500, 333.3, 0.7, -999_000, 2_000_000}) {
            Probes probes = Probes.ideal(1_000);
            List<long[]> setAndFired = new ArrayList<>();
            probes.add(NodeSpec.simple().toBuilder().clockOffsetNanos(123_456).clockDriftPpm(driftPpm).build(), (id, p) -> {
                p.onStart = ctx -> {
                    for (long delay : new long[] {1, 999, 1_000_000, 7_777_777}) {
                        ctx.setTimer(delay, new long[] {ctx.now(), delay});
                    }
                };
                p.onTimer = (ctx, timer) -> setAndFired.add(new long[] {((long[]) timer)[0], ((long[]) timer)[1], ctx.now(), ctx.trueTimeNanos()});
            });
            probes.sim.runToCompletion();
            assertEquals(4, setAndFired.size());
            LocalClock clock = new LocalClock(123_456, driftPpm);
            for (long[] s : setAndFired) {
                long deadline = s[0] + s[1];
                assertTrue(s[2] >= deadline, "drift " + driftPpm + ": fired at local " + s[2] + " before " + deadline);
                assertTrue(clock.localAt(s[3] - 1) < deadline, "drift " + driftPpm + ": fired later than the first instant the clock read " + deadline);
            }
            if (driftPpm == 1_000) {
                assertEquals(999_001, setAndFired.get(2)[3], "1 ms of a clock 1000 ppm fast takes 999.001 us");
            }
        }
    }

    @Test
    void aClockJumpMovesTheLocalClockButNotTheTimersAlreadySet() {
        Probes probes = Probes.ideal(1_000);
        int node = probes.add((id, p) -> p.onStart = ctx -> ctx.setTimer(10_000_000, new Named("t")));
        probes.sim.scheduleFault(5_000_000, new Fault.ClockJump(Target.of(node), 100_000_000));
        probes.sim.runToCompletion();
        Probe.Seen fired = probes.probe(node).timers.get(0);
        assertEquals(10_000_000, fired.trueNanos(), "timers measure elapsed time, like a monotonic clock");
        assertEquals(110_000_000, fired.localNanos());
    }

    @Test
    void aBackwardClockJumpMakesLocalTimeGoBackButTimersStillFire() {
        Probes probes = Probes.ideal(1_000);
        List<Long> locals = new ArrayList<>();
        int node = probes.add((id, p) -> {
            p.onStart = ctx -> ctx.setTimer(1_000_000, new Named("tick"));
            p.onTimer = (ctx, timer) -> {
                locals.add(ctx.now());
                if (locals.size() < 4) {
                    ctx.setTimer(1_000_000, timer);
                }
            };
        });
        probes.sim.scheduleFault(2_500_000, new Fault.ClockJump(Target.of(node), -2_000_000));
        probes.sim.runToCompletion();
        assertEquals(List.of(1_000_000L, 2_000_000L, 1_000_000L, 2_000_000L), locals);
        assertEquals(List.of(1_000_000L, 2_000_000L, 3_000_000L, 4_000_000L), probes.probe(node).timerTimes());
    }

    @Test
    void aDriftChangeWhileATimerIsPendingMakesItFireWhenTheLocalClockSaysSo() {
        Probes probes = Probes.ideal(1_000);
        int node = probes.add((id, p) -> p.onStart = ctx -> {
            ctx.setTimer(10_000_000, new Named("set before the change"));
        });
        // from 5 ms on the clock runs 10% fast: the last 5 ms of local time take 4.545 ms
        probes.sim.scheduleFault(5_000_000, new Fault.ClockDrift(Target.of(node), 100_000));
        probes.sim.runToCompletion();
        Probe.Seen fired = probes.probe(node).timers.get(0);
        assertEquals(9_545_455, fired.trueNanos());
        assertTrue(fired.localNanos() >= 10_000_000 && fired.localNanos() <= 10_000_001, "local " + fired.localNanos());
    }

    @Test
    void aSlowerClockDelaysAPendingTimer() {
        Probes probes = Probes.ideal(1_000);
        int node = probes.add((id, p) -> p.onStart = ctx -> ctx.setTimer(10_000_000, new Named("t")));
        probes.sim.scheduleFault(4_000_000, new Fault.ClockDrift(Target.of(node), -500_000));
        probes.sim.runToCompletion();
        Probe.Seen fired = probes.probe(node).timers.get(0);
        assertEquals(16_000_000, fired.trueNanos(), 1, "6 ms of local time at half speed take 12 ms");
        assertEquals(10_000_000, fired.localNanos(), "the local clock rounds to the nanosecond");
    }

    @Test
    void localTimeIsOffsetPlusDriftingVirtualTime() {
        Probes probes = Probes.of(NetworkConfig.ideal(1_000), CpuCostModel.FREE);
        int node = probes.add(NodeSpec.simple().toBuilder().clockOffsetNanos(-5_000).clockDriftPpm(200).build(), (id, p) ->
                p.onStart = ctx -> ctx.setTimer(1_000_000, new Named("t")));
        probes.sim.runToCompletion();
        Probe.Seen fired = probes.probe(node).timers.get(0);
        assertEquals(995_000, fired.localNanos(), "set at local -5 us, 1 ms later");
        assertEquals(999_800, fired.trueNanos(), "1 ms of a clock 200 ppm fast takes 999.8 us");
    }
}
