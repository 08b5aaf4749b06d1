package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What a scenario's author is told about each Zab knob: the last value accepted and the first
 * refused, with the one line that names it (and nothing else wrong with the defaults).
 */
class ZabConfigValidationTest {
    private static List<String> problems(UnaryOperator<ZabConfig.Builder> change) {
        return change.apply(ZabConfig.defaults().toBuilder()).build().validate();
    }

    private static List<String> workloadProblems(UnaryOperator<ZabWorkload.Builder> change) {
        ZabConfig d = ZabConfig.defaults();
        return d.toBuilder().workload(change.apply(d.workload().toBuilder()).build()).build().validate();
    }

    @Test
    void serversAtLeastOne() {
        assertEquals(List.of(), problems(b -> b.servers(1)));
        assertEquals(List.of("servers 0 must be at least 1"), problems(b -> b.servers(0)));
    }

    @Test
    void quorumBetweenAMajorityAndTheServers() {
        assertEquals(List.of(), problems(b -> b.servers(5).quorum(3)));
        assertEquals(List.of(), problems(b -> b.servers(5).quorum(5)));
        assertEquals(List.of("quorum 6 must be between 1 and the 5 servers (0 means a majority)"),
                problems(b -> b.servers(5).quorum(6)));
        assertEquals(List.of("quorum -1 must be between 1 and the 5 servers (0 means a majority)"),
                problems(b -> b.servers(5).quorum(-1)));
        assertEquals(List.of("quorum 2 is below a majority of 5 (3); set unsafe: true to run it and see two leaders"
                + " commit conflicting writes"), problems(b -> b.servers(5).quorum(2)));
        assertEquals(List.of(), problems(b -> b.servers(5).quorum(2).unsafe(true)));
    }

    @Test
    void quorumSizeIsTheQuorumOrAMajority() {
        assertEquals(3, ZabConfig.defaults().toBuilder().servers(5).build().quorumSize());
        assertEquals(4, ZabConfig.defaults().toBuilder().servers(5).quorum(4).build().quorumSize());
        assertEquals(4, ZabConfig.defaults().toBuilder().servers(5).quorum(4).build().quorums().size());
    }

    @Test
    void aLeaderThatServesNoOneNeedsAFollower() {
        assertEquals(List.of(), problems(b -> b.servers(2).leaderServes(false)));
        assertEquals(List.of("leaderServes: false needs at least 2 servers, or nobody serves clients"),
                problems(b -> b.servers(1).leaderServes(false)));
        assertEquals(List.of(), problems(b -> b.servers(1).leaderServes(true)));
    }

    @Test
    void throttleAtLeastOne() {
        assertEquals(List.of(), problems(b -> b.throttle(1)));
        assertEquals(List.of("throttle 0 must be at least 1 request in process"), problems(b -> b.throttle(0)));
    }

    @Test
    void tickPositiveAndSessionTimeoutAtLeastTwoTicks() {
        assertEquals(List.of(), problems(b -> b.tickNanos(1).sessionTimeoutNanos(2)));
        assertEquals(List.of("tick must be positive"), problems(b -> b.tickNanos(0)));
        assertEquals(List.of(), problems(b -> b.tickNanos(100).sessionTimeoutNanos(200)));
        assertEquals(List.of("session timeout must be at least 2 ticks, as ZooKeeper requires"),
                problems(b -> b.tickNanos(100).sessionTimeoutNanos(199)));
    }

    @Test
    void syncLimitAtLeastOneTick() {
        assertEquals(List.of(), problems(b -> b.syncLimitTicks(1)));
        assertEquals(List.of("syncLimit 0 must be at least 1 tick"), problems(b -> b.syncLimitTicks(0)));
    }

    @Test
    void electionWaitAndSnapshotThresholdNotNegative() {
        assertEquals(List.of(), problems(b -> b.electionFinalizeWaitNanos(0).snapshotThreshold(0)));
        assertEquals(List.of("election finalize wait must not be negative"), problems(b -> b.electionFinalizeWaitNanos(-1)));
        assertEquals(List.of("snapshot threshold must not be negative"), problems(b -> b.snapshotThreshold(-1)));
    }

    @Test
    void coresAtLeastOne() {
        assertEquals(List.of(), problems(b -> b.cores(1)));
        assertEquals(List.of("a server needs at least 1 core"), problems(b -> b.cores(0)));
    }

    @Test
    void costsAndDiskRequired() {
        assertEquals(List.of("costs are required"), problems(b -> b.costs(null)));
        assertEquals(List.of("disk is required"), problems(b -> b.disk(null)));
    }

    @Test
    void observersZeroToAThousand() {
        assertEquals(List.of(), problems(b -> b.observers(0)));
        assertEquals(List.of(), problems(b -> b.observers(1000)));
        assertEquals(List.of("observers must be 0 to 1000, not -1"), problems(b -> b.observers(-1)));
        assertEquals(List.of("observers must be 0 to 1000, not 1001"), problems(b -> b.observers(1001)));
    }

    @Test
    void workloadKindIsKnown() {
        assertEquals(List.of("workload kind 'bogus' is not one of " + ZabWorkload.KINDS), workloadProblems(w -> w.kind("bogus")));
        assertEquals(List.of("workload kind null is not one of " + ZabWorkload.KINDS), problems(b -> b.workload(null)));
    }

    @Test
    void workloadCountsAndSizes() {
        assertEquals(List.of(), workloadProblems(w -> w.clients(0).outstanding(1).loadStartNanos(0).requestSizeBytes(0)));
        assertEquals(List.of("clients -1 must not be negative"), workloadProblems(w -> w.clients(-1)));
        assertEquals(List.of("outstanding 0 must be at least 1"), workloadProblems(w -> w.outstanding(0)));
        assertEquals(List.of("loadStart must not be negative"), workloadProblems(w -> w.loadStartNanos(-1)));
        assertEquals(List.of("requestSize must not be negative"), workloadProblems(w -> w.requestSizeBytes(-1)));
    }

    @Test
    void workloadRatiosWithinZeroAndOne() {
        assertEquals(List.of(), workloadProblems(w -> w.readRatio(0).syncRatio(0)));
        assertEquals(List.of(), workloadProblems(w -> w.readRatio(1).syncRatio(1)));
        assertEquals(List.of("readRatio -0.1 must be within [0, 1]"), workloadProblems(w -> w.readRatio(-0.1)));
        assertEquals(List.of("readRatio 1.1 must be within [0, 1]"), workloadProblems(w -> w.readRatio(1.1)));
        assertEquals(List.of("readRatio NaN must be within [0, 1]"), workloadProblems(w -> w.readRatio(Double.NaN)));
        assertEquals(List.of("sync -0.1 must be within [0, 1]"), workloadProblems(w -> w.syncRatio(-0.1)));
        assertEquals(List.of("sync 1.1 must be within [0, 1]"), workloadProblems(w -> w.syncRatio(1.1)));
    }

    @Test
    void readNextOnlyForSaturation() {
        assertEquals(List.of(), workloadProblems(w -> w.readNext(true)));
        assertEquals(List.of("readNext is for the saturation workload only, not lock"),
                workloadProblems(w -> w.kind("lock").readNext(true)));
        assertEquals(List.of(), workloadProblems(w -> w.kind("lock")));
    }

    @Test
    void broadcastHasNoClients() {
        assertEquals(List.of(), workloadProblems(w -> w.kind("broadcast").clients(0)));
        assertEquals(List.of("clients must be 0 with workload kind broadcast (the leader generates the transactions), got 10"),
                workloadProblems(w -> w.kind("broadcast")));
    }

    @Test
    void servingMembersLeaveTheFirstLeaderOutWhenItDoesNotServe() {
        ZabConfig serving = ZabConfig.defaults().toBuilder().servers(3).observers(2).build();
        assertEquals(5, serving.servingServers());
        assertEquals(5, serving.members());
        assertEquals(List.of(0, 1, 2, 3, 4), List.of(serving.servingMember(0), serving.servingMember(1),
                serving.servingMember(2), serving.servingMember(3), serving.servingMember(4)));

        ZabConfig notLeader = serving.toBuilder().leaderServes(false).build();
        assertEquals(4, notLeader.servingServers());
        assertEquals(List.of(0, 1, 3, 4), List.of(notLeader.servingMember(0), notLeader.servingMember(1),
                notLeader.servingMember(2), notLeader.servingMember(3)));
        assertEquals(1, ZabConfig.defaults().toBuilder().servers(1).leaderServes(false).build().servingServers());
    }
}
