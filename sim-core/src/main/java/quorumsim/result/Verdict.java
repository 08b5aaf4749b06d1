package quorumsim.result;

import java.util.List;

/**
 * A checker's answer. {@code detail} says in one line what was checked, or why it failed.
 * {@code judged} is false when the run gave the checker nothing to judge (a liveness bound
 * longer than what is left of the run after the last fault): the property then holds only
 * vacuously, and the summary says so instead of "holds".
 */
public record Verdict(boolean holds, List<Violation> violations, String detail, boolean judged) {
    public Verdict {
        violations = List.copyOf(violations);
        if (!judged && !holds) {
            throw new IllegalArgumentException("a verdict that judged nothing cannot be a violation");
        }
    }

    public Verdict(boolean holds, List<Violation> violations, String detail) {
        this(holds, violations, detail, true);
    }

    public static Verdict ok(String detail) {
        return new Verdict(true, List.of(), detail);
    }

    /** Nothing was there to judge; {@code why} says what would have been. */
    public static Verdict notJudged(String why) {
        return new Verdict(true, List.of(), why, false);
    }

    public static Verdict of(List<Violation> violations, String whatWasChecked) {
        return violations.isEmpty() ? ok(whatWasChecked)
                : new Verdict(false, violations, violations.size() + " violation(s); first: " + violations.get(0).detail());
    }

    /** Both verdicts together: holds only if both hold. */
    public Verdict and(Verdict other) {
        if (holds && other.holds) {
            return new Verdict(true, List.of(), detail + "; " + other.detail, judged || other.judged);
        }
        java.util.ArrayList<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(other.violations);
        all.sort(java.util.Comparator.comparingDouble(Violation::time));
        return new Verdict(false, all, all.size() + " violation(s); first: " + all.get(0).detail());
    }
}
