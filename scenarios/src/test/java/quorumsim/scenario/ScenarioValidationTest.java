package quorumsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed scenarios get one clear problem each, with file, line, column and field path. */
class ScenarioValidationTest {
    @TempDir
    Path dir;

    private List<Problem> problems(String fileName, String text, String... overrides) throws Exception {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file.toString(), List.of(overrides)));
        return e.problems();
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        return problems.get(0);
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Problem p = only(problems("bad.yaml", "protocol: pbft\ncluster:\n  f: [1, 2\nduration: 5s\n"));
        assertTrue(p.message().startsWith("not valid YAML"), p::toString);
        assertTrue(p.line() >= 3, p::toString);
        assertTrue(p.toString().startsWith(dir.resolve("bad.yaml") + ":"), p::toString);
    }

    @Test
    void brokenJsonNamesTheLine() throws Exception {
        Problem p = only(problems("bad.json", "{\n  \"protocol\": \"pbft\",\n  \"seed\": 1,,\n}\n"));
        assertTrue(p.message().startsWith("not valid JSON"), p::toString);
        assertEquals(3, p.line());
    }

    @Test
    void emptyFileSaysWhatIsNeeded() throws Exception {
        Problem p = only(problems("empty.yaml", "   \n"));
        assertTrue(p.message().contains("empty"), p::toString);
    }

    @Test
    void missingFileIsNamed() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml").toString(), List.of()));
        assertTrue(only(e.problems()).message().contains("file not found"));
    }

    @Test
    void unknownBuiltInSuggestsTheClosest() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("pbft-normall", List.of()));
        assertTrue(only(e.problems()).message().contains("did you mean 'pbft-normal'"), e::getMessage);
    }

    @Test
    void unknownKeyGetsDidYouMeanWithItsPosition() throws Exception {
        Problem p = only(problems("typo.yaml", "protocol: pbft\nclustr:\n  f: 1\n"));
        assertEquals("clustr", p.path());
        assertEquals(2, p.line());
        assertEquals(1, p.column());
        assertTrue(p.message().contains("did you mean 'cluster'"), p::toString);
    }

    @Test
    void wrongTypeNamesTheFieldPath() throws Exception {
        Problem p = only(problems("type.yaml", "protocol: pbft\ncluster:\n  f: two\n"));
        assertEquals("cluster.f", p.path());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("whole number"), p::toString);
    }

    @Test
    void durationWithoutUnitIsRefused() throws Exception {
        Problem p = only(problems("unit.yaml", "protocol: pbft\nduration: 10\n"));
        assertEquals("duration", p.path());
        assertTrue(p.message().contains("no unit"), p::toString);
    }

    @Test
    void hugeNumbersAreOutOfRange() throws Exception {
        List<Problem> ps = problems("huge.yaml", "protocol: pbft\nseed: 123456789012345678901234567890\nduration: 1e30s\n"
                + "workload:\n  clients: 1000000000000\n");
        assertEquals(3, ps.size(), ps::toString);
        assertEquals(List.of("seed", "duration", "workload.clients"), ps.stream().map(Problem::path).toList());
    }

    @Test
    void impossibleClusterNeedsUnsafe() throws Exception {
        Problem p = only(problems("small.yaml", "protocol: pbft\ncluster:\n  f: 1\n  n: 3\n"));
        assertTrue(p.message().contains("below 3f+1"), p::toString);
        assertTrue(p.message().contains("unsafe: true"), p::toString);
    }

    @Test
    void unsafeLetsTheImpossibleClusterRun() throws Exception {
        Path file = dir.resolve("unsafe.yaml");
        Files.writeString(file, "protocol: pbft\nunsafe: true\ncluster:\n  f: 1\n  n: 3\n");
        assertTrue(ScenarioLoader.load(file.toString(), List.of()).unsafe());
    }

    @Test
    void faultsAreCheckedAgainstNodesAndDuration() throws Exception {
        List<Problem> ps = problems("faults.yaml", "protocol: pbft\nduration: 2s\nfaults:\n"
                + "  - { at: 5s, crash: 1 }\n"
                + "  - { at: 1s, crash: 9 }\n"
                + "  - { at: 1s }\n");
        assertEquals(3, ps.size(), ps::toString);
        assertTrue(ps.get(0).message().contains("past the end"), ps::toString);
        assertTrue(ps.get(1).message().contains("node 9 does not exist"), ps::toString);
        assertTrue(ps.get(2).message().contains("needs one action"), ps::toString);
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() throws Exception {
        List<Problem> ps = problems("many.yaml", "protocol: pbft\nseedd: 1\ncluster:\n  f: x\nnetwork:\n  loss: 2\n");
        assertEquals(3, ps.size(), ps::toString);
    }

    @Test
    void moreByzantineNodesThanFNeedUnsafe() throws Exception {
        Problem p = only(problems("byz.yaml", "protocol: pbft\nbyzantine:\n  - { node: [0, 1], behaviour: collude }\n"));
        assertTrue(p.message().contains("tolerates 1"), p::toString);
    }

    @Test
    void unknownBehaviourIsListed() throws Exception {
        Problem p = only(problems("beh.yaml", "protocol: pbft\nbyzantine:\n  - { node: 0, behaviour: equivocat }\n"));
        assertTrue(p.message().contains("did you mean 'equivocate'"), p::toString);
    }

    @Test
    void overridesAreValidatedLikeTheFile() throws Exception {
        List<Problem> ps = problems("ok.yaml", "protocol: pbft\n", "cluster.f=abc", "clustr.f=2");
        assertEquals(2, ps.size(), ps::toString);
        assertTrue(ps.stream().anyMatch(p -> p.message().contains("did you mean 'cluster'")), ps::toString);
    }

    @Test
    void overridesChangeTheScenario() throws Exception {
        Path file = dir.resolve("f.yaml");
        Files.writeString(file, "protocol: pbft\ncluster:\n  f: 1\n");
        ScenarioSpec spec = ScenarioLoader.load(file.toString(), List.of("cluster.f=2", "network.loss=0.01"));
        assertEquals(2, spec.cluster().f());
        assertEquals(0.01, spec.network().lossProbability());
    }

    @Test
    void zabRefusesANetworkThatBreaksWhatTcpPromisesUnlessUnsafe() {
        for (String broken : List.of("network.loss=0.01", "network.duplicate=0.01", "network.fifo=false")) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load("zk-saturation", List.of(broken)));
            Problem p = only(e.problems());
            assertEquals(broken.substring(0, broken.indexOf('=')), p.path(), p::toString);
            assertTrue(p.message().contains("its links are TCP connections"), p::toString);
            assertTrue(p.message().contains("unsafe: true"), p::toString);
            assertTrue(ScenarioLoader.load("zk-saturation", List.of(broken, "unsafe=true")).unsafe(), broken);
        }
        ScenarioLoader.load("zk-saturation", List.of("network.reorder=0.1"));  // on FIFO links, a held-back message holds back those behind it
        ScenarioLoader.load("pbft-normal", List.of("network.loss=0.01", "network.duplicate=0.01", "network.fifo=false"));
    }

    @Test
    void aMisspeltRoleGetsDidYouMean() throws Exception {
        Problem p = only(problems("role.yaml", "protocol: pbft\nfaults:\n  - { at: 1s, crash: primry }\n"));
        assertEquals("faults[0].crash", p.path());
        assertTrue(p.message().contains("did you mean 'primary'"), p::toString);
    }

    @Test
    void syncBeforeReadsIsForZabSaturationOnly() throws Exception {
        Problem p = only(problems("sync.yaml", "protocol: pbft\nworkload: { readRatio: 0.5, sync: 0.5 }\n"));
        assertEquals("workload.sync", p.path());
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, "protocol: zab\nworkload: { readRatio: 0.5, sync: 0.25 }\n");
        assertEquals(0.25, ScenarioLoader.load(ok.toString(), List.of()).workload().syncRatio());
        assertTrue(only(problems("sync2.yaml", "protocol: zab\nworkload: { sync: 2 }\n")).message().contains("1"));
    }

    @Test
    void theBroadcastWorkloadTakesNoClients() throws Exception {
        Problem p = only(problems("bc.yaml", "protocol: zab\nworkload: { kind: broadcast, clients: 3 }\n"));
        assertTrue(p.message().contains("clients must be 0 with workload kind broadcast"), p::toString);
        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, "protocol: zab\nworkload: { kind: broadcast }\n");
        assertEquals("broadcast", ScenarioLoader.load(ok.toString(), List.of()).workload().kind());
    }

    @Test
    void everyBuiltInScenarioIsValid() {
        for (String name : Catalogue.names()) {
            ScenarioSpec spec = ScenarioLoader.load(name, List.of());
            assertEquals(name, spec.name());
            assertTrue(!spec.description().isBlank(), name + " needs a description");
            assertTrue(!spec.expect().isEmpty(), name + " needs an expect:");
        }
    }

    @Test
    void anAliasIsACopyOfTheAnchoredMapping() throws Exception {
        Path file = dir.resolve("alias.yaml");
        Files.writeString(file, "protocol: pbft\nfaults:\n  - &cut {at: 1s, partition: [[0], [1, 2, 3]], until: 2s}\n"
                + "  - *cut\n");
        assertEquals(2, ScenarioLoader.load(file.toString(), List.of()).faults().size());
        Problem wrong = only(problems("alias-key.yaml", "protocol: pbft\nnetwork: &n {loss: 0.0}\ncluster: *n\n"));
        assertEquals("cluster.loss", wrong.path(), wrong::toString);
        assertEquals(2, wrong.line(), "blamed where the anchored value was written: " + wrong);
    }

    @Test
    void anAliasOfASingleValueOrOfNothingIsRefusedNotReadAsItsName() throws Exception {
        Problem scalar = only(problems("alias-scalar.yaml", "protocol: pbft\ncluster: {f: &x 2, n: *x}\n"));
        assertTrue(scalar.message().startsWith("alias '*x' names no mapping or list anchored before it"), scalar::toString);
        assertEquals(2, scalar.line());
    }

    @Test
    void nestedAliasesCannotBlowTheFileUp() throws Exception {
        StringBuilder bomb = new StringBuilder("protocol: pbft\na0: &a0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n");
        for (int i = 1; i < 9; i++) {
            bomb.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        Problem p = only(problems("bomb.yaml", bomb.toString()));
        assertTrue(p.message().startsWith("more than 1000000 values once aliases are expanded"), p::toString);
    }

    @Test
    void aHugeNameIsQuotedShortInItsError() throws Exception {
        Problem p = only(problems("huge-name.yaml", "protocol: pbft\nname: " + "x".repeat(100_000) + "\n"));
        assertTrue(p.toString().length() < 300, () -> p.toString().length() + " characters");
        assertTrue(p.message().contains("(100000 characters)"), p::toString);
    }
}
