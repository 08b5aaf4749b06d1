package quorumsim.pbft.check;

import quorumsim.result.Verdict;

/**
 * Safety: no two correct replicas execute different requests at the same sequence number.
 * The comparison happens as executions are observed ({@link RunRecord}); this reports it.
 */
public final class AgreementChecker {
    private AgreementChecker() {
    }

    public static Verdict check(RunRecord run) {
        return Verdict.of(run.agreementViolations, "agreement: " + run.agreedSeqs() + " sequence numbers, "
                + run.executionsCompared() + " executions by other correct replicas agree");
    }
}
