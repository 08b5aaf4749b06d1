package quorumsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.cli.Main;

/** A sweep run as shards in separate processes and merged gives the unsharded sweep's tables, byte for byte. */
class ShardedSweepTest {
    private static final List<String> SWEEP = List.of("sweep", "pbft-normal", "--vary", "cluster.f=1,2", "--seeds", "3", "--jobs", "1",
            "--set", "duration=300ms", "--set", "warmup=50ms", "--quiet");

    @TempDir
    Path dir;

    private static List<String> args(List<String> extra) {
        List<String> all = new ArrayList<>(SWEEP);
        all.addAll(extra);
        return all;
    }

    private static int cli(StringWriter err, List<String> args) {
        return Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args.toArray(new String[0]));
    }

    /** One shard in its own JVM, as a Slurm array task or a Kubernetes pod would run it. */
    private Process shardProcess(int index, int count) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true", Main.class.getName()));
        command.addAll(args(List.of("--shard", index + "/" + count, "--out", dir.resolve("shard-" + index).toString())));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("shard-" + index + ".log").toFile()).start();
    }

    @Test
    void shardsInSeparateProcessesMergeIntoTheUnshardedSweepByteForByte() throws Exception {
        List<Process> shards = List.of(shardProcess(0, 2), shardProcess(1, 2));
        assertEquals(0, cli(new StringWriter(), args(List.of("--out", dir.resolve("whole").toString()))));
        for (int i = 0; i < shards.size(); i++) {
            assertTrue(shards.get(i).waitFor(5, TimeUnit.MINUTES), "shard " + i + " ended");
            assertEquals(0, shards.get(i).exitValue(), Files.readString(dir.resolve("shard-" + i + ".log")));
        }
        assertEquals(List.of(3, 3), List.of(Files.readAllLines(dir.resolve("shard-0/sweep.csv")).size() - 1,
                Files.readAllLines(dir.resolve("shard-1/sweep.csv")).size() - 1), "two grid points x 3 seeds, dealt 3 and 3");
        assertEquals(0, cli(new StringWriter(), List.of("merge", dir.resolve("shard-1").toString(), dir.resolve("shard-0").toString(),
                "--out", dir.resolve("merged").toString(), "--quiet")));
        for (String table : List.of("sweep.csv", "aggregate.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(table)), Files.readAllBytes(dir.resolve("merged").resolve(table)), table);
        }
        assertTrue(Files.exists(dir.resolve("merged/report.html")), "the merged sweep's report");
    }

    @Test
    void aMissingShardIsRefusedWithWhichOne() throws Exception {
        assertEquals(0, cli(new StringWriter(), args(List.of("--shard", "0/3", "--out", dir.resolve("s0").toString(), "--set", "duration=100ms"))));
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, List.of("merge", dir.resolve("s0").toString(), "--out", dir.resolve("m").toString())));
        assertTrue(err.toString().contains("merge: shard(s) [1, 2] of 3 missing; merge needs every part"), err.toString());
    }

    @Test
    void aShardOutsideItsCountIsBadUsage() {
        StringWriter err = new StringWriter();
        assertEquals(2, cli(err, args(List.of("--shard", "2/2"))));
        assertTrue(err.toString().contains("I must be from 0 to N-1"), err.toString());
    }

    @Test
    void shardsDealEveryRunToExactlyOnePart() {
        for (int run = 0; run < 20; run++) {
            int holders = 0;
            for (int i = 0; i < 3; i++) {
                holders += new Shard(i, 3).holds(run) ? 1 : 0;
            }
            assertEquals(1, holders, "run " + run);
        }
        assertEquals(new Shard(1, 4), Shard.parse("1/4"));
        assertEquals("1/4", new Shard(1, 4).toString());
    }
}
