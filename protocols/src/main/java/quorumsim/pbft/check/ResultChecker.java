package quorumsim.pbft.check;

import quorumsim.result.Verdict;

/**
 * Safety from the clients' side: every result a client accepted is what PBFT promises for
 * the way it was accepted (see {@link ResultLedger}): an ordered result equals what the
 * sequential key-value store returns at its request's place in the agreed order (per
 * sequence number, the batch the correct replicas executed, with the same exactly-once
 * rule); a read-only result is a value its key held at some point of that order. Compared
 * as the run goes; this reports it.
 */
public final class ResultChecker {
    private ResultChecker() {
    }

    public static Verdict check(RunRecord run) {
        return Verdict.of(run.results.violationsAtEnd(), "client results: " + run.results.accepted()
                + " accepted results match a sequential replay of " + run.results.replayedSeqs() + " agreed sequence numbers");
    }
}
