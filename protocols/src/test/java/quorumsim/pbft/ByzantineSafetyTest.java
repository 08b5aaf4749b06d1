package quorumsim.pbft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import quorumsim.kv.Workload;
import quorumsim.result.Verdict;

/**
 * PBFT's promise: with at most f Byzantine replicas, whatever they do, correct replicas agree,
 * clients get the results of one sequential order, and (the network being synchronous here)
 * every request is answered. Each behaviour, on f replicas chosen by the seed, over 207 seeds.
 */
class ByzantineSafetyTest {
    private static final String[] BEHAVIOURS = {"silent", "equivocate", "drop-requests", "slow", "wrong-reply", "corrupt",
        "replay", "view-change-spam", "collude"};
    private static final long RUN_NANOS = 300_000_000L;
    private static final long BOUND_NANOS = 150_000_000L;

    static PbftConfig shortRuns(int f) {
        return PbftConfig.defaults().toBuilder().tolerating(f).viewChangeTimeoutNanos(10_000_000L)
                .workload(Workload.defaults().toBuilder().clients(2).clientRetryNanos(5_000_000L).readRatio(0.2).build()).build();
    }

    /** f replicas chosen by the seed (the primary half of the time) turn Byzantine at a time the seed picks. */
    static PbftRun scenario(int f, String behaviour, long seed, TreeSet<Integer> faulty) {
        PbftConfig config = shortRuns(f);
        PbftRun run = PbftRun.of(seed * 1000 + f, config);
        SplittableRandom pick = new SplittableRandom(seed);
        faulty.add(seed % 2 == 0 ? 0 : pick.nextInt(config.n()));
        while (faulty.size() < f) {
            faulty.add(pick.nextInt(config.n()));
        }
        long from = 5_000_000L + pick.nextLong(20_000_000L);
        for (int replica : faulty) {
            run.byzantine(replica, behaviour, from);
        }
        return run;
    }

    @ParameterizedTest(name = "f = {0}, {1} seeds per behaviour")
    @CsvSource({"1, 12", "2, 6", "3, 5"})
    void upToFByzantineReplicasCannotBreakSafetyOrLiveness(int f, int seeds) {
        List<String> failures = new ArrayList<>();
        int runs = 0;
        for (String behaviour : BEHAVIOURS) {
            for (long seed = 1; seed <= seeds; seed++) {
                TreeSet<Integer> faulty = new TreeSet<>();
                PbftRun run = scenario(f, behaviour, seed, faulty);
                run.run(RUN_NANOS);
                runs++;
                Verdict safety = run.safety();
                Verdict liveness = run.liveness(0, BOUND_NANOS);
                if (!safety.holds() || !liveness.holds() || run.completed() == 0) {
                    failures.add(behaviour + " on " + faulty + " seed " + (seed * 1000 + f) + ": "
                            + (safety.holds() ? liveness.detail() : safety.detail()));
                }
            }
        }
        assertTrue(failures.isEmpty(), runs + " runs, failures:\n" + String.join("\n", failures));
    }
}
