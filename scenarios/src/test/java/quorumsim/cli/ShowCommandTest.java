package quorumsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quorumsim.scenario.Catalogue;

/** {@code quorumsim show}: a built-in's YAML is a file one can run and edit. */
class ShowCommandTest {
    @TempDir
    Path dir;

    @Test
    void showPrintsTheBuiltInsYamlWhichValidatesAsAFile() throws Exception {
        CliTest.Outcome o = CliTest.cli("show", "pbft-normal");
        assertEquals(0, o.code(), o.err());
        assertEquals(Catalogue.text("pbft-normal"), o.out());
        Path mine = dir.resolve("my.yaml");
        Files.writeString(mine, o.out());
        CliTest.Outcome valid = CliTest.cli("validate", mine.toString());
        assertEquals(0, valid.code(), valid.err());
    }

    @Test
    void anUnknownNameIsOneLineExitTwoWithDidYouMean() {
        CliTest.Outcome o = CliTest.cli("show", "pbft-normel");
        assertEquals(2, o.code());
        assertEquals("", o.out());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        assertTrue(o.err().contains("did you mean 'pbft-normal'?"), o.err());
        assertEquals("quorumsim: no built-in scenario 'nothing-like-it'. See 'quorumsim list'.",
                CliTest.cli("show", "nothing-like-it").err().strip());
    }

    @Test
    void completionPrintsAScriptNamingEveryCommand() {
        CliTest.Outcome o = CliTest.cli("completion");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("complete -F"), "a bash completion script");
        for (String command : new String[] {"run", "sweep", "reproduce", "list", "show", "validate", "bench"}) {
            assertTrue(o.out().contains(command), command);
        }
        assertTrue(o.out().contains("--vary") && o.out().contains("--seed"), "options complete too");
    }
}
