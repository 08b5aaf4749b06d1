package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * A watch outlives the connection it was set on: a client that moves to another server brings
 * its watches along (SETWATCHES), and a change it missed while moving fires as soon as it lands.
 */
class WatchesAcrossServersTest {
    /** Once /y is there, sets an exists watch on /x (not there yet), a data watch on /y and a child watch on /, then waits. */
    private static final class Watcher implements Driver {
        final List<String> events = new ArrayList<>();
        Result y;

        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            if (newSession) {
                client.wakeAfter(ctx, 15_000_000L);
            }
        }

        public void onWake(Context ctx, ZkClient client) {
            client.call(ctx, Op.exists("/x", true));
            client.call(ctx, Op.getData("/y", true));
            client.call(ctx, Op.getChildren("/", true));
        }

        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
            if (op.path().equals("/y")) {
                y = result;
            }
        }

        public void onWatch(Context ctx, ZkClient client, Messages.WatchEvent event) {
            events.add(event.path() + " " + event.event());
        }
    }

    /** Creates /y at once; {@code laterNanos} later creates /x and changes /y. */
    private static final class Writer implements Driver {
        final long laterNanos;

        Writer(long laterNanos) {
            this.laterNanos = laterNanos;
        }

        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            client.call(ctx, Op.create("/y", 0, 0, false, false));
            client.wakeAfter(ctx, laterNanos);
        }

        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        }

        public void onWake(Context ctx, ZkClient client) {
            client.call(ctx, Op.create("/x", 0, 1, false, false));
            client.call(ctx, Op.setData("/y", 0, 2, -1));
        }
    }

    /**
     * The watcher connects to s0 and the writer to s2; s0's machine is powered off at 40 ms, so the
     * watcher moves only after its read timeout (80 ms); returns the watcher's events at the end.
     */
    private static List<String> watchThroughACrash(long writesAfterNanos) {
        ZabConfig config = ZabRun.quick(3, 2);
        Watcher watcher = new Watcher();
        Simulation sim = new Simulation(3, ZabRun.lan(), ZabDeployment.costModel(config), 10_000_000L);
        ZabDeployment zab = ZabDeployment.deploy(sim, config, c -> c == 0 ? new Writer(writesAfterNanos) : watcher, c -> c == 0 ? 2 : 0);
        ZabRun run = new ZabRun(sim, zab).run(40_000_000L);
        assertEquals(List.of(), watcher.events, "nothing changed yet");
        assertEquals(Code.OK, watcher.y.code(), "the watcher read /y and watches it");

        run.sim().apply(new Fault.PowerOff(Target.of(0)));            // the watcher's server, silently
        run.run(40_000_000L + writesAfterNanos + config.sessionTimeoutNanos());
        assertTrue(run.zab().safety().holds(), run.zab().safety().detail());
        return watcher.events;
    }

    @Test
    void changesAClientsWatchesMissedWhileItMovedFireAsSoonAsItLands() {
        assertEquals(List.of("/y NODE_DATA_CHANGED", "/x NODE_CREATED", "/ NODE_CHILDREN_CHANGED"), watchThroughACrash(50_000_000L),
                "each watch fired once, on the new server");
    }

    @Test
    void watchesAClientBroughtAlongFireOnItsNewServerWhenTheChangeComes() {
        assertEquals(List.of("/y NODE_DATA_CHANGED", "/x NODE_CREATED", "/ NODE_CHILDREN_CHANGED").stream().sorted().toList(),
                watchThroughACrash(300_000_000L).stream().sorted().toList(), "each watch fired once, on the new server");
    }
}
