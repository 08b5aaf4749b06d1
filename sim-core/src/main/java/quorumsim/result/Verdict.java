package quorumsim.result;

import java.util.List;

/**
 * A checker's answer. {@code detail} says in one line what was checked, or why it failed.
 */
public record Verdict(boolean holds, List<Violation> violations, String detail) {
    public Verdict {
        violations = List.copyOf(violations);
    }

    public static Verdict ok(String detail) {
        return new Verdict(true, List.of(), detail);
    }

    public static Verdict of(List<Violation> violations, String whatWasChecked) {
        return violations.isEmpty() ? ok(whatWasChecked)
                : new Verdict(false, violations, violations.size() + " violation(s); first: " + violations.get(0).detail());
    }

    /** Both verdicts together: holds only if both hold. */
    public Verdict and(Verdict other) {
        if (holds && other.holds) {
            return ok(detail + "; " + other.detail);
        }
        java.util.ArrayList<Violation> all = new java.util.ArrayList<>(violations);
        all.addAll(other.violations);
        all.sort(java.util.Comparator.comparingDouble(Violation::time));
        return new Verdict(false, all, all.size() + " violation(s); first: " + all.get(0).detail());
    }
}
