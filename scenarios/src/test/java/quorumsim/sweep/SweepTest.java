package quorumsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;
import quorumsim.scenario.ScenarioException;
import quorumsim.scenario.ScenarioLoader;

class SweepTest {
    @TempDir
    Path dir;

    private int sweep(Path out, int jobs) {
        return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "sweep", "pbft-normal",
                "--vary", "cluster.f=1,2", "--vary", "workload.clients=2,4", "--seeds", "2", "--jobs", Integer.toString(jobs),
                "--set", "duration=300ms", "--set", "warmup=50ms", "--out", out.toString(), "--quiet");
    }

    @Test
    void resultsAreByteIdenticalWhateverTheWorkers() throws Exception {
        assertEquals(0, sweep(dir.resolve("one"), 1));
        assertEquals(0, sweep(dir.resolve("two"), 2));
        byte[] one = Files.readAllBytes(dir.resolve("one/sweep.csv"));
        assertArrayEquals(one, Files.readAllBytes(dir.resolve("two/sweep.csv")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("one/aggregate.csv")), Files.readAllBytes(dir.resolve("two/aggregate.csv")));
        List<String> lines = Files.readAllLines(dir.resolve("one/sweep.csv"));
        assertEquals(1 + 2 * 2 * 2, lines.size(), "a header and one row per run");
        assertTrue(lines.get(0).startsWith("cluster.f,workload.clients,seed,throughputOpsPerSec"), lines.get(0));
        assertEquals(1 + 4, Files.readAllLines(dir.resolve("one/aggregate.csv")).size(), "a header and one row per grid point");
        assertTrue(Files.exists(dir.resolve("one/report.html")), "the sweep's report");
    }

    @Test
    void aBadVariedValueIsBlamedOnVaryAndAFileRuleItBreaksNamesIt() {
        ScenarioLoader.Source source = ScenarioLoader.find("zk-leader-crash");
        ScenarioException bad = assertThrows(ScenarioException.class,
                () -> new Sweep(source, List.of(), List.of(Grid.Axis.parse("cluster.n=3,x")), 1));
        String value = bad.problems().get(0).toString();
        assertTrue(value.startsWith("--vary: cluster.n: ") && value.endsWith("found 'x'"), value);

        ScenarioException rule = assertThrows(ScenarioException.class,
                () -> new Sweep(source, List.of("duration=10s"), List.of(Grid.Axis.parse("zab.tick=50ms,1s")), 1));
        String problem = rule.problems().get(0).toString();
        assertTrue(problem.startsWith("built-in:zk-leader-crash:"), problem);
        assertTrue(problem.endsWith("(the file's values with --set duration=10s, --vary zab.tick=1s)"), problem);
    }

    @Test
    void gridIsTheProductInOrder() {
        List<Grid.Axis> axes = List.of(Grid.Axis.parse("a=1,2"), Grid.Axis.parse("b=x,y,z"));
        List<List<String>> points = Grid.points(axes);
        assertEquals(6, points.size());
        assertEquals(List.of("1", "x"), points.get(0));
        assertEquals(List.of("2", "z"), points.get(5));
    }
}
