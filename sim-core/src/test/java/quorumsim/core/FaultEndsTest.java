package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;

/**
 * A fault's {@code until}: a role is resolved once, when the fault starts, and the end undoes
 * exactly that fault on exactly those nodes, leaving every other fault in force.
 */
class FaultEndsTest {
    private static final Target LEADER = new Target.Role("leader");

    /** Three idle servers whose "leader" is node 0 until 1.5 ms, then node 2. */
    private static Probes threeWithLeaderChangeAt1500us() {
        Probes probes = Probes.ideal(0);
        for (int i = 0; i < 3; i++) {
            probes.addIdle();
        }
        int[] leader = {0};
        probes.sim.setRoleResolver(role -> new int[] {leader[0]});
        probes.sim.at(1_500_000, () -> leader[0] = 2);
        return probes;
    }

    /** Records {@code check} of every node at each of {@code times}. */
    private static List<String> sample(Probes probes, java.util.function.IntPredicate check, long... times) {
        List<String> seen = new ArrayList<>();
        for (long t : times) {
            probes.sim.at(t, () -> {
                StringBuilder line = new StringBuilder(t / 1000 + "us:");
                for (int id = 0; id < probes.sim.nodeCount(); id++) {
                    if (check.test(id)) {
                        line.append(' ').append(id);
                    }
                }
                seen.add(line.toString());
            });
        }
        return seen;
    }

    @Test
    void pausingTheLeaderUntilATimeResumesTheNodeThatLedAtThePausesStart() {
        Probes probes = threeWithLeaderChangeAt1500us();
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.Pause(LEADER));
        List<String> paused = sample(probes, id -> probes.sim.node(id).paused, 1_800_000, 2_100_000);
        probes.sim.runToCompletion();
        assertEquals(List.of("1800us: 0", "2100us:"), paused);
        assertEquals("pause leader ends", probes.sim.faultLog().get(1).label());
        assertEquals("[0]", Arrays.toString(probes.sim.faultLog().get(1).nodes()));
    }

    @Test
    void crashingTheLeaderUntilATimeRecoversThatNodeOnlyNotEveryCrashedOne() {
        Probes probes = threeWithLeaderChangeAt1500us();
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.Crash(LEADER));
        probes.sim.scheduleFault(1_200_000, new Fault.Crash(Target.of(1)));
        probes.sim.runToCompletion();
        assertFalse(probes.sim.isCrashed(0), "the leader at 1 ms recovers at 2 ms");
        assertTrue(probes.sim.isCrashed(1), "a crash without until stays");
        assertFalse(probes.sim.isCrashed(2), "the leader at 2 ms was never crashed");
        assertEquals(List.of(2, 1, 1), probes.incarnations.stream().map(List::size).toList());
    }

    @Test
    void aNodeStaysDownWhileAnyCrashWindowHoldsIt() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        probes.sim.scheduleFault(1_000_000, 5_000_000, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(2_000_000, 3_000_000, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(4_000_000, 6_000_000, new Fault.Crash(Target.of(0)));
        List<String> down = sample(probes, probes.sim::isCrashed, 3_500_000, 5_500_000, 6_500_000);
        probes.sim.runToCompletion();
        assertEquals(List.of("3500us: 0", "5500us: 0", "6500us:"), down);
        assertEquals(2, probes.incarnations.get(0).size(), "one crash, one recovery");
    }

    @Test
    void anExplicitRecoverEndsEveryCrashOnTheNodeAndTheirEndsChangeNothing() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        probes.sim.scheduleFault(1_000_000, 5_000_000, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(2_000_000, new Fault.Recover(Target.of(0)));
        probes.sim.scheduleFault(3_000_000, new Fault.Crash(Target.of(0)));
        probes.sim.runToCompletion();
        assertTrue(probes.sim.isCrashed(0), "the crash at 3 ms has no end; the window's end at 5 ms is not its recover");
    }

    @Test
    void aByzantineBehaviourOfTheLeaderIsSwitchedOffOnTheNodeItWasSwitchedOnFor() {
        List<String> switched = new ArrayList<>();
        Probes probes = Probes.ideal(0);
        for (int i = 0; i < 3; i++) {
            probes.sim.addNode("byz" + i, NodeSpec.simple(), (id, store) -> new Probe() {
                @Override
                public void onBehaviour(Context ctx, String behaviour, boolean enabled) {
                    switched.add(id + " " + behaviour + (enabled ? " on" : " off") + " @" + ctx.trueTimeNanos());
                }
            });
        }
        int[] leader = {0};
        probes.sim.setRoleResolver(role -> new int[] {leader[0]});
        probes.sim.at(1_500_000, () -> leader[0] = 2);
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.Byzantine(LEADER, "silent", true));
        probes.sim.scheduleFault(1_200_000, 3_000_000, new Fault.Byzantine(Target.of(0), "silent", true));
        probes.sim.runToCompletion();
        assertEquals(List.of("0 silent on @1000000", "0 silent on @1200000", "0 silent off @3000000"), switched,
                "node 0 stays silent while the second entry holds it; node 2 is never touched");
    }

    @Test
    void aClockDriftUntilATimeRestoresTheDriftBeforeIt() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        probes.sim.scheduleFault(1_000_000, 3_000_000, new Fault.ClockDrift(Target.of(0), 100_000));
        probes.sim.scheduleFault(2_000_000, 2_500_000, new Fault.ClockDrift(Target.of(0), 500_000));
        List<Long> local = new ArrayList<>();
        for (long t : new long[] {2_000_000, 2_500_000, 3_000_000, 4_000_000}) {
            probes.sim.at(t, () -> local.add(probes.sim.node(0).clock.localAt(t)));
        }
        probes.sim.runToCompletion();
        // +10% for 1 ms, +50% for 0.5 ms, +10% again for 0.5 ms, then its own rate
        assertEquals(List.of(2_100_000L, 2_850_000L, 3_400_000L, 4_400_000L), local);
    }

    @Test
    void aClockJumpUntilATimeJumpsBackAtItsEnd() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        probes.sim.scheduleFault(1_000_000, 2_000_000, new Fault.ClockJump(Target.of(0), 7_000_000));
        List<Long> local = new ArrayList<>();
        for (long t : new long[] {1_500_000, 2_500_000}) {
            probes.sim.at(t, () -> local.add(probes.sim.node(0).clock.localAt(t)));
        }
        probes.sim.runToCompletion();
        assertEquals(List.of(8_500_000L, 2_500_000L), local);
    }

    @Test
    void faultsThatAreThemselvesEndsHaveNoUntil() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        assertThrows(IllegalArgumentException.class, () -> probes.sim.scheduleFault(1, 2, new Fault.Recover(Target.of(0))));
        assertThrows(IllegalArgumentException.class, () -> probes.sim.scheduleFault(1, 2, new Fault.Heal()));
        assertThrows(IllegalArgumentException.class, () -> probes.sim.scheduleFault(1, 2, new Fault.Byzantine(Target.of(0), "x", false)));
        assertThrows(IllegalArgumentException.class, () -> probes.sim.scheduleFault(3, 2, new Fault.Crash(Target.of(0))));
    }
}
