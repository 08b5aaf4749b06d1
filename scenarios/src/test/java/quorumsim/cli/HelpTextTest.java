package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The help a new user reads first, through the real command line. */
class HelpTextTest {
    private static CliTest.Outcome cli(String... args) {
        return CliTest.cli(args);
    }

    @Test
    void everyCommandSummaryIsOneWholeSentence() {
        String help = cli("--help").out();
        String commands = help.substring(help.indexOf("Commands:"), help.indexOf("Exit codes"));
        List<String> rows = commands.lines().skip(1).filter(l -> !l.isBlank()).toList();
        for (String row : rows) {
            assertTrue(row.matches("  [a-z]+ +[A-Z].*\\.$"), "a summary on one line, ending a sentence: '" + row + "'");
        }
        assertTrue(rows.size() >= 8, commands);
    }

    @Test
    void topLevelHelpListsEveryExitCodeIncludingThree() {
        String help = cli("--help").out();
        for (String code : new String[] {"  0  ", "  1  ", "  2  ", "  3  "}) {
            assertTrue(help.contains(code), "exit code" + code + "missing:\n" + help);
        }
        String codes = help.substring(help.indexOf("Exit codes:\n") + "Exit codes:\n".length(), help.indexOf("\n\n", help.indexOf("Exit codes:")));
        assertEquals(4, codes.lines().count(), "one unbroken line per exit code:\n" + codes);
    }

    @Test
    void everyCommandAnswersVersion() {
        for (String command : new String[] {"run", "sweep", "reproduce", "list", "show", "validate", "bench", "completion"}) {
            CliTest.Outcome o = cli(command, "--version");
            assertEquals(0, o.code(), command);
            assertTrue(o.out().startsWith("quorumsim "), command + " --version printed: '" + o.out() + "'");
        }
    }

    @Test
    void sweepHelpHasNoFormatWarning() {
        CliTest.Outcome o = cli("sweep", "--help");
        assertEquals(0, o.code());
        assertFalse(o.err().contains("WARN") || o.out().contains("WARN"), o.err() + o.out());
        assertTrue(o.out().contains("95% confidence interval"), o.out());
    }

    @Test
    void anUnknownCommandIsBadUsageEvenWithHelp() {
        for (String[] args : new String[][] {{"nosuch", "--help"}, {"nosuch"}, {"--debug", "nosuch", "-h"}}) {
            CliTest.Outcome o = cli(args);
            assertEquals(2, o.code(), String.join(" ", args));
            assertEquals("", o.out(), "no help printed for " + String.join(" ", args));
            assertEquals(1, o.err().strip().lines().count(), o.err());
            assertTrue(o.err().startsWith("quorumsim: unknown command 'nosuch'. Commands: run, sweep"), o.err());
        }
        assertTrue(cli("swep", "--help").err().contains("did you mean 'sweep'?"));
    }

    @Test
    void helpOfAKnownCommandStillWorks() {
        CliTest.Outcome o = cli("help", "run");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("--trace"), o.out());
    }
}
