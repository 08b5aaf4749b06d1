package quorumsim.zab.adversary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.ForwardingContext;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.disk.DiskConfig;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.result.Verdict;
import quorumsim.zab.Messages;
import quorumsim.zab.Observations;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabServer;
import quorumsim.zab.ZabWorkload;
import quorumsim.zab.check.ZabChecks;
import quorumsim.zab.client.SaturationDriver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;

/**
 * Zab's discovery (Junqueira et al., DSN'11, phase 1): a follower accepts NEWEPOCH(e') only if
 * e' is not below the epoch it last accepted, so a leader can never establish an epoch behind
 * one a quorum member already promised to. The adversary replays a stale NEWEPOCH: the first
 * time the leader of epoch 2 sends NEWEPOCH to s0, it sends one for epoch 0 instead (what an
 * old connection could deliver late). s0 accepted epoch 1 when s2 led; it must refuse, look
 * for the leader again, and join epoch 2 when the leader answers its next FOLLOWERINFO.
 *
 * <p>The servers, clients and checkers are built as {@link ZabDeployment} builds them; only s1
 * is wrapped in the replaying adversary, which the deployment's Byzantine wrapper cannot express.
 */
class StaleNewEpochTest {
    private static final int FOLLOWER = 0;
    private static final int ADVERSARY = 1;
    private static final long CRASH_NANOS = 150_000_000L;
    private static final long RUN_NANOS = 600_000_000L;

    /** s1, honest, except that its first NEWEPOCH to s0 names an epoch two behind; it notes what s0 answers. */
    private static final class ReplaysStaleNewEpoch implements Actor {
        private final ZabServer honest;
        private boolean replayed;
        private boolean staleOutstanding;
        final List<String> staleAcknowledged = new ArrayList<>();
        long staleEpoch = -1;

        ReplaysStaleNewEpoch(ZabServer honest) {
            this.honest = honest;
        }

        @Override
        public void onStart(Context ctx) {
            honest.onStart(rewriting(ctx));
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            if (from == FOLLOWER && message instanceof Messages.FollowerInfo) {
                staleOutstanding = false;                                 // a new round of discovery
            }
            if (from == FOLLOWER && message instanceof Messages.AckEpoch && staleOutstanding) {
                staleAcknowledged.add("s0 acknowledged NEWEPOCH(" + staleEpoch + ") at " + ctx.trueTimeNanos() + " ns");
            }
            honest.onMessage(rewriting(ctx), from, message);
        }

        @Override
        public void onTimer(Context ctx, Object timer) {
            honest.onTimer(rewriting(ctx), timer);
        }

        @Override
        public void onPersisted(Context ctx, Object token) {
            honest.onPersisted(rewriting(ctx), token);
        }

        private Context rewriting(Context ctx) {
            return new ForwardingContext(ctx) {
                @Override
                public void send(int to, Message message) {
                    if (to == FOLLOWER && message instanceof Messages.NewEpoch m && !replayed && m.epoch() >= 2) {
                        replayed = true;
                        staleOutstanding = true;
                        staleEpoch = m.epoch() - 2;
                        delegate().send(to, new Messages.NewEpoch(staleEpoch));
                        return;
                    }
                    delegate().send(to, message);
                }
            };
        }
    }

    @Test
    void aFollowerRefusesANewEpochOlderThanTheOneItAcceptedAndJoinsTheCurrentOne() {
        ZabConfig config = ZabConfig.defaults().toBuilder().servers(3).tickNanos(10_000_000L).syncLimitTicks(2)
                .sessionTimeoutNanos(120_000_000L).electionFinalizeWaitNanos(20_000_000L)
                .workload(ZabWorkload.saturation(2, 0.5, 2)).build();
        NetworkConfig lan = NetworkConfig.ideal(200_000).toBuilder().latency(new LatencyDistribution.Uniform(100_000, 300_000))
                .bandwidthBitsPerSec(1_000_000_000L).build();
        Simulation sim = new Simulation(3, lan, ZabDeployment.costModel(config), 10_000_000L);
        ZabChecks checks = new ZabChecks(config.sessionTimeoutNanos(), true);
        ReplaysStaleNewEpoch[] adversary = new ReplaysStaleNewEpoch[1];
        NodeSpec serverSpec = NodeSpec.simple().toBuilder().cores(config.cores()).bandwidthBitsPerSec(-1).disk(config.disk()).build();
        for (int i = 0; i < config.servers(); i++) {
            sim.addNode("s" + i, serverSpec, (self, store) -> {
                ZabServer server = new ZabServer(self, config, store);
                if (self != ADVERSARY) {
                    return server;
                }
                adversary[0] = new ReplaysStaleNewEpoch(server);
                return adversary[0];
            });
        }
        NodeSpec clientSpec = NodeSpec.simple().toBuilder().bandwidthBitsPerSec(0).disk(DiskConfig.INSTANT).build();
        ZabWorkload w = config.workload();
        for (int c = 0; c < w.clients(); c++) {
            int first = c % config.servingServers();
            SaturationDriver driver = new SaturationDriver("/c" + c, w.readRatio(), w.outstanding(), w.requestSizeBytes(), w.loadStartNanos());
            sim.addNode("c" + c, clientSpec, (self, store) -> new ZkClient(first, config.servers(), config.sessionTimeoutNanos(), driver));
        }
        sim.setServerCount(config.servers());
        sim.addObserver(checks);
        List<long[]> leading = new ArrayList<>();
        long[] appliedByFollowerAfterCrash = {0};
        sim.addObserver((t, node, e) -> {
            if (e instanceof Observations.Leading l) {
                leading.add(new long[] {t, l.server(), l.epoch()});
            } else if (e instanceof Observations.Applied a && a.server() == FOLLOWER && t > CRASH_NANOS) {
                appliedByFollowerAfterCrash[0]++;
            }
        });
        // s2 (the highest id) leads epoch 1; when it crashes, s1 leads epoch 2 with s0.
        sim.scheduleFault(CRASH_NANOS, new Fault.Crash(Target.of(2)));
        sim.runUntil(RUN_NANOS);

        assertEquals(0, adversary[0].staleEpoch, "the adversary replayed NEWEPOCH(0) to s0 (leaderships: " + leading.size() + ")");
        assertTrue(adversary[0].staleAcknowledged.isEmpty(), String.join("; ", adversary[0].staleAcknowledged));
        Verdict safety = checks.safety(sim.now());
        assertTrue(safety.holds(), safety.detail());
        assertTrue(appliedByFollowerAfterCrash[0] > 50, "s0 follows epoch 2: applied " + appliedByFollowerAfterCrash[0]);
    }
}
