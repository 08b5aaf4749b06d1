package quorumsim.pbft.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import quorumsim.result.Verdict;
import quorumsim.result.Violation;

/** Safety: no two correct replicas execute different requests at the same sequence number. */
public final class AgreementChecker {
    private AgreementChecker() {
    }

    public static Verdict check(RunRecord run) {
        List<Violation> violations = new ArrayList<>();
        long checked = 0;
        for (Map.Entry<Long, TreeMap<Integer, RunRecord.Execution>> e : run.executions.entrySet()) {
            int firstReplica = -1;
            RunRecord.Execution first = null;
            for (Map.Entry<Integer, RunRecord.Execution> x : e.getValue().entrySet()) {
                if (!run.isCorrect(x.getKey())) {
                    continue;
                }
                if (first == null) {
                    first = x.getValue();
                    firstReplica = x.getKey();
                    checked++;
                } else if (x.getValue().digest() != first.digest()) {
                    RunRecord.Execution other = x.getValue();
                    long time = Math.max(first.timeNanos(), other.timeNanos());
                    violations.add(new Violation("agreement", String.format(
                            "seq %d: %s executed digest %s (view %d, %d requests) at %.6fs but %s executed digest %s (view %d, %d requests) at %.6fs",
                            e.getKey(), run.name(firstReplica), RunRecord.hex(first.digest()), first.view(), first.batch().size(),
                            RunRecord.seconds(first.timeNanos()), run.name(x.getKey()), RunRecord.hex(other.digest()), other.view(),
                            other.batch().size(), RunRecord.seconds(other.timeNanos())), RunRecord.seconds(time)));
                    break;
                }
            }
        }
        return Verdict.of(violations, "agreement: " + checked + " sequence numbers executed by correct replicas agree");
    }
}
