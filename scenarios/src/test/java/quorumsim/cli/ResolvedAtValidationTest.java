package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import quorumsim.cli.CliTest.Outcome;

/**
 * Finding 5 of issue 10: a file that passes validate never ends in an internal failure. Every
 * name is resolved when the file is read, every resource limit is checked before the run, and
 * running out of memory all the same is one line, not a stack trace.
 */
class ResolvedAtValidationTest {
    @TempDir
    Path dir;

    private static void refusedInOneLine(Outcome o, String expected) {
        assertEquals(2, o.code(), o.out() + o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains(expected), o.err());
        assertFalse(o.err().contains("internal failure"), o.err());
        assertFalse(o.err().contains("\tat "), o.err());
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void dropRequestsOfAClientThatDoesNotExistIsRefused() throws Exception {
        String file = UnsafeConfigurationTest.repro("pbft-drop-bad-client.yaml");
        refusedInOneLine(CliTest.cli("validate", file), "byzantine[0].behaviour: 'drop-requests:c99' names client 'c99', but the clients are c0..c1");
        refusedInOneLine(CliTest.cli("run", file, "--out", dir.resolve("x").toString()), "names client 'c99'");
    }

    @Test
    void dropRequestsOfAClientThatExistsRuns() throws Exception {
        Path file = write("drop-c1.yaml", "protocol: pbft\nduration: 300ms\nworkload: { clients: 2 }\n"
                + "byzantine:\n  - { node: 0, behaviour: \"drop-requests:c1\", from: 100ms }\n");
        Outcome o = CliTest.cli("run", file.toString(), "--out", dir.resolve("run").toString(), "--quiet");
        assertEquals(0, o.code(), o.out() + o.err());
    }

    @Test
    void pbftHasAPrimaryNotALeader() throws Exception {
        String file = UnsafeConfigurationTest.repro("pbft-leader-role.yaml");
        refusedInOneLine(CliTest.cli("run", file, "--out", dir.resolve("x").toString()),
                "faults[0].crash: pbft has no role 'leader'; did you mean 'primary'? Roles in pbft: primary");
        Path primary = write("pbft-primary-role.yaml", Files.readString(Path.of(file)).replace("crash: leader", "crash: primary"));
        assertEquals(0, CliTest.cli("validate", primary.toString()).code());
    }

    @Test
    void zabHasALeaderNotAPrimary() throws Exception {
        String file = UnsafeConfigurationTest.repro("zab-primary-role.yaml");
        refusedInOneLine(CliTest.cli("run", file, "--out", dir.resolve("x").toString()),
                "faults[0].crash: zab has no role 'primary'; did you mean 'leader'? Roles in zab: leader");
        Path leader = write("zab-leader-role.yaml", Files.readString(Path.of(file)).replace("crash: primary", "crash: leader"));
        assertEquals(0, CliTest.cli("validate", leader.toString()).code());
    }

    @Test
    void aHundredThousandClientsAreRefusedBeforeTheRunWithWhatItWouldTake() throws Exception {
        String file = UnsafeConfigurationTest.repro("oom-100k-clients.yaml");   // 1000 requests in flight each: hundreds of GB
        refusedInOneLine(CliTest.cli("run", file, "--out", dir.resolve("x").toString()),
                "workload.clients: 4 servers and 100,000 clients (1000 outstanding of 1,024 bytes each) need about ");
    }

    /** A command that runs out of memory on the main thread. */
    @CommandLine.Command(name = "hungry")
    static final class Hungry implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    /** A command whose worker thread ran out of memory, as a sweep's future reports it. */
    @CommandLine.Command(name = "hungry-worker")
    static final class HungryWorker implements Callable<Integer> {
        @Override
        public Integer call() throws ExecutionException {
            throw new ExecutionException(new OutOfMemoryError("Java heap space"));
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineAndExitThree() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new Hungry());
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new Errors());
        assertEquals(3, Main.execute(cli, new java.io.PrintWriter(err, true)));
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("quorumsim: out of memory: the run needed more than the "), err::toString);
        assertTrue(err.toString().contains("JAVA_OPTS=-Xmx"), err::toString);
    }

    @Test
    void runningOutOfMemoryOnAWorkerThreadIsOneLineAndExitThree() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = new CommandLine(new HungryWorker());
        cli.setErr(new java.io.PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new Errors());
        assertEquals(3, Main.execute(cli, new java.io.PrintWriter(err, true)));
        assertEquals(1, err.toString().strip().lines().count(), err::toString);
        assertTrue(err.toString().startsWith("quorumsim: out of memory:"), err::toString);
    }
}
