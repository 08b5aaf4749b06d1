package quorumsim.zab.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import quorumsim.zab.Vote;
import quorumsim.zab.Zxid;

/** Fast leader election's order of candidates: the later epoch, then the later zxid, then the higher server id. */
class VoteOrderTest {
    @Test
    void aLaterEpochBeatsAnyZxidAndId() {
        Vote later = new Vote(0, Zxid.of(2, 1), 2);
        Vote earlier = new Vote(4, Zxid.of(1, 900), 1);
        assertTrue(later.beats(earlier));
        assertFalse(earlier.beats(later));
    }

    @Test
    void inOneEpochTheLaterZxidBeatsAHigherId() {
        Vote longer = new Vote(0, Zxid.of(1, 6), 1);
        Vote shorter = new Vote(4, Zxid.of(1, 5), 1);
        assertTrue(longer.beats(shorter));
        assertFalse(shorter.beats(longer));
    }

    @Test
    void withEqualHistoriesTheHigherIdWinsAndNoVoteBeatsItself() {
        Vote high = new Vote(3, Zxid.of(1, 5), 1);
        Vote low = new Vote(2, Zxid.of(1, 5), 1);
        assertTrue(high.beats(low));
        assertFalse(low.beats(high));
        assertFalse(high.beats(high), "a tie is no better candidate");
    }
}
