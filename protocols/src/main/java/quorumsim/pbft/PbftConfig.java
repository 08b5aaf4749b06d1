package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.kv.Workload;

/**
 * Everything a PBFT run is parameterised by. Immutable; start from {@link #defaults()} and
 * change with {@link #toBuilder()}. {@link Builder#tolerating} also resets n to 3f+1 and the
 * quorum to 2f+1; {@link Builder#replicas} resets the quorum to {@link Quorums#intersecting} for
 * the new n; set {@link Builder#quorum} last to experiment.
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

    /** A copy to change several fields at once; {@link Builder#build} makes the record. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one place a PbftConfig is copied with changes: {@code x.toBuilder().field(value)...build()}. */
    public static final class Builder {
        private int f;
        private int n;
        private int quorum;
        private boolean unsafe;
        private int checkpointInterval;
        private int logWindow;
        private long viewChangeTimeoutNanos;
        private int batchSize;
        private long batchWindowNanos;
        private Authentication authentication;
        private boolean tentativeExecution;
        private boolean readOnlyOptimization;
        private String variant;
        private Workload workload;
        private PbftCosts costs;
        private boolean digestReplies;
        private ProactiveRecovery proactiveRecovery;
        private Nondeterminism nondeterminism;
        private boolean logToDisk;

        private Builder(PbftConfig c) {
            this.f = c.f;
            this.n = c.n;
            this.quorum = c.quorum;
            this.unsafe = c.unsafe;
            this.checkpointInterval = c.checkpointInterval;
            this.logWindow = c.logWindow;
            this.viewChangeTimeoutNanos = c.viewChangeTimeoutNanos;
            this.batchSize = c.batchSize;
            this.batchWindowNanos = c.batchWindowNanos;
            this.authentication = c.authentication;
            this.tentativeExecution = c.tentativeExecution;
            this.readOnlyOptimization = c.readOnlyOptimization;
            this.variant = c.variant;
            this.workload = c.workload;
            this.costs = c.costs;
            this.digestReplies = c.digestReplies;
            this.proactiveRecovery = c.proactiveRecovery;
            this.nondeterminism = c.nondeterminism;
            this.logToDisk = c.logToDisk;
        }

        public Builder f(int value) {
            this.f = value;
            return this;
        }

        public Builder n(int value) {
            this.n = value;
            return this;
        }

        public Builder quorum(int value) {
            this.quorum = value;
            return this;
        }

        /** f, with n = 3f+1 replicas and the quorum 2f+1 (PBFT's sizes); set n or the quorum after it to experiment. */
        public Builder tolerating(int faults) {
            return f(faults).replicas(3 * faults + 1);
        }

        /** n replicas, with the smallest quorum that keeps any two quorums sharing a correct replica (for the f set so far). */
        public Builder replicas(int replicas) {
            return n(replicas).quorum(Quorums.intersecting(replicas, f));
        }

        public Builder unsafe(boolean value) {
            this.unsafe = value;
            return this;
        }

        public Builder checkpointInterval(int value) {
            this.checkpointInterval = value;
            return this;
        }

        public Builder logWindow(int value) {
            this.logWindow = value;
            return this;
        }

        public Builder viewChangeTimeoutNanos(long value) {
            this.viewChangeTimeoutNanos = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder batchWindowNanos(long value) {
            this.batchWindowNanos = value;
            return this;
        }

        public Builder authentication(Authentication value) {
            this.authentication = value;
            return this;
        }

        public Builder tentativeExecution(boolean value) {
            this.tentativeExecution = value;
            return this;
        }

        public Builder readOnlyOptimization(boolean value) {
            this.readOnlyOptimization = value;
            return this;
        }

        public Builder variant(String value) {
            this.variant = value;
            return this;
        }

        public Builder workload(Workload value) {
            this.workload = value;
            return this;
        }

        public Builder costs(PbftCosts value) {
            this.costs = value;
            return this;
        }

        public Builder digestReplies(boolean value) {
            this.digestReplies = value;
            return this;
        }

        public Builder proactiveRecovery(ProactiveRecovery value) {
            this.proactiveRecovery = value;
            return this;
        }

        public Builder nondeterminism(Nondeterminism value) {
            this.nondeterminism = value;
            return this;
        }

        public Builder logToDisk(boolean value) {
            this.logToDisk = value;
            return this;
        }

        public PbftConfig build() {
            return new PbftConfig(f, n, quorum, unsafe, checkpointInterval, logWindow, viewChangeTimeoutNanos, batchSize, batchWindowNanos, authentication, tentativeExecution, readOnlyOptimization, variant, workload, costs, digestReplies, proactiveRecovery, nondeterminism, logToDisk);
        }
    }
}
