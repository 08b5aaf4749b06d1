package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.disk.DiskConfig;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.NetworkConfig;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

class CrashRecoverPauseTest {
    static final CpuCostModel COSTS = new CpuCostModel.Linear(100_000, 0, 0, 0, 0, 0, 0);

    /**
     * Node 0 counts its starts in stable storage, sets timers at 0.5 ms and 2 ms, writes to a
     * 1 ms disk and echoes every message to node 1. Node 1 sends it five messages at once at
     * time 0 and one more at 0.6 ms and 1.5 ms.
     */
    private static Probes crashable(List<TraceEvent> trace) {
        Probes probes = Probes.of(NetworkConfig.ideal(0), COSTS);
        probes.add(NodeSpec.simple().toBuilder().disk(new DiskConfig(1_000_000, 0, 100)).build(), (id, p) -> {
            p.onStart = ctx -> {
                ctx.store().put("starts", ctx.store().getOrDefault("starts", 0) + 1);
                ctx.setTimer(500_000, "at 0.5 ms");
                ctx.setTimer(2_000_000, "at 2 ms");
            };
            p.onMessage = (ctx, from, m) -> {
                ctx.persist(10, m);
                ctx.send(from, m);
            };
        });
        probes.add((id, p) -> {
            p.onStart = ctx -> {
                for (int i = 0; i < 5; i++) {
                    ctx.send(0, Msg.of(i));
                }
                ctx.setTimer(600_000, 5);
                ctx.setTimer(1_500_000, 6);
            };
            p.onTimer = (ctx, n) -> ctx.send(0, Msg.of((Integer) n));
        });
        if (trace != null) {
            probes.sim.addTraceListener(trace::add);
        }
        return probes;
    }

    @Test
    void aCrashLosesVolatileStateQueuedWorkAndTimersAndRecoveryStartsAFreshActorOnTheSameStore() {
        List<TraceEvent> trace = new ArrayList<>();
        Probes probes = crashable(trace);
        probes.sim.scheduleFault(250_000, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(1_000_000, new Fault.Recover(Target.of(0)));
        probes.sim.runToCompletion();

        Probe before = probes.incarnations.get(0).get(0);
        Probe after = probes.probe(0);
        assertEquals(2, probes.incarnations.get(0).size(), "the factory made a second actor on recovery");
        assertEquals(List.of(0, 1, 2), before.messageContents().stream().map(m -> ((Msg) m).n()).toList(),
                "messages 3 and 4 were queued behind the CPU at the crash");
        assertTrue(before.timers.isEmpty(), "the 0.5 ms timer died with the node");
        assertTrue(before.persisted.isEmpty(), "no write reached the disk before the crash");
        // echoes: 0 and 1 finished before the crash; 2 was on the CPU when it crashed
        assertEquals(List.of(0, 1, 6), probes.probe(1).messageContents().stream().map(m -> ((Msg) m).n()).toList());

        assertEquals(1, after.starts);
        assertEquals(2, (Integer) probes.sim.node(0).store.get("starts"), "stable storage survived");
        assertEquals(List.of(6), after.messageContents().stream().map(m -> ((Msg) m).n()).toList(),
                "message 5 arrived while the node was down");
        assertEquals(List.of(1_500_000L + 1_000_000L + 100_000L), after.persisted.stream().map(Probe.Seen::trueNanos).toList());
        assertEquals(List.of(1_500_000L, 3_000_000L), after.timerTimes(), "only the new incarnation's timers fire");
        assertTrue(trace.stream().anyMatch(e -> e.kind() == TraceKind.DROP && "crashed".equals(e.detail())));
        assertFalse(probes.sim.isCrashed(0));
    }

    @Test
    void recoverAllRestartsOnlyTheCrashedServers() {
        Probes probes = Probes.ideal(0);
        for (int i = 0; i < 4; i++) {
            probes.addIdle();
        }
        probes.sim.setServerCount(3);
        probes.sim.scheduleFault(10, new Fault.Crash(Target.of(1, 2)));
        probes.sim.scheduleFault(20, new Fault.Recover(new Target.All()));
        probes.sim.runToCompletion();
        assertEquals(List.of(1, 2, 2, 1), probes.incarnations.stream().map(List::size).toList());
        assertEquals("[1, 2]", java.util.Arrays.toString(probes.sim.faultLog().get(1).nodes()));
    }

    @Test
    void aPausedNodeQueuesItsWorkAndCatchesUpInOrderAfterResuming() {
        Probes probes = crashable(null);
        probes.sim.scheduleFault(50_000, new Fault.Pause(Target.of(0)));
        probes.sim.scheduleFault(3_000_000, new Fault.Resume(Target.of(0)));
        probes.sim.runToCompletion();
        Probe p = probes.probe(0);
        assertEquals(1, probes.incarnations.get(0).size());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), p.messageContents().stream().map(m -> ((Msg) m).n()).toList());
        // message 0 was half done at the pause and finishes its last 50 us after the resume;
        // then the queue runs in arrival order: messages 1-4 (100 us each), the 0.5 ms timer
        // (free), messages 5 and 6, the 2 ms timer
        assertEquals(List.of(0L, 3_050_000L, 3_150_000L, 3_250_000L, 3_350_000L, 3_450_000L, 3_450_000L, 3_550_000L, 3_650_000L),
                mergedStarts(p));
        assertEquals(4_050_000L, p.persisted.get(0).trueNanos(), "message 0's write left with its echo at 3.05 ms");
        assertEquals(3_050_000L, probes.probe(1).messages.get(0).trueNanos(), "nothing leaves a paused node");
    }

    @Test
    void aPauseShorterThanAJobDelaysItsCompletionByThePause() {
        Probes probes = Probes.of(NetworkConfig.ideal(0), COSTS);
        int sink = probes.addIdle();
        int worker = probes.add((id, p) -> p.onMessage = (ctx, from, m) -> ctx.send(sink, m));
        probes.add((id, p) -> p.onStart = ctx -> ctx.send(worker, Msg.of(1)));
        probes.sim.scheduleFault(20_000, new Fault.Pause(Target.of(worker)));
        probes.sim.scheduleFault(30_000, new Fault.Pause(Target.of(worker)));
        probes.sim.scheduleFault(50_000, new Fault.Resume(Target.of(worker)));
        probes.sim.runToCompletion();
        assertEquals(List.of(130_000L), probes.probe(sink).messageTimes());
    }

    private static List<Long> mergedStarts(Probe p) {
        List<Long> all = new ArrayList<>(p.messageTimes());
        all.addAll(p.timerTimes());
        all.sort(null);
        return all;
    }

    @Test
    void crashingACrashedNodeOrRecoveringARunningOneChangesNothing() {
        Probes probes = Probes.ideal(0);
        probes.addIdle();
        probes.sim.scheduleFault(10, new Fault.Recover(Target.of(0)));
        probes.sim.scheduleFault(20, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(30, new Fault.Crash(Target.of(0)));
        probes.sim.runToCompletion();
        assertEquals(1, probes.incarnations.get(0).size());
        assertTrue(probes.sim.isCrashed(0));
    }

    @Test
    void roleTargetsResolveWhenTheFaultFires() {
        Probes probes = Probes.ideal(0);
        for (int i = 0; i < 3; i++) {
            probes.addIdle();
        }
        int[] leader = {0};
        probes.sim.setRoleResolver(role -> new int[] {leader[0]});
        probes.sim.at(5, () -> leader[0] = 2);
        probes.sim.scheduleFault(10, new Fault.Crash(new Target.Role("leader")));
        probes.sim.runToCompletion();
        assertTrue(probes.sim.isCrashed(2));
        assertFalse(probes.sim.isCrashed(0));
    }

    @Test
    void byzantineBehavioursReachTheActorAndSurviveARecovery() {
        List<String> switched = new ArrayList<>();
        Probes probes = Probes.ideal(0);
        probes.sim.addNode("byz", NodeSpec.simple(), (id, store) -> new Probe() {
            @Override
            public void onBehaviour(Context ctx, String behaviour, boolean enabled) {
                switched.add(behaviour + (enabled ? " on" : " off") + " @" + ctx.trueTimeNanos());
            }
        });
        probes.sim.scheduleFault(10, new Fault.Byzantine(Target.of(0), "silent", true));
        probes.sim.scheduleFault(20, new Fault.Crash(Target.of(0)));
        probes.sim.scheduleFault(30, new Fault.Recover(Target.of(0)));
        probes.sim.scheduleFault(40, new Fault.Byzantine(Target.of(0), "silent", false));
        probes.sim.runToCompletion();
        assertEquals(List.of("silent on @10", "silent on @30", "silent off @40"), switched);
    }
}
