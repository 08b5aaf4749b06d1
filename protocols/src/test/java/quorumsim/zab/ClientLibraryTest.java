package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;
import quorumsim.core.Simulation;
import quorumsim.fault.Fault;
import quorumsim.fault.Target;
import quorumsim.trace.TraceKind;
import quorumsim.zab.client.Driver;
import quorumsim.zab.client.ZkClient;
import quorumsim.zab.deploy.ZabDeployment;
import quorumsim.zab.tree.Code;
import quorumsim.zab.tree.Op;
import quorumsim.zab.tree.Result;

/**
 * The client library as ZooKeeper 3.3's ClientCnxn: a reset or a read timeout of 2s/3 is a
 * connection loss, surfaced to the recipe as CONNECTION_LOSS and a disconnection; the next
 * server of a shuffled list is tried after a random pause, with the session.
 */
class ClientLibraryTest {
    static final long MS = 1_000_000L;
    /** 5 servers, 10 clients, s = 900 ms: read timeout 600 ms, connect timeout 180 ms, pauses under 225 ms. */
    static final ZabConfig CONFIG = ZabRun.quick(5, 10).toBuilder().syncLimitTicks(30).sessionTimeoutNanos(900 * MS).build();
    static final long FAULT_AT = 200 * MS;

    /** What one client lived through: when it lost its connection and paused, when it sent Connect, where it was answered. */
    private record Client(List<long[]> pauses, List<Long> connects, TreeSet<Integer> answeredBy) {
        Client() {
            this(new ArrayList<>(), new ArrayList<>(), new TreeSet<>());
        }
    }

    private static Client[] watch(ZabRun run) {
        int servers = run.zab().servers();
        Client[] clients = new Client[run.sim().nodeCount() - servers];
        for (int c = 0; c < clients.length; c++) {
            clients[c] = new Client();
        }
        run.sim().addObserver((t, node, e) -> {
            if (e instanceof Observations.ReconnectPause p) {
                clients[p.client() - servers].pauses().add(new long[] {t, p.pauseNanos()});
            } else if (e instanceof Observations.Answer a && a.result().code() != Code.CONNECTION_LOSS) {
                clients[a.client() - servers].answeredBy().add(a.server());
            }
        });
        run.sim().addTraceListener(e -> {
            if (e.kind() == TraceKind.SEND && e.node() >= servers && e.type().equals("Connect")) {
                clients[e.node() - servers].connects().add(e.timeNanos());
            }
        });
        return clients;
    }

    @Test
    void afterALossTheClientPausesARandomTimeUnderAQuarterOfTheSessionThenConnectsToTheNextServer() {
        ZabRun run = ZabRun.of(3, CONFIG);
        Client[] clients = watch(run);
        run.sim().scheduleFault(FAULT_AT, new Fault.Crash(Target.of(0)));
        run.run(FAULT_AT + 600 * MS);
        TreeSet<Long> pauses = new TreeSet<>();
        for (int c = 0; c < clients.length; c++) {
            Client client = clients[c];
            if (c % 5 != 0) {
                assertTrue(client.pauses().isEmpty(), "c" + c + " was not on s0 and lost nothing: " + client.pauses().size());
                continue;
            }
            assertEquals(1, client.pauses().size(), "c" + c + " lost its connection once");
            long lostAt = client.pauses().get(0)[0];
            long pause = client.pauses().get(0)[1];
            assertTrue(lostAt > FAULT_AT && lostAt < FAULT_AT + MS, "the reset arrives one network delay after the crash: " + lostAt);
            assertTrue(pause >= 0 && pause < CONFIG.sessionTimeoutNanos() / 4, "pause " + pause);
            assertTrue(client.connects().contains(lostAt + pause), "it connects again when the pause is over: " + client.connects());
            assertTrue(client.connects().stream().filter(t -> t > FAULT_AT && t < lostAt + pause).findAny().isEmpty(),
                    "and not before: " + client.connects());
            assertTrue(client.answeredBy().size() == 2 && client.answeredBy().contains(0), "then served elsewhere: " + client.answeredBy());
            pauses.add(pause);
        }
        assertEquals(2, pauses.size(), "each client draws its own pause: " + pauses);
    }

    @Test
    void theFirstConnectIsNotDelayed() {
        ZabRun run = ZabRun.of(3, CONFIG);
        Client[] clients = watch(run);
        run.run(1);
        for (Client client : clients) {
            assertEquals(List.of(0L), client.connects(), "connect at once");
        }
    }

    @Test
    void clientsOfOneServerMoveToServersOfTheirOwnShuffledLists() {
        ZabConfig config = CONFIG.toBuilder().workload(ZabWorkload.saturation(20, 0.5, 2)).build();
        ZabRun run = ZabRun.of(3, config);
        Client[] clients = watch(run);
        run.sim().scheduleFault(FAULT_AT, new Fault.Crash(Target.of(0)));
        run.run(FAULT_AT + 600 * MS);
        TreeSet<Integer> landedOn = new TreeSet<>();
        for (int c = 0; c < clients.length; c += 5) {
            clients[c].answeredBy().stream().filter(s -> s != 0).forEach(landedOn::add);
        }
        assertTrue(landedOn.size() >= 2, "the four clients of s0 did not all go to one server: " + landedOn);
    }

    @Test
    void aServerThatGoesSilentIsGivenUpAfterTheReadTimeoutOfTwoThirdsOfTheSession() {
        ZabRun run = ZabRun.of(3, CONFIG);
        Client[] clients = watch(run);
        run.sim().scheduleFault(FAULT_AT, new Fault.PowerOff(Target.of(0)));
        run.run(FAULT_AT + 1_200 * MS);
        long readTimeout = CONFIG.sessionTimeoutNanos() * 2 / 3;
        for (int c = 0; c < clients.length; c += 5) {
            long lostAt = clients[c].pauses().get(0)[0];
            // under load it last heard from s0 just before the power-off
            assertTrue(lostAt > FAULT_AT + readTimeout - 5 * MS && lostAt <= FAULT_AT + readTimeout,
                    "c" + c + " gave up " + (lostAt - FAULT_AT) / 1e6 + " ms after its server went silent");
        }
    }

    /** Issues two reads at a time on its node; records every CONNECTION_LOSS answer and disconnection. */
    static final class Recorder implements Driver {
        final List<String> seen = new ArrayList<>();

        public void onConnected(Context ctx, ZkClient client, boolean newSession) {
            seen.add(newSession ? "connected" : "reconnected");
            client.call(ctx, Op.create("/r", 0, 0, false, false));
            client.call(ctx, Op.getData("/r", false));
        }

        public void onAnswer(Context ctx, ZkClient client, Op op, Result result, long zxid) {
            if (result.code() == Code.CONNECTION_LOSS) {
                seen.add(op.kind() + " CONNECTION_LOSS");
            } else if (client.isConnected() && ctx.trueTimeNanos() < FAULT_AT + 50 * MS) {
                client.call(ctx, Op.getData("/r", false));
            }
        }

        public void onDisconnected(Context ctx, ZkClient client) {
            seen.add("disconnected");
        }
    }

    @Test
    void callsInFlightWhenTheConnectionIsLostFailWithConnectionLossAndTheRecipeHearsOfIt() {
        Recorder recorder = new Recorder();
        Simulation sim = new Simulation(3, ZabRun.lan(), ZabDeployment.costModel(CONFIG), 10 * MS);
        ZabDeployment.deploy(sim, CONFIG.toBuilder().workload(ZabWorkload.saturation(1, 0.5, 2)).build(), c -> recorder, c -> 0);
        sim.scheduleFault(FAULT_AT, new Fault.Crash(Target.of(0)));
        sim.runUntil(FAULT_AT + 600 * MS);
        int disconnected = recorder.seen.indexOf("disconnected");
        assertTrue(disconnected >= 2, "reads in flight failed first: " + recorder.seen);
        assertEquals(List.of("GET_DATA CONNECTION_LOSS", "GET_DATA CONNECTION_LOSS"), recorder.seen.subList(disconnected - 2, disconnected),
                "both calls in flight failed: " + recorder.seen);
        assertEquals("reconnected", recorder.seen.get(disconnected + 1), "then it is back with its session: " + recorder.seen);
    }
}
