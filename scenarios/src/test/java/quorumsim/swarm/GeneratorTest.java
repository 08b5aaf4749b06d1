package quorumsim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/** A seed maps to one whole scenario, inside the protocol's assumptions, that the loader accepts as it is. */
class GeneratorTest {
    private static final int SEEDS = 400;

    private static Swarm swarm(String protocol, String size) {
        return new Swarm(SwarmSettings.of(protocol, null, size, null, 1, 1, 1, 1_000_000_000L, 0));
    }

    private static ScenarioSpec bind(String yaml) {
        return ScenarioLoader.bind(new ScenarioLoader.Source("generated", yaml, true, "generated"), List.of());
    }

    @Test
    void aSeedAloneDecidesTheScenario() {
        assertEquals(swarm("pbft", null).scenarioYaml(42), swarm("pbft", null).scenarioYaml(42));
        assertNotEquals(swarm("pbft", null).scenarioYaml(42), swarm("pbft", null).scenarioYaml(43));
        assertEquals(swarm("zab", null).scenarioYaml(42), swarm("zab", null).scenarioYaml(42));
    }

    @Test
    void pbftScenariosStayInsideTheAssumptionsAndHealBeforeTheQuietPhase() {
        Swarm swarm = swarm("pbft", null);
        TreeSet<Integer> sizes = new TreeSet<>();
        TreeSet<String> faultKinds = new TreeSet<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            Doc doc = swarm.scenario(seed);
            ScenarioSpec spec = bind(doc.yaml(List.of()));
            int f = spec.cluster().f();
            sizes.add(f);
            assertTrue(f >= 1 && f <= 4, "f " + f);
            assertTrue(spec.cluster().n() == 0 || spec.cluster().n() > 3 * f + 1, "n is 3f+1 or more");
            assertEquals(0, spec.cluster().quorum(), "the quorum is left to the default");
            assertFalse(spec.unsafe(), "seed " + seed);
            assertFalse(spec.network().fifoLinks(), "seed " + seed + ": PBFT runs over datagrams, no message waits behind another");
            TreeSet<Object> faulty = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
            for (Object entry : doc.list("byzantine")) {
                faulty.add(((Map<?, ?>) entry).get("node"));
            }
            for (Object entry : doc.list("faults")) {
                Map<?, ?> fault = (Map<?, ?>) entry;
                fault.keySet().stream().filter(Timeline.KINDS::contains).forEach(k -> faultKinds.add((String) k));
                if (fault.get("crash") != null || fault.get("pause") != null) {
                    faulty.add(fault.get("crash") != null ? fault.get("crash") : fault.get("pause"));
                }
            }
            assertTrue(faulty.size() <= f, "seed " + seed + ": " + faulty + " faulty with f = " + f);
            assertQuietPhase(seed, doc, spec);
        }
        assertEquals(Set.of(1, 2, 3, 4), sizes);
        assertEquals(new TreeSet<>(Timeline.KINDS), faultKinds);
    }

    @Test
    void zabScenariosHaveCrashFaultsOnlyAndTcpLikeLinks() {
        Swarm swarm = swarm("zab", null);
        TreeSet<Integer> sizes = new TreeSet<>();
        TreeSet<String> kinds = new TreeSet<>();
        TreeSet<String> faultKinds = new TreeSet<>();
        int withSync = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            Doc doc = swarm.scenario(seed);
            ScenarioSpec spec = bind(doc.yaml(List.of()));
            sizes.add(spec.cluster().n());
            kinds.add(spec.workload().kind());
            withSync += spec.workload().syncRatio() > 0 ? 1 : 0;
            for (Object item : doc.list("faults")) {
                ((Map<?, ?>) item).keySet().stream().filter(Timeline.KINDS_WITH_POWER_OFF::contains).forEach(k -> faultKinds.add((String) k));
            }
            assertTrue(doc.list("byzantine").isEmpty(), "seed " + seed);
            Map<?, ?> network = (Map<?, ?>) doc.get("network");
            assertTrue(Set.of("latency", "bandwidth").containsAll(network.keySet()), "seed " + seed + ": " + network.keySet());
            assertFalse(spec.unsafe());
            assertEquals(0, spec.cluster().quorum());
            assertQuietPhase(seed, doc, spec);
        }
        assertEquals(Set.of(3, 4, 5, 6, 7, 8, 9), sizes);
        assertEquals(Set.of("saturation", "lock", "election"), kinds);
        assertEquals(new TreeSet<>(Timeline.KINDS_WITH_POWER_OFF), faultKinds, "power-off beside crash");
        assertTrue(withSync > SEEDS / 20, "reads preceded by sync in " + withSync + " of " + SEEDS);
    }

    /** Every fault, delay spike and Byzantine switch has ended a full liveness bound before the end. */
    private static void assertQuietPhase(long seed, Doc doc, ScenarioSpec spec) {
        long lastNanos = Generator.lastEventMs(doc) * 1_000_000L;
        for (ScenarioSpec.TimedFault t : spec.faults()) {
            assertTrue(t.atNanos() <= lastNanos, "seed " + seed);
        }
        assertTrue(lastNanos + spec.livenessBoundNanos() < spec.durationNanos(), "seed " + seed + ": no quiet phase");
        assertEquals("holds", spec.expect().safety());
        assertEquals("holds", spec.expect().liveness());
    }

    @Test
    void sizeRangesNarrowTheDraw() {
        Swarm swarm = swarm("zab", "5");
        for (long seed = 1; seed <= 20; seed++) {
            assertEquals(5, ((Number) swarm.scenario(seed).get("cluster.n")).intValue());
        }
        Swarm pbft = swarm("pbft", "2..3");
        for (long seed = 1; seed <= 20; seed++) {
            int f = ((Number) pbft.scenario(seed).get("cluster.f")).intValue();
            assertTrue(f == 2 || f == 3);
        }
    }

    @Test
    void aBaseScenarioKeepsItsSettingsAndTakesTheSeedsFaults() {
        Swarm swarm = new Swarm(SwarmSettings.of(null, null, null, "zk-lock-recipe", 1, 1, 1, 1_000_000_000L, 0));
        boolean someFaults = false;
        for (long seed = 1; seed <= 30; seed++) {
            Doc doc = swarm.scenario(seed);
            ScenarioSpec spec = bind(doc.yaml(List.of()));
            assertEquals("lock", spec.workload().kind());
            assertEquals(5, spec.workload().clients());
            assertEquals("50ms", doc.get("zab.hold"));
            assertNull(doc.get("description"), "the base's description no longer says what happens");
            assertQuietPhase(seed, doc, spec);
            someFaults |= !doc.list("faults").isEmpty();
        }
        assertTrue(someFaults);
    }

    @Test
    void theLivenessBoundAroundABaseIsFairToTheBasesTimeouts() {
        Swarm swarm = new Swarm(SwarmSettings.of(null, null, null, "pbft-partition-heals", 1, 1, 1, 1_000_000_000L, 0));
        for (long seed = 1; seed <= 10; seed++) {
            ScenarioSpec spec = bind(swarm.scenarioYaml(seed));
            assertEquals(200_000_000L, ((quorumsim.scenario.ProtocolConfig.Pbft) spec.protocolConfig()).config().viewChangeTimeoutNanos());
            assertTrue(spec.livenessBoundNanos() >= 16 * 200_000_000L, "room for a view-change timer doubled four times");
        }
    }

    @Test
    void badRequestsAreRefusedWithAOneLineReason() {
        assertEquals("--protocol raft is not one the swarm searches; allowed: pbft, zab",
                assertThrows(IllegalArgumentException.class, () -> swarm("raft", null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> swarm("pbft", "0..2")).getMessage().contains("1..10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> swarm("zab", "9..3")).getMessage().contains("from low to high"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> swarm("zab", "a..b")).getMessage().contains("whole numbers"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SwarmSettings.of("zab", "skip-commit", null, null, 1, 1, 1, 1_000_000_000L, 0)).getMessage().contains("pbft variant"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> SwarmSettings.of(null, "skip-comit", null, null, 1, 1, 1, 1_000_000_000L, 0)).getMessage().contains("known: quorum-2f"));
    }
}
