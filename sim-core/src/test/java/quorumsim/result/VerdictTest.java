package quorumsim.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTest {
    private static final Violation LATE = new Violation("liveness", "c0 answered late", 1.0);

    @Test
    void aVerdictThatJudgedNothingHoldsOnlyVacuouslyAndSaysSo() {
        Verdict nothing = Verdict.notJudged("the run is shorter than the bound");
        assertTrue(nothing.holds());
        assertFalse(nothing.judged());
        assertTrue(Verdict.ok("checked").judged());
        assertThrows(IllegalArgumentException.class, () -> new Verdict(false, List.of(LATE), "late", false));
    }

    @Test
    void togetherTheyAreJudgedIfEitherWasAndHoldOnlyIfBothDo() {
        Verdict nothing = Verdict.notJudged("nothing");
        assertTrue(nothing.and(Verdict.ok("checked")).judged());
        assertFalse(nothing.and(Verdict.notJudged("nothing either")).judged());
        Verdict both = nothing.and(Verdict.of(List.of(LATE), "answers"));
        assertFalse(both.holds());
        assertEquals(List.of(LATE), both.violations());
    }
}
