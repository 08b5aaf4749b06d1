package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.kv.Workload;

/**
 * Everything a PBFT run is parameterised by. Immutable; start from {@link #defaults()} and
 * change with the {@code withX} methods. {@link #withF} also resets n to 3f+1 and the
 * quorum to 2f+1; {@link #withN} resets the quorum to {@link Quorums#intersecting} for the
 * new n; call {@link #withQuorum} last to experiment.
 *
 * @param f                       faults tolerated
 * @param n                       replicas (at least 3f+1 unless unsafe)
 * @param quorum                  certificate size (at least ceil((n+f+1)/2), which is 2f+1 when
 *                                n = 3f+1, unless unsafe); prepared needs quorum-1 prepares from
 *                                backups, committed quorum commits
 * @param unsafe                  allow n and quorum outside PBFT's assumptions
 * @param checkpointInterval      K: a checkpoint every K sequence numbers (paper: 128)
 * @param logWindow               L: high water mark H = h + L (paper: 256; must exceed K)
 * @param viewChangeTimeoutNanos  first view-change timeout; doubles per failed view change
 * @param batchSize               requests per pre-prepare at most; 1 disables batching
 * @param batchWindowNanos        how long the primary waits to fill a batch
 * @param authentication          MAC authenticators (default; VIEW-CHANGE and NEW-VIEW are
 *                                still signed) or signatures on every message
 * @param tentativeExecution      execute when prepared; clients wait for a quorum of replies
 * @param readOnlyOptimization    reads go to all replicas, executed at once; quorum of replies
 * @param variant                 "standard", or "skip-commit" (executes when prepared and
 *                                never commits: unsafe across view changes, for teaching)
 * @param workload                the clients
 * @param costs                   CPU costs
 * @param digestReplies           one designated replica sends each result, the others its digest
 *                                (TOCS'02 section 5.1.1; the implementation's default)
 * @param proactiveRecovery       replicas reboot on a schedule (BFT-PR), or null for never
 * @param nondeterminism          whether writes carry a replica-chosen value and how it is chosen
 * @param logToDisk               a replica writes its log and checkpoints to its disk before it
 *                                sends a PREPARE or a COMMIT
 */
public record PbftConfig(int f, int n, int quorum, boolean unsafe, int checkpointInterval, int logWindow,
                         long viewChangeTimeoutNanos, int batchSize, long batchWindowNanos,
                         Authentication authentication, boolean tentativeExecution, boolean readOnlyOptimization,
                         String variant, Workload workload, PbftCosts costs, boolean digestReplies,
                         ProactiveRecovery proactiveRecovery, Nondeterminism nondeterminism, boolean logToDisk) {

    public enum Authentication { MAC, SIGNATURE }

    public static final String STANDARD = "standard";
    public static final String SKIP_COMMIT = "skip-commit";

    /** f = 1 (4 replicas, quorum 3), K = 128, L = 256, 100 ms view-change timeout, no batching, MACs, digest replies. */
    public static PbftConfig defaults() {
        return new PbftConfig(1, 4, 3, false, 128, 256, 100_000_000L, 1, 1_000_000L, Authentication.MAC,
                false, false, STANDARD, Workload.defaults(), PbftCosts.defaults(), true, null, Nondeterminism.NONE, false);
    }

    public PbftConfig withF(int newF) {
        return new PbftConfig(newF, 3 * newF + 1, Quorums.intersecting(3 * newF + 1, newF), unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    /** n replicas, with the smallest quorum that keeps any two quorums sharing a correct replica. */
    public PbftConfig withN(int newN) {
        return new PbftConfig(f, newN, Quorums.intersecting(newN, f), unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withQuorum(int q) {
        return new PbftConfig(f, n, q, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withUnsafe(boolean u) {
        return new PbftConfig(f, n, quorum, u, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withCheckpointInterval(int k) {
        return new PbftConfig(f, n, quorum, unsafe, k, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withLogWindow(int l) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, l, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withViewChangeTimeoutNanos(long t) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, t,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withBatching(int size, long windowNanos) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                size, windowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withAuthentication(Authentication a) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, a, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withTentativeExecution(boolean t) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, t, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withReadOnlyOptimization(boolean r) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, r, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withVariant(String v) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, v, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withWorkload(Workload w) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, w, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withCosts(PbftCosts c) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, c, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withDigestReplies(boolean d) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, d, proactiveRecovery, nondeterminism, logToDisk);
    }

    public PbftConfig withProactiveRecovery(ProactiveRecovery r) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies,
                r, nondeterminism, logToDisk);
    }

    public PbftConfig withNondeterminism(Nondeterminism nd) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies,
                proactiveRecovery, nd, logToDisk);
    }

    public PbftConfig withLogToDisk(boolean disk) {
        return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos,
                batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies,
                proactiveRecovery, nondeterminism, disk);
    }

    public boolean skipsCommit() {
        return SKIP_COMMIT.equals(variant);
    }

    /** Every problem with this configuration, one line each; empty when it can run. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (f < 0) {
            problems.add("f = " + f + " must not be negative");
        }
        if (n < 1) {
            problems.add("n = " + n + " must be at least 1");
        }
        if (n < 3 * f + 1 && !unsafe) {
            problems.add("n = " + n + " is below 3f+1 = " + (3 * f + 1) + "; set unsafe: true to run it anyway");
        }
        int intersecting = Quorums.intersecting(n, f);
        if (quorum < intersecting && !unsafe) {
            problems.add("quorum = " + quorum + " is below ceil((n+f+1)/2) = " + intersecting + " for n = " + n + ", f = " + f
                    + ": two quorums could share no correct replica; set unsafe: true to run it anyway");
        }
        if (quorum < 1 || quorum > n) {
            problems.add("quorum = " + quorum + " must be within 1..n = " + n);
        }
        if (checkpointInterval < 1) {
            problems.add("checkpointInterval = " + checkpointInterval + " must be at least 1");
        }
        if (logWindow <= checkpointInterval) {
            problems.add("logWindow L = " + logWindow + " must exceed checkpointInterval K = " + checkpointInterval
                    + ", or the primary stops at the high water mark for good");
        }
        if (viewChangeTimeoutNanos <= 0) {
            problems.add("viewChangeTimeout must be positive");
        }
        if (batchSize < 1) {
            problems.add("batchSize = " + batchSize + " must be at least 1");
        }
        if (batchWindowNanos < 0) {
            problems.add("batchWindow must not be negative");
        }
        if (authentication == null) {
            problems.add("authentication must be MAC or SIGNATURE");
        }
        if (!STANDARD.equals(variant) && !SKIP_COMMIT.equals(variant)) {
            problems.add("variant '" + variant + "' is unknown; use standard or skip-commit");
        }
        if (SKIP_COMMIT.equals(variant) && !unsafe) {
            problems.add("variant skip-commit is unsafe across view changes; set unsafe: true to run it anyway");
        }
        if (workload == null) {
            problems.add("workload is required");
        } else {
            problems.addAll(workload.validate());
        }
        if (proactiveRecovery != null) {
            problems.addAll(proactiveRecovery.validate());
        }
        if (nondeterminism == null) {
            problems.add("nondeterminism must be none, naive or agreed");
        }
        if (costs == null) {
            problems.add("costs are required");
        } else {
            problems.addAll(costs.validate());
        }
        return problems;
    }
}
