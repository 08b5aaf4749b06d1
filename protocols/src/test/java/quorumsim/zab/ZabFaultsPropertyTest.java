package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.result.Verdict;

/**
 * Over 200 seeds, crashes, partitions and delays that hit a minority of the servers: every
 * checker holds, and once the faults heal the service answers every call again.
 */
class ZabFaultsPropertyTest {
    static final long FAULTS_FROM = 60_000_000L;
    static final long HEALED_BY = 260_000_000L;
    static final long END = 560_000_000L;
    static final long BOUND = 250_000_000L;

    /** A random schedule of faults on at most f servers, all healed or recovered by {@link #HEALED_BY}. */
    static List<String> scheduleFaults(ZabRun run, int servers, SplittableRandom random) {
        List<String> log = new ArrayList<>();
        int f = (servers - 1) / 2;
        int victims = 1 + random.nextInt(f);
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < servers; i++) {
            pool.add(i);
        }
        for (int v = 0; v < victims; v++) {
            long at = FAULTS_FROM + random.nextLong(120_000_000L);
            long until = Math.min(HEALED_BY, at + 20_000_000L + random.nextLong(100_000_000L));
            int kind = random.nextInt(6);
            if (kind == 5) {                                             // cut f servers off from the rest
                int[] minority = new int[f];
                int[] majority = new int[servers - f];
                int first = random.nextInt(servers);
                for (int i = 0, a = 0, b = 0; i < servers; i++) {
                    if ((i - first + servers) % servers < f) {
                        minority[a++] = i;
                    } else {
                        majority[b++] = i;
                    }
                }
                run.sim().scheduleFault(at, new Fault.Partition(new int[][] {minority, majority}));
                run.sim().scheduleFault(until, new Fault.Heal());
                log.add("partition " + java.util.Arrays.toString(minority) + "@" + at / 1_000_000 + "-" + until / 1_000_000);
                break;
            }
            Target target;
            if (kind == 4 && v == 0) {
                target = new Target.Role("leader");
            } else {
                target = Target.of(pool.remove(random.nextInt(pool.size())));
            }
            switch (kind) {
                case 0, 4 -> {
                    run.sim().scheduleFault(at, new Fault.Crash(target));
                    run.sim().scheduleFault(until, new Fault.Recover(new Target.All()));
                }
                case 1 -> {
                    run.sim().scheduleFault(at, new Fault.Isolate(target));
                    run.sim().scheduleFault(until, new Fault.Heal());
                }
                case 2 -> {
                    run.sim().scheduleFault(at, new Fault.Pause(target));
                    run.sim().scheduleFault(until, new Fault.Resume(target));
                }
                default -> run.sim().scheduleFault(at, new Fault.DelaySpike(target, 5_000_000L + random.nextLong(30_000_000L), until - at));
            }
            log.add(kind + "@" + at / 1_000_000 + "-" + until / 1_000_000 + " " + target);
        }
        return log;
    }

    @Test
    void everyCheckerHoldsAndServiceRecoversUnderMinorityFaults() {
        int failures = 0;
        int leaderChanges = 0;
        StringBuilder report = new StringBuilder();
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 7919);
            int servers = random.nextBoolean() ? 3 : 5;
            ZabConfig config = ZabRun.quick(servers, 3);
            ZabRun run = ZabRun.of(seed, config);
            List<String> faults = scheduleFaults(run, servers, random);
            run.run(END);
            leaderChanges += run.zab().leaderChanges();
            Verdict safety = run.zab().safety();
            Verdict liveness = run.zab().liveness(HEALED_BY, BOUND, END);
            if (!safety.holds() || !liveness.holds()) {
                failures++;
                report.append("seed ").append(seed).append(" n=").append(servers).append(' ').append(faults).append(": ")
                        .append(safety.holds() ? "" : safety.detail()).append(' ').append(liveness.holds() ? "" : liveness.detail()).append('\n');
            }
        }
        assertTrue(failures == 0, failures + " of 200 seeds failed:\n" + report);
        assertTrue(leaderChanges >= 20, "the faults should have forced leader changes, saw " + leaderChanges);
    }
}
