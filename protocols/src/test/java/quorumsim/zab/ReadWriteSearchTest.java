package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Actor;
import quorumsim.core.Context;
import quorumsim.core.Message;
import quorumsim.core.NodeSpec;
import quorumsim.core.Simulation;
import quorumsim.trace.TraceKind;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * ZooKeeper 3.4's client connected to a read-only server looks for a server that takes writes
 * in the background (ClientCnxn.SendThread.pingRwServer: "isro" to the next server of its list,
 * first after 100 ms, then twice as long each time) and moves to the first that answers "rw".
 * Two scripted servers: s0 serves read-only, s1 answers "ro" until 500 ms, then "rw".
 */
class ReadWriteSearchTest {
    static final long MS = 1_000_000L;

    /** A server that accepts every connect, read-only or not, and answers "isro" as told. */
    private static final class Scripted implements Actor {
        private final boolean readOnly;
        private final long readWriteFromNanos;

        Scripted(boolean readOnly, long readWriteFromNanos) {
            this.readOnly = readOnly;
            this.readWriteFromNanos = readWriteFromNanos;
        }

        @Override
        public void onStart(Context ctx) {
        }

        @Override
        public void onMessage(Context ctx, int from, Message message) {
            if (message instanceof Messages.Connect c) {
                ctx.send(from, new Messages.Connected(c.sessionId() == 0 ? 7 : c.sessionId(), true, readOnly));
            } else if (message instanceof Messages.IsReadOnly) {
                ctx.send(from, new Messages.IsReadOnlyAnswer(!readOnly && ctx.trueTimeNanos() >= readWriteFromNanos));
            } else if (message instanceof Messages.ClientPing) {
                ctx.send(from, new Messages.ClientPong(0));
            }
        }

        @Override
        public void onTimer(Context ctx, Object timer) {
        }
    }

    private static final class Quiet implements Driver {
        final List<String> seen = new ArrayList<>();

        @Override
        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            seen.add("connected");
        }

        @Override
        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
        }

        @Override
        public void onDisconnected(Context ctx, ZkClient client) {
            seen.add("disconnected");
        }
    }

    @Test
    void aClientOnAReadOnlyServerAsksTheOthersWithBackOffAndMovesToTheFirstThatTakesWrites() {
        ZabConfig config = ZabConfig.defaults();
        Simulation sim = new Simulation(1, ZabRun.lan(), ZabDeployment.costModel(config), 10 * MS);
        sim.useConnections(new quorumsim.net.Connections(100 * MS, 200 * MS));
        Quiet driver = new Quiet();
        sim.addNode("s0", NodeSpec.simple(), (self, store) -> new Scripted(true, 0));
        sim.addNode("s1", NodeSpec.simple(), (self, store) -> new Scripted(false, 500 * MS));
        sim.addNode("c0", NodeSpec.simple(), (self, store) -> new ZkClient(0, 2, 10_000 * MS, driver));
        List<String> sent = new ArrayList<>();
        sim.addTraceListener(e -> {
            if (e.kind() == TraceKind.SEND && e.node() == 2 && !e.type().equals("ClientPing")) {
                sent.add(e.type() + "->s" + e.peer() + "@" + e.timeNanos() / 100 / MS);
            }
        });
        sim.runUntil(2_000 * MS);
        // searches at 0.1, 0.3 (+ 0.2) and 0.7 (+ 0.4) s, each on the next server of the list: s1 ("ro"),
        // s0 (its own, not asked), s1 again, which now takes writes: the client moves there at once
        assertEquals(List.of("Connect->s0@0", "IsReadOnly->s1@1", "IsReadOnly->s1@7", "Close->s0@7", "Connect->s1@7"),
                sent, "what the client sent (type->server@tenths of a second)");
        assertEquals(List.of("connected", "disconnected", "connected"), driver.seen);
    }
}
