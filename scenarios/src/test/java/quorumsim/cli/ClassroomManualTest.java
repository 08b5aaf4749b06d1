package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/CLASSROOM.md cannot rot: every {@code $ ./quorumsim ...} line of its {@code console}
 * blocks is run, and the lines under it (what the manual says the student will see) must
 * each be in what the command prints; the exit code must be 0 unless the block says
 * {@code (exit code N)}. Output folders go to a temporary folder.
 */
class ClassroomManualTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path MANUAL = ROOT.resolve("docs/CLASSROOM.md");

    @TempDir
    static Path out;

    /** One command of the manual and what it must print. */
    record Command(int line, String text, List<String> expected, int exitCode) {
    }

    static List<Command> commands(List<String> manual) {
        List<Command> out = new ArrayList<>();
        boolean console = false;
        Command current = null;
        for (int i = 0; i < manual.size(); i++) {
            String line = manual.get(i);
            if (line.startsWith("```")) {
                console = !console && line.equals("```console");
                if (current != null) {
                    out.add(current);
                    current = null;
                }
                continue;
            }
            if (!console) {
                continue;
            }
            if (line.startsWith("$ ")) {
                if (current != null) {
                    out.add(current);
                }
                current = new Command(i + 1, line.substring(2).trim(), new ArrayList<>(), 0);
            } else if (current != null && line.trim().matches("\\(exit code \\d+\\)")) {
                current = new Command(current.line(), current.text(), current.expected(),
                        Integer.parseInt(line.trim().replaceAll("\\D", "")));
            } else if (current != null && !line.isBlank() && !line.trim().equals("...")) {
                current.expected().add(line.trim());
            }
        }
        return out;
    }

    @Test
    void theManualHasTenExperimentsEachWithCommandsAndAQuestion() throws IOException {
        String text = Files.readString(MANUAL);
        long experiments = text.lines().filter(l -> l.startsWith("## Experiment ")).count();
        assertTrue(experiments >= 10, "experiments: " + experiments);
        for (String section : text.split("\n## Experiment ")) {
            if (section.startsWith("#")) {
                continue;
            }
            String title = section.lines().findFirst().orElse("");
            assertTrue(section.contains("```console\n$ ./quorumsim "), title + " has no command");
            assertTrue(section.contains("**Question.**") || section.contains("**Questions.**"), title + " asks nothing");
        }
        List<Command> commands = commands(Files.readAllLines(MANUAL));
        assertTrue(commands.stream().allMatch(c -> !c.expected().isEmpty()), "every command says what the student will see");
        Command first = commands.get(0);
        assertEquals("./quorumsim run pbft-normal --set duration=200ms --set warmup=0s", first.text());
        assertTrue(first.expected().contains("quorum           3") && first.expected().contains("safety       holds"), first.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyCommandInTheManualPrintsWhatTheManualSays() throws IOException {
        List<Command> commands = commands(Files.readAllLines(MANUAL));
        assertTrue(commands.size() >= 10, "commands: " + commands.size());
        return commands.stream().map(c -> DynamicTest.dynamicTest("CLASSROOM.md:" + c.line() + " " + c.text(), () -> run(c)));
    }

    private static void run(Command c) {
        List<String> args = new ArrayList<>(Arrays.asList(c.text().split("\\s+")));
        assertEquals("./quorumsim", args.remove(0), "line " + c.line() + ": a manual command starts with ./quorumsim");
        for (int i = 0; i < args.size(); i++) {
            if (Files.exists(ROOT.resolve(args.get(i))) && args.get(i).contains("/")) {
                args.set(i, ROOT.resolve(args.get(i)).toString());          // a file shipped in the repository
            }
        }
        boolean writes = List.of("run", "sweep", "reproduce").contains(args.get(0));
        if (writes && !args.contains("--out")) {
            args.add("--out");
            args.add(out.resolve("line-" + c.line()).toString());
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = Main.execute(new PrintWriter(stdout), new PrintWriter(stderr), args.toArray(String[]::new));
        String printed = stdout + "\n" + stderr;
        assertEquals(c.exitCode(), code, "CLASSROOM.md:" + c.line() + " exit code\n" + printed);
        for (String expected : c.expected()) {
            assertTrue(printed.contains(expected), "CLASSROOM.md:" + c.line() + " should print '" + expected + "'; it printed:\n" + printed);
        }
    }
}
