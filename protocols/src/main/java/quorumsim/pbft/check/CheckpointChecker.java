package quorumsim.pbft.check;

import quorumsim.result.Verdict;

/** Safety: correct replicas' states match at every checkpoint (compared as they are taken, in {@link RunRecord}). */
public final class CheckpointChecker {
    private CheckpointChecker() {
    }

    public static Verdict check(RunRecord run) {
        return Verdict.of(run.checkpointViolations, "checkpoints: " + run.checkpointSeqs() + " checkpoints, "
                + run.checkpointsCompared() + " states of other correct replicas match");
    }
}
