package quorumsim.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import quorumsim.cli.Main;

/** {@code quorumsim reproduce} as a user meets it when they mistype. */
class ReproduceCommandTest {
    @Test
    void unknownReproductionIsBadUsage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), "reproduce", "zk-tabel");
        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown reproduction 'zk-tabel'") && err.toString().contains("zk-table, zk-read-mix, zk-create, zk-broadcast, zk-failures"),
                err.toString());
    }

    @Test
    void helpNamesEveryReproduction() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "reproduce", "--help");
        assertEquals(0, code);
        for (String name : java.util.List.of("zk-table", "zk-read-mix", "zk-create", "zk-broadcast", "zk-failures")) {
            assertTrue(out.toString().contains(name), name + " missing from " + out);
        }
    }
}
