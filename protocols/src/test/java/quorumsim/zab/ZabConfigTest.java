package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Simulation;
import quorumsim.zab.deploy.ZabDeployment;

class ZabConfigTest {
    @Test
    void defaultsAreValidAndFollowThePaper() {
        ZabConfig d = ZabConfig.defaults();
        assertTrue(d.validate().isEmpty(), d.validate().toString());
        assertEquals(3, d.servers());
        assertEquals(2, d.quorumSize());
        assertEquals(2_000, d.throttle());
        assertEquals(1_000, d.disk().maxBatchWrites());
        assertEquals(200_000_000L, d.electionFinalizeWaitNanos());
        assertEquals(7, d.toBuilder().tolerating(3).build().servers());
    }

    @Test
    void problemsComeBackAsOneLineEach() {
        List<String> problems = ZabConfig.defaults().toBuilder().servers(5).quorum(2).throttle(0)
                .workload(ZabConfig.defaults().workload().toBuilder().kind("bogus").build()).build().validate();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quorum 2 is below a majority of 5"), problems.get(0));
        assertTrue(problems.get(0).contains("unsafe: true"));
    }

    @Test
    void deployRefusesAnInvalidConfiguration() {
        ZabConfig bad = ZabConfig.defaults().toBuilder().quorum(1).build();
        Simulation sim = new Simulation(1, ZabRun.lan(), ZabDeployment.costModel(bad), 10_000_000L);
        assertThrows(IllegalArgumentException.class, () -> ZabDeployment.deploy(sim, bad));
    }
}
