package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/** Safety: correct replicas' states match at every checkpoint they take. */
public final class CheckpointChecker {
    private CheckpointChecker() {
    }

    public static Verdict check(RunRecord run) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<Long, TreeMap<Integer, RunRecord.Snapshot>> e : run.checkpoints.entrySet()) {
            int firstReplica = -1;
            RunRecord.Snapshot first = null;
            for (Map.Entry<Integer, RunRecord.Snapshot> x : e.getValue().entrySet()) {
                if (!run.isCorrect(x.getKey())) {
                    continue;
                }
                if (firstReplica < 0) {
                    firstReplica = x.getKey();
                    first = x.getValue();
                } else if (x.getValue().stateDigest() != first.stateDigest()) {
                    violations.add(new Violation("checkpoint", String.format("checkpoint at seq %d: %s has state %s but %s has %s",
                            e.getKey(), run.name(firstReplica), RunRecord.hex(first.stateDigest()), run.name(x.getKey()),
                            RunRecord.hex(x.getValue().stateDigest())), RunRecord.seconds(x.getValue().timeNanos())));
                    break;
                }
            }
        }
        return Verdict.of(violations, "checkpoints: " + run.checkpoints.size() + " checkpoints match across correct replicas");
    }
}
