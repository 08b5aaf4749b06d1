package quorumsim.viewer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.viewer.RecordText.Rec;

/** A record's toString reads back into its fields, nested records and lists included. */
class RecordTextTest {
    @Test
    void nestedRecordsListsAndScalarsWithSpacesReadBack() {
        Rec pp = RecordText.record("PrePrepare[view=0, seq=1, digest=-4900042525721773125, batch=[Request[client=9, stream=0,"
                + " timestamp=1, op=increment k91 8, readOnly=false]], replica=0, auth=Auth[signature=MAC(0), sizeBytes=30]]");
        assertEquals("PrePrepare", pp.name());
        assertEquals(1, pp.number("seq", -1));
        assertEquals(-4900042525721773125L, pp.number("digest", 0));
        Rec request = (Rec) pp.list("batch").get(0);
        assertEquals("increment k91 8", request.text("op"));
        assertEquals("MAC(0)", pp.rec("auth").text("signature"));
    }

    @Test
    void listsOfScalarsSplitAtEachComma() {
        Rec ping = RecordText.record("FollowerPing[epoch=2, touchedSessions=[11, 12, 13]]");
        assertEquals(List.of("11", "12", "13"), ping.list("touchedSessions"));
        assertEquals(List.of(), RecordText.record("NewView[view=1, viewChanges=[], replica=1]").list("viewChanges"));
    }

    @Test
    void textThatIsNoRecordStaysText() {
        assertNull(RecordText.record("connection to s1 lost"));
        assertEquals("crash", RecordText.parse("crash"));
    }

    @Test
    void displayDropsAuthenticatorsAndShortensDigests() {
        assertEquals("Prepare[view=0, seq=1, digest=#bbbb, replica=2]",
                Display.of("Prepare[view=0, seq=1, digest=-4900042525721773125, replica=2, auth=Auth[signature=MAC(2), sizeBytes=30]]"));
    }
}
