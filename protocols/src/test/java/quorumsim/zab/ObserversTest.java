package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.zab.tree.Code;

/**
 * Observers (ZooKeeper 3.3): members 3 and 4 beside voters 0..2 take every committed write from
 * the leader (INFORM) and serve clients, but count for no quorum, neither in an election nor for
 * a commit.
 */
class ObserversTest {
    static final long MS = 1_000_000L;
    static final ZabConfig THREE_AND_TWO = ZabRun.quick(3, 5).toBuilder().observers(2).build();

    private record Seen(TreeSet<Integer> appliedBy, TreeSet<Integer> answeredBy, List<long[]> leading, List<Long> writesAnswered) {
    }

    private static Seen watch(ZabRun run) {
        Seen seen = new Seen(new TreeSet<>(), new TreeSet<>(), new ArrayList<>(), new ArrayList<>());
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.Applied a) {
                seen.appliedBy().add(a.server());
            } else if (e instanceof Observations.Answer a && a.result().code() != Code.CONNECTION_LOSS) {
                seen.answeredBy().add(a.server());
                if (a.op().kind().isWrite() && a.result().code() == Code.OK) {
                    seen.writesAnswered().add(t);
                }
            } else if (e instanceof Observations.Leading l) {
                seen.leading().add(new long[] {t, l.server()});
            }
        });
        return seen;
    }

    @Test
    void observersApplyEveryWriteAndServeClientsButNeverLead() {
        ZabRun run = ZabRun.of(1, THREE_AND_TWO);
        Seen seen = watch(run);
        run.sim().scheduleFault(300 * MS, 400 * MS, new Fault.Crash(new Target.Role("leader")));
        run.run(1_000 * MS);
        assertTrue(seen.appliedBy().containsAll(List.of(3, 4)), "observers apply the committed writes: " + seen.appliedBy());
        assertTrue(seen.answeredBy().containsAll(List.of(3, 4)), "and answer clients: " + seen.answeredBy());
        assertTrue(seen.leading().size() >= 2, "a second election after the leader's crash");
        assertTrue(seen.leading().stream().allMatch(l -> l[1] < 3), "only voters lead");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        assertTrue(run.zab().liveness(400 * MS, 300 * MS, 1_000 * MS).holds(), run.zab().liveness(400 * MS, 300 * MS, 1_000 * MS).detail());
    }

    @Test
    void twoVotersOfThreeGoneStopWritesThoughThreeOfFiveMembersRemain() {
        ZabRun run = ZabRun.of(1, THREE_AND_TWO);
        Seen seen = watch(run);
        run.sim().scheduleFault(300 * MS, new Fault.PowerOff(Target.of(1)));
        run.sim().scheduleFault(300 * MS, new Fault.PowerOff(Target.of(2)));
        run.run(1_500 * MS);
        assertTrue(seen.writesAnswered().stream().anyMatch(t -> t < 300 * MS), "writes before");
        assertEquals(List.of(), seen.writesAnswered().stream().filter(t -> t > 350 * MS).toList(),
                "s0 with the observers s3 and s4 is a majority of the members but not of the voters: no write commits");
        assertTrue(seen.leading().stream().noneMatch(l -> l[0] > 300 * MS), "and nobody is elected");
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
    }

    @Test
    void theSameSeedGivesTheSameRunWithObserversAndReadOnlyMode() {
        ZabConfig config = THREE_AND_TWO.toBuilder().readOnlyMode(true).build();
        assertEquals(ZabRun.of(4, config).run(600 * MS).sim().digestHex(), ZabRun.of(4, config).run(600 * MS).sim().digestHex());
    }
}
