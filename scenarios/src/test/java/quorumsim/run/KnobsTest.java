package quorumsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.result.RunSummary;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * No accepted knob is ignored. The test walks the scenario format as a user meets it (each
 * place given a key it does not know; the "Allowed" list of the error is that place's fields),
 * and every field it finds either changes a short run of a built-in (its digest, or a figure:
 * requests completed, read and written, mean latency, the liveness verdict's words, the unsafe flag) when set away
 * from its default, or is listed with what it does instead and the test that shows it. A
 * protocol that has no use for a field refuses it by name.
 */
class KnobsTest {
    /** A short run of each built-in, the base every knob is compared with. */
    private static final List<String> SHORT = List.of("duration=300ms", "warmup=0s");

    /** Each place of the format and how to make the binder list its fields: {prefix, protocol, probe}. */
    private static final String[][] PLACES = {
        {"", "pbft", "zzz: 1"},
        {"cluster.", "pbft", "cluster: {zzz: 1}"},
        {"pbft.", "pbft", "pbft: {zzz: 1}"},
        {"pbft.proactiveRecovery.", "pbft", "pbft: {proactiveRecovery: {zzz: 1}}"},
        {"zab.", "zab", "zab: {zzz: 1}"},
        {"network.", "pbft", "network: {zzz: 1}"},
        {"network.latency.", "pbft", "network: {latency: {zzz: 1}}"},
        {"hardware.", "zab", "hardware: {zzz: 1}"},
        {"hardware.costs.", "pbft", "hardware: {costs: {zzz: 1}}"},
        {"workload.", "zab", "workload: {zzz: 1}"},
        {"checks.", "pbft", "checks: {zzz: 1}"},
        {"expect.", "pbft", "expect: {zzz: 1}"},
        {"report.", "pbft", "report: {zzz: 1}"},
        {"report.diagram.", "pbft", "report: {diagram: {zzz: 1}}"},
    };

    /**
     * {built-in, field=value, settings both runs share (optional)...}: the field must change the run.
     * The first entry for a field is the one the walk counts; more show it for another protocol.
     */
    private static final String[][] CHANGES = {
        {"pbft-normal", "protocol=unreplicated"},
        {"pbft-normal", "seed=43"},
        {"pbft-normal", "duration=250ms"},
        {"pbft-normal", "warmup=100ms"},
        {"pbft-normal", "unsafe=true"},
        {"pbft-normal", "cluster.f=2"},
        {"pbft-normal", "cluster.n=5"},
        {"pbft-normal", "cluster.quorum=4"},
        {"pbft-normal", "pbft.checkpointInterval=2"},
        {"pbft-normal", "pbft.logWindow=5", "pbft.checkpointInterval=4"},
        {"pbft-silent-primary", "pbft.viewChangeTimeout=300ms"},
        {"pbft-normal", "pbft.batchSize=4"},
        {"pbft-normal", "pbft.batchWindow=5ms", "pbft.batchSize=4"},
        {"pbft-normal", "pbft.authentication=signature"},
        {"pbft-normal", "pbft.tentativeExecution=true"},
        {"pbft-normal", "pbft.readOnly=true"},
        {"pbft-normal", "pbft.variant=skip-commit", "unsafe=true"},
        {"pbft-silent-primary", "pbft.clientRetry=10ms"},
        {"pbft-normal", "pbft.digestReplies=false"},
        {"pbft-normal", "pbft.proactiveRecovery={period: 150ms, stagger: 50ms}"},
        {"pbft-normal", "pbft.nondeterminism=naive"},
        {"pbft-normal", "pbft.logToDisk=true"},
        {"pbft-normal", "pbft.proactiveRecovery.period=120ms", "pbft.proactiveRecovery.stagger=50ms"},
        {"pbft-normal", "pbft.proactiveRecovery.stagger=20ms", "pbft.proactiveRecovery.period=150ms"},
        {"pbft-normal", "pbft.proactiveRecovery.reboot=30ms", "pbft.proactiveRecovery.period=150ms", "pbft.proactiveRecovery.stagger=20ms"},
        {"zk-saturation", "zab.leaderServes=false"},
        {"zk-saturation", "zab.throttle=10"},
        {"zk-saturation", "zab.sessionTimeout=300ms"},
        {"zk-saturation", "zab.tick=50ms"},
        {"zk-saturation", "zab.syncLimit=2", "duration=2s", "faults=[{at: 200ms, pause: leader, until: 1500ms}]"},
        {"zk-saturation", "zab.electionWait=50ms"},
        {"zk-saturation", "zab.observers=2"},
        {"zk-read-only-minority", "zab.readOnlyMode=false", "duration=4s",
            "faults=[{at: 500ms, partition: [[0, 1, 2, 5, 6, 7, 10, 11, 12], [3, 4, 8, 9, 13, 14]]}]"},
        {"zk-lock-recipe", "zab.hold=5ms"},
        {"zk-saturation", "zab.readNext=true"},
        {"zk-saturation", "zab.snapCount=100"},                          // snapshots every 50-100 writes share the log's device
        {"zk-saturation", "zab.dedicatedLogDevice=true", "zab.snapCount=100"}, // the same snapshots on a device of their own
        {"pbft-normal", "network.latency={distribution: constant, value: 2ms}"},
        {"pbft-normal", "network.bandwidth=100Mbps"},
        {"pbft-normal", "network.loss=0.01"},
        {"pbft-normal", "network.duplicate=0.01"},
        {"pbft-normal", "network.reorder=0.2"},
        {"pbft-normal", "network.reorderDelay=3ms", "network.reorder=0.2"},
        {"pbft-normal", "network.fifo=false"},
        {"pbft-normal", "network.mtu=576B"},
        {"pbft-normal", "network.ipHeader=40B"},
        {"pbft-normal", "network.linkHeader=0B"},
        {"zk-saturation", "network.mtu=0B"},
        {"pbft-normal", "network.multicast=false"},
        {"pbft-normal", "network.latency.distribution=constant"},
        {"pbft-normal", "network.latency.value=2ms", "network.latency.distribution=constant"},
        {"pbft-normal", "network.latency.min=0.2ms"},
        {"pbft-normal", "network.latency.max=3ms"},
        {"pbft-normal", "network.latency.mean=2ms", "network.latency.distribution=normal"},
        {"pbft-normal", "network.latency.stddev=0.5ms", "network.latency.distribution=normal"},
        {"pbft-normal", "network.latency.alpha=3", "network.latency.distribution=pareto"},
        {"pbft-normal", "hardware.cores=4"},
        {"zk-saturation", "hardware.fsync=5ms"},
        {"zk-saturation", "hardware.diskBandwidth=1MB"},
        {"zk-saturation", "hardware.groupCommitLimit=1"},
        {"zk-saturation", "hardware.writeCache=true"},
        {"pbft-normal", "hardware.fsync=5ms", "pbft.logToDisk=true"},
        {"pbft-silent-primary", "hardware.clockDriftPpm=50000"},
        {"pbft-silent-primary", "hardware.clockDriftPpm=-50000"},
        {"pbft-normal", "hardware.clientBandwidth=1Mbps"},
        {"pbft-normal", "hardware.profile=osdi99"},
        {"pbft-normal", "hardware.costs.receivePerMessageNanos=9000"},
        {"pbft-normal", "hardware.costs.receivePerByteNanos=3"},
        {"pbft-normal", "hardware.costs.sendPerMessageNanos=9000"},
        {"pbft-normal", "hardware.costs.sendPerByteNanos=3"},
        {"pbft-normal", "hardware.costs.macNanos=9000"},
        {"pbft-silent-primary", "hardware.costs.signatureSignNanos=9000000"},
        {"pbft-silent-primary", "hardware.costs.signatureVerifyNanos=900000"},
        {"pbft-normal", "hardware.costs.executeNanos=90000"},
        {"pbft-normal", "hardware.costs.digestPerByteNanos=50"},
        {"pbft-normal", "workload.replySize=4KB"},
        {"unreplicated-baseline", "hardware.cores=4"},
        {"unreplicated-baseline", "hardware.clientBandwidth=1Mbps"},
        {"unreplicated-baseline", "hardware.profile=osdi99"},
        {"unreplicated-baseline", "hardware.costs.executeNanos=90000"},
        {"unreplicated-baseline", "workload.replySize=4KB"},
        {"zk-leader-crash", "hardware.clockDriftPpm=50000"},
        {"zk-saturation", "hardware.clientBandwidth=1Mbps"},
        {"zk-saturation", "hardware.cores=1"},
        {"zk-saturation", "workload.kind=idle"},
        {"pbft-normal", "workload.clients=2"},
        {"pbft-normal", "workload.outstanding=2"},
        {"pbft-normal", "workload.readRatio=0.5"},
        {"pbft-normal", "workload.requestSize=2KB"},
        {"zk-saturation", "workload.sync=0.5"},
        {"zk-leader-crash", "zab.snapshotThreshold=1000000"},            // the recovered old leader, thousands of txns behind, gets a DIFF, not a SNAP
        {"pbft-normal", "checks.livenessBound=100ms"},
    };

    /** Fields that leave the run alone by design: what they do instead, and where that is tested. */
    private static final Map<String, String> ELSEWHERE = Map.ofEntries(
            Map.entry("name", "names the output folder (OutputSafetyTest, ScenarioValidationTest)"),
            Map.entry("description", "text for report.html and 'quorumsim list' (ShowCommandTest)"),
Map.entry("pbft.keySpace", "which keys the operations touch: what they say, not when; the digest covers the"
                    + " run's events, not the operations' contents, and the checkers replay them (CheckerHistoriesTest)"),
            Map.entry("cluster", "a section: its fields are walked"),
            Map.entry("pbft", "a section: its fields are walked"),
            Map.entry("zab", "a section: its fields are walked"),
            Map.entry("network", "a section: its fields are walked"),
            Map.entry("hardware", "a section: its fields are walked"),
            Map.entry("hardware.costs", "a section: its fields are walked"),
            Map.entry("workload", "a section: its fields are walked"),
            Map.entry("checks", "a section: its fields are walked"),
            Map.entry("report", "a section: its fields are walked"),
            Map.entry("byzantine", "a list of behaviours switched on: every behaviour has its built-in or adversary test"),
            Map.entry("faults", "a list of faults: FaultUntilTest, PowerOffFaultTest, FaultReprosTest and the built-ins"),
            Map.entry("expect", "judges the run, changes the exit code (CliTest, BuiltInScenariosTest)"),
            Map.entry("expect.safety", "judges the run (BuiltInScenariosTest: pbft-collusion-f-plus-1 expects violated)"),
            Map.entry("expect.liveness", "judges the run (BuiltInScenariosTest)"),
            Map.entry("expect.min", "judges the run (BuiltInScenariosTest: pbft-normal's throughput floor)"),
            Map.entry("expect.max", "judges the run (CliTest)"),
            Map.entry("report.diagram", "chooses what messages.svg draws: its fields are walked"),
            Map.entry("report.diagram.from", "what messages.svg draws (PbftDiagramTest, ZabDiagramTest)"),
            Map.entry("report.diagram.to", "what messages.svg draws (PbftDiagramTest)"),
            Map.entry("report.diagram.request", "what messages.svg draws (PbftDiagramTest)"),
            Map.entry("report.diagram.requests", "what messages.svg draws (PbftDiagramTest)"),
            Map.entry("report.diagram.nodes", "what messages.svg draws (PbftDiagramTest)"));

    /** The fields of every place of the format, as the binder lists them ("pbft.batchSize", "network.latency.alpha"). */
    static TreeSet<String> formatFields() {
        TreeSet<String> fields = new TreeSet<>();
        for (String[] place : PLACES) {
            String text = "protocol: " + place[1] + "\n" + place[2] + "\n";
            try {
                ScenarioLoader.bind(new ScenarioLoader.Source("probe", text, true, "probe"), List.of());
                throw new AssertionError("the binder accepted " + text);
            } catch (ScenarioException e) {
                String message = e.problems().stream().map(quorumsim.scenario.Problem::message)
                        .filter(m -> m.contains("zzz") && m.contains("Allowed")).findFirst()
                        .orElseThrow(() -> new AssertionError("no 'Allowed' list for " + text + ": " + e.problems()));
                for (String key : message.substring(message.indexOf(':', message.indexOf("Allowed")) + 1).split(",")) {
                    if (!key.isBlank()) {
                        fields.add(place[0] + key.trim());
                    }
                }
            }
        }
        return fields;
    }

    /** What a user sees of a run: its digest and the figures a field may change instead. */
    private static String fingerprint(String builtIn, List<String> more) {
        List<String> overrides = new ArrayList<>(builtIn.equals("pbft-silent-primary") ? List.of("duration=1500ms", "warmup=0s")
                : builtIn.equals("zk-leader-crash") || builtIn.equals("zk-lock-recipe") ? List.of("duration=3s", "warmup=0s") : SHORT);
        overrides.addAll(more);
        RunSummary s = ScenarioRunner.run(ScenarioLoader.load(builtIn, overrides), RunOptions.plain()).summary();
        return s.traceDigest() + " " + s.requests() + " " + s.latencyMs().mean() + " " + s.unsafe() + " " + s.liveness().detail();
    }

    private static String digest(String builtIn, String... more) {
        return fingerprint(builtIn, List.of(more));
    }

    @Test
    void everyFieldOfTheFormatChangesTheRunOrSaysWhatItDoesInstead() {
        TreeSet<String> changed = new TreeSet<>();
        for (String[] change : CHANGES) {
            changed.add(change[1].substring(0, change[1].indexOf('=')));
        }
        TreeSet<String> unaccounted = new TreeSet<>();
        for (String field : formatFields()) {
            if (!changed.contains(field) && !ELSEWHERE.containsKey(field)) {
                unaccounted.add(field);
            }
        }
        assertTrue(unaccounted.isEmpty(), "fields of the format no knob test covers: " + unaccounted);
        assertTrue(formatFields().containsAll(List.of("pbft.logToDisk", "network.latency.alpha", "zab.readNext", "hardware.costs.digestPerByteNanos",
                "report.diagram.nodes", "checks.livenessBound")), "the walk reaches every place: " + formatFields());
    }

    @Test
    void everyFieldSetChangesTheRun() {
        TreeSet<String> ignored = new TreeSet<>();
        for (String[] change : CHANGES) {
            List<String> shared = List.of(change).subList(2, change.length);
            List<String> with = new ArrayList<>(shared);
            with.add(change[1]);
            if (fingerprint(change[0], shared).equals(fingerprint(change[0], with))) {
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
        String disk = refusal("unreplicated-baseline", "hardware.fsync=2ms");
        assertTrue(disk.contains("hardware.fsync") && disk.contains("does not apply to protocol unreplicated"), disk);
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
