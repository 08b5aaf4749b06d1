package quorumsim.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whiteboard of issue 16: inside each module the packages form no cycle, and sim-core, the
 * engine, names no protocol. Read from the sources of all four modules (this test runs in
 * scenarios, the module that sees them all), with a small import graph rather than a library.
 */
class ModuleArchitectureTest {
    private static final List<String> MODULES = List.of("sim-core", "protocols", "scenarios", "reports");
    /** A protocol's package, or a protocol's word in an identifier. */
    static final Pattern PROTOCOL_WORD = Pattern.compile(
            "\\bquorumsim\\.(?:pbft|zab|unreplicated|kv|protocols)\\b|(?i:\\w*(?:pbft|zab|zookeeper|viewchange|leaderchange)\\w*)");

    private static Path mainSources(String module) {
        Path p = Path.of("..", module, "src", "main", "java");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("no sources at " + p.toAbsolutePath() + ": run from a module directory");
        }
        return p;
    }

    @Test
    void noModuleHasAPackageCycle() {
        for (String module : MODULES) {
            assertEquals(List.of(), PackageGraph.read(mainSources(module)).cycles(), module);
        }
    }

    @Test
    void simCoreNamesNoProtocol() {
        assertEquals(List.of(), PackageGraph.read(mainSources("sim-core")).filesNaming(PROTOCOL_WORD));
    }

    // ---- the checks have teeth ----

    @Test
    void aCycleIsFoundWithTheFilesBehindIt() {
        PackageGraph g = PackageGraph.of(Map.of(
                "a/A.java", "package quorumsim.a;\nimport quorumsim.b.B;\nclass A { B b; }",
                "b/B.java", "package quorumsim.b;\nclass B { quorumsim.c.C c; }",
                "c/C.java", "package quorumsim.c;\nimport quorumsim.a.*;\nclass C { }",
                "d/D.java", "package quorumsim.d;\nimport quorumsim.a.A;\nclass D { }"));
        assertEquals(List.of("cycle among [quorumsim.a, quorumsim.b, quorumsim.c]:"
                + "\n    quorumsim.a -> quorumsim.b  (a/A.java)"
                + "\n    quorumsim.b -> quorumsim.c  (b/B.java)"
                + "\n    quorumsim.c -> quorumsim.a  (c/C.java)"), g.cycles());
    }

    @Test
    void oneWayReferencesAndMentionsInCommentsOrStringsAreNoCycle() {
        PackageGraph g = PackageGraph.of(Map.of(
                "a/A.java", "package quorumsim.a;\nimport quorumsim.b.B;\nclass A { B b; }",
                "b/B.java", "package quorumsim.b;\n/** Used by {@link quorumsim.a.A}. */\nclass B { String s = \"quorumsim.a.A\"; }"));
        assertEquals(List.of(), g.cycles());
    }

    @Test
    void anEngineFileNamingAProtocolIsFound() {
        PackageGraph g = PackageGraph.of(Map.of(
                "core/Sim.java", "package quorumsim.core;\nimport quorumsim.pbft.PbftConfig;\nclass Sim { }",
                "result/Summary.java", "package quorumsim.result;\nrecord Summary(Integer viewChanges) { }",
                "core/Fine.java", "package quorumsim.core;\n/** Marks a view change, as PBFT does. */\nclass Fine { String s = \"zab\"; }"));
        assertEquals(List.of("core/Sim.java: quorumsim.pbft", "result/Summary.java: viewChanges"),
                g.filesNaming(PROTOCOL_WORD));
    }
}
