package quorumsim.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.result.RunSummary;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;

/** The runner's results do not depend on --jobs, its files reproduce their runs, and a run can be abandoned. */
class SwarmRunTest {
    private static final Swarm.Listener SILENT = (seed, outcome) -> { };

    private static SwarmResult run(SwarmSettings settings) throws InterruptedException {
        return new Swarm(settings).run(SILENT);
    }

    /** Seed, class and trace digest of every seed. */
    private static TreeMap<Long, String> digests(SwarmResult result) {
        TreeMap<Long, String> out = new TreeMap<>();
        result.outcomes().forEach((seed, o) -> out.put(seed, o.signature() + " " + o.digest()));
        return out;
    }

    @Test
    void theOutcomeOfEverySeedIsTheSameWhateverTheNumberOfWorkers() throws InterruptedException {
        SwarmSettings one = SwarmSettings.of("zab", null, "3", null, 1, 6, 1, 60_000_000_000L, 0).withShrinking(false, 0);
        SwarmSettings three = SwarmSettings.of("zab", null, "3", null, 1, 6, 3, 60_000_000_000L, 0).withShrinking(false, 0);
        TreeMap<Long, String> a = digests(run(one));
        assertEquals(6, a.size());
        assertEquals(a, digests(run(three)));
    }

    @Test
    void stoppingAtTheFirstFailureStopsAtTheSameSeedWhateverTheNumberOfWorkers() throws InterruptedException {
        SwarmSettings one = SwarmSettings.of(null, "equivocating-leader", null, null, 1, 40, 1, 60_000_000_000L, 1).withShrinking(false, 0);
        SwarmSettings two = SwarmSettings.of(null, "equivocating-leader", null, null, 1, 40, 2, 60_000_000_000L, 1).withShrinking(false, 0);
        SwarmResult a = run(one);
        assertEquals(1, a.findings().size());
        assertEquals(a.findings().get(0).seed(), a.outcomes().lastKey(), "no seed after the first failure is kept");
        assertEquals(digests(a), digests(run(two)));
    }

    @Test
    void writtenFilesReproduceTheirRunsExactly(@TempDir Path dir) throws InterruptedException, IOException {
        SwarmSettings settings = SwarmSettings.of(null, "quorum-2f", "1", null, 1, 50, 2, 60_000_000_000L, 1).withShrinking(true, 40);
        SwarmResult result = run(settings);
        SwarmFiles.write(dir, settings, result, 1.0);
        Swarm.Finding f = result.findings().get(0);
        for (Map.Entry<String, Outcome> file : Map.of(SwarmFiles.fileName(f), f.outcome(), SwarmFiles.shrunkFileName(f), f.shrunkOutcome()).entrySet()) {
            Path path = dir.resolve(file.getKey());
            RunSummary replay = ScenarioRunner.run(ScenarioLoader.load(path.toString(), List.of()), RunOptions.plain()).summary();
            assertEquals(file.getValue().digest(), replay.traceDigest(), file.getKey());
            assertFalse(replay.safety().holds(), file.getKey());
            assertTrue(Files.readString(path).startsWith("# quorumsim swarm pbft-quorum-2f, seed " + f.seed()));
        }
        String csv = Files.readString(dir.resolve("failures.csv"));
        assertTrue(csv.contains("\n" + f.seed() + ",safety,agreement,"), csv);
        String summary = Files.readString(dir.resolve("summary.json"));
        assertTrue(summary.contains("\"safety\" : 1"), summary);
    }

    @Test
    void shrinkingALivenessFailureKeepsTheQuietPhaseAndTheJudgedStretchAfterIt() {
        Doc doc = new Swarm(SwarmSettings.of("zab", null, "3", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(8);
        long boundMs = Generator.millis(doc.get("checks.livenessBound"));
        for (Doc candidate : Shrinker.candidates(doc)) {
            long lastMs = Generator.lastEventMs(candidate);
            assertTrue(Generator.millis(candidate.get("duration")) >= lastMs + boundMs + Shape.DEFAULT.judgedMs(), candidate.yaml(List.of()));
            assertEquals(boundMs, Generator.millis(candidate.get("checks.livenessBound")) == 0 ? boundMs
                    : Generator.millis(candidate.get("checks.livenessBound")), "the bound is never shortened");
        }
    }

    @Test
    void shrinkingStaysWithinClustersThatTolerateAFault() {
        Doc zab = new Swarm(SwarmSettings.of("zab", null, "3", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(8);
        assertTrue(Shrinker.candidates(zab).stream().allMatch(c -> ((Number) c.get("cluster.n")).intValue() == 3));
        Doc pbft = new Swarm(SwarmSettings.of("pbft", null, "2", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(8);
        assertTrue(Shrinker.candidates(pbft).stream().anyMatch(c -> ((Number) c.get("cluster.f")).intValue() == 1));
        assertTrue(Shrinker.candidates(pbft).stream().allMatch(c -> ((Number) c.get("cluster.f")).intValue() >= 1));
    }

    @Test
    void shrinkingKeepsTheLinksTheProtocolWasGeneratedOn() {
        Doc pbft = new Swarm(SwarmSettings.of("pbft", null, "2", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(8);
        assertEquals(false, pbft.get("network.fifo"), "the generator puts PBFT on datagram links");
        for (Doc candidate : Shrinker.candidates(pbft)) {
            assertEquals(false, candidate.get("network.fifo"), candidate.yaml(List.of()));
        }
    }

    @Test
    void aSmallerClusterDropsTheFaultsAimedAtServersItNoLongerHas() {
        Doc doc = new Doc().put("protocol", "pbft").put("cluster.f", 1).put("workload.clients", 2)
                .putList("faults", List.of(
                        Doc.map("at", "10ms", "crash", 5, "until", "20ms"),
                        Doc.map("at", "10ms", "cut", Doc.map("from", 0, "to", 4), "until", "20ms"),
                        Doc.map("at", "10ms", "clockJump", Doc.map("node", 3, "by", "5ms")),
                        Doc.map("at", "10ms", "partition", List.of(List.of(0, 1), List.of(2, 3, 5)), "until", "20ms")));
        List<Object> kept = Shrinker.withoutMissingNodes(doc).list("faults");
        assertEquals(2, kept.size(), "ids 4 and 5 are clients of a 4-replica cluster: " + kept);
        assertTrue(((Map<?, ?>) kept.get(0)).containsKey("clockJump"));
        assertEquals(List.of(List.of(0, 1), List.of(2, 3, 5)), ((Map<?, ?>) kept.get(1)).get("partition"), "a partition may hold clients");
    }

    @Test
    void aPassingSeedsFileReproducesItsRunToo() {
        Swarm swarm = new Swarm(SwarmSettings.of("pbft", null, "1", null, 1, 1, 1, 60_000_000_000L, 0));
        Outcome outcome = Trial.run(swarm.scenario(3), 60_000_000_000L);
        String yaml = swarm.scenarioYaml(3);
        RunSummary replay = ScenarioRunner.run(ScenarioLoader.bind(new ScenarioLoader.Source("f.yaml", yaml, true, "f"), List.of()),
                RunOptions.plain()).summary();
        assertEquals(outcome.digest(), replay.traceDigest());
    }

    @Test
    void aRunThatDoesNotEndInTimeIsAbandonedAndClassedOverTheLimit() {
        Doc endless = new Swarm(SwarmSettings.of("pbft", null, "1", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(1)
                .put("duration", "20h").put("faults", null).put("byzantine", null);
        Outcome outcome = Trial.run(endless, 300_000_000L);
        assertEquals(Failure.OVER_LIMIT, outcome.failure());
    }

    @Test
    void anInvalidScenarioIsReportedNotThrown() {
        Doc bad = new Swarm(SwarmSettings.of("zab", null, "3", null, 1, 1, 1, 60_000_000_000L, 0)).scenario(1).put("cluster.n", 0);
        Outcome outcome = Trial.run(bad, 60_000_000_000L);
        assertEquals(Failure.EXCEPTION, outcome.failure());
        assertEquals("invalid scenario", outcome.kind());
    }
}
