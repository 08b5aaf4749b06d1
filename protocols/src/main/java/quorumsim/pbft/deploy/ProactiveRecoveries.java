package quorumsim.pbft.deploy;

import java.util.Set;
import java.util.function.IntFunction;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.pbft.PbftConfig;
import quorumsim.pbft.ProactiveRecovery;

/**
 * Drives {@link ProactiveRecovery} with the fault timeline's own steps, so a reboot shows in the
 * fault log and on the charts like any fault: at each of a replica's reboots its Byzantine
 * behaviours are switched off (correct code again, fresh keys: the intruder is out), its process
 * crashes (volatile state lost), and after the reboot time it restarts from its stable storage and
 * catches up from its peers. A replica already down (a crash on the timeline) skips that reboot.
 */
final class ProactiveRecoveries {
    private ProactiveRecoveries() {
    }

    static void schedule(Simulation sim, PbftConfig config, IntFunction<Set<String>> behaviours) {
        ProactiveRecovery schedule = config.proactiveRecovery();
        for (int i = 0; i < config.n(); i++) {
            int replica = i;
            sim.at(schedule.staggerNanos() * (replica + 1L), () -> reboot(sim, schedule, replica, behaviours));
        }
    }

    private static void reboot(Simulation sim, ProactiveRecovery schedule, int replica, IntFunction<Set<String>> behaviours) {
        sim.at(sim.now() + schedule.periodNanos(), () -> reboot(sim, schedule, replica, behaviours));
        if (sim.isCrashed(replica)) {
            return;
        }
        sim.metrics().mark(sim.now(), "proactive recovery r" + replica);
        for (String behaviour : behaviours.apply(replica)) {
            sim.apply(new Fault.Byzantine(Target.of(replica), behaviour, false));
        }
        sim.apply(new Fault.Crash(Target.of(replica)));
        sim.at(sim.now() + schedule.rebootNanos(), () -> sim.apply(new Fault.Recover(Target.of(replica))));
    }
}
