package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * No accepted knob is ignored: each field of {@code hardware:}, {@code workload:} and
 * {@code network:}, set away from its default, changes the run's digest for every protocol that
 * accepts it, and a protocol that has no use for a field refuses it by name.
 */
class KnobsTest {
    /** A short run of each built-in, the base every knob is compared with (past the fault for the two with one). */
    private static final List<String> SHORT = List.of("duration=300ms", "warmup=0s");

    /** {protocol's built-in, field=value}: the field must change the run. */
    private static final String[][] CHANGES = {
        {"pbft-normal", "hardware.cores=4"},
        {"pbft-silent-primary", "hardware.clockDriftPpm=50000"},
        {"pbft-normal", "hardware.clientBandwidth=1Mbps"},
        {"pbft-normal", "hardware.profile=osdi99"},
        {"pbft-normal", "hardware.costs.receivePerMessageNanos=9000"},
        {"pbft-normal", "hardware.costs.receivePerByteNanos=3"},
        {"pbft-normal", "hardware.costs.sendPerMessageNanos=9000"},
        {"pbft-normal", "hardware.costs.sendPerByteNanos=3"},
        {"pbft-normal", "hardware.costs.macNanos=9000"},
        {"pbft-normal", "hardware.costs.executeNanos=90000"},
        {"pbft-normal", "workload.replySize=4KB"},
        {"unreplicated-baseline", "hardware.cores=4"},
        {"unreplicated-baseline", "hardware.clientBandwidth=1Mbps"},
        {"unreplicated-baseline", "hardware.profile=osdi99"},
        {"unreplicated-baseline", "hardware.costs.executeNanos=90000"},
        {"unreplicated-baseline", "workload.replySize=4KB"},
        {"zk-leader-crash", "hardware.clockDriftPpm=50000"},
        {"zk-saturation", "hardware.clientBandwidth=1Mbps"},
        {"zk-saturation", "hardware.cores=1"},
        {"pbft-normal", "network.mtu=576B"},
        {"pbft-normal", "network.ipHeader=40B"},
        {"pbft-normal", "network.linkHeader=0B"},
        {"zk-saturation", "network.mtu=0B"},
        {"pbft-normal", "network.multicast=false"},
    };

    private static String digest(String builtIn, String... more) {
        List<String> overrides = new ArrayList<>(builtIn.equals("pbft-silent-primary") ? List.of("duration=1500ms", "warmup=0s")
                : builtIn.equals("zk-leader-crash") ? List.of("duration=3s", "warmup=0s") : SHORT);
        overrides.addAll(List.of(more));
        ScenarioSpec spec = ScenarioLoader.load(builtIn, overrides);
        return ScenarioRunner.run(spec, RunOptions.plain()).summary().traceDigest();
    }

    @Test
    void everyFieldSetChangesTheRun() {
        TreeSet<String> ignored = new TreeSet<>();
        for (String[] change : CHANGES) {
            if (digest(change[0]).equals(digest(change[0], change[1]))) {
                ignored.add(change[0] + ": " + change[1]);
            }
        }
        assertTrue(ignored.isEmpty(), "accepted but without effect: " + ignored);
    }

    @Test
    void aFieldSetToItsDefaultLeavesTheRunAlone() {
        assertEquals(digest("pbft-normal"), digest("pbft-normal", "hardware.profile=modern-server", "hardware.costs.macNanos=300"));
        assertEquals(digest("unreplicated-baseline"), digest("unreplicated-baseline", "workload.replySize=128B"));
    }

    @Test
    void theProfileSetsEveryCostAndAnOverrideOnlyItsOwn() {
        String osdi = digest("pbft-normal", "hardware.profile=osdi99");
        assertNotEquals(osdi, digest("pbft-normal", "hardware.profile=osdi99", "hardware.costs.macNanos=1"));
        assertEquals(osdi, digest("pbft-normal", "hardware.profile=osdi99", "hardware.costs.macNanos=3500"));
    }

    private static String refusal(String builtIn, String field) {
        try {
            ScenarioLoader.load(builtIn, List.of(field));
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        throw new AssertionError(builtIn + " accepted " + field);
    }

    @Test
    void fieldsAProtocolHasNoUseForAreRefusedByName() {
        String disk = refusal("pbft-normal", "hardware.fsync=2ms");
        assertTrue(disk.contains("hardware.fsync") && disk.contains("does not apply to protocol pbft"), disk);
        String profile = refusal("zk-saturation", "hardware.profile=osdi99");
        assertTrue(profile.contains("hardware.profile") && profile.contains("does not apply to protocol zab"), profile);
        String reply = refusal("zk-saturation", "workload.replySize=1KB");
        assertTrue(reply.contains("workload.replySize"), reply);
        String cost = refusal("pbft-normal", "hardware.costs.macNanoz=1");
        assertTrue(cost.contains("did you mean 'macNanos'"), cost);
        String name = refusal("unreplicated-baseline", "hardware.profile=osdi");
        assertTrue(name.contains("osdi99"), name);
        String mtu = refusal("pbft-normal", "network.mtu=20B");
        assertTrue(mtu.contains("network.mtu") && mtu.contains("the MTU must exceed the headers"), mtu);
    }
}
