package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import quorumsim.core.Signature;
import quorumsim.zab.tree.Op;

/**
 * What the engine charges a Zab node's CPU per message: a server pays per message and per
 * byte each way (defaults: 3 us and 4 ns/byte); a client pays nothing; what a client sends
 * costs its server nothing on arrival (the pipeline charges it when it reads it); Zab signs
 * nothing.
 */
class ZabCostModelTest {
    private static final ZabCostModel THREE_SERVERS = new ZabCostModel(ZabCosts.defaults(), 3);
    private static final Messages.Ack ACK = new Messages.Ack(1, Zxid.of(1, 1));          // 48 bytes

    @Test
    void aServerPaysPerMessageAndPerByteEachWay() {
        assertEquals(3_000 + 4 * 48, THREE_SERVERS.receiveNanos(2, ACK));
        assertEquals(3_000 + 4 * 48, THREE_SERVERS.sendNanos(2, ACK));
        ZabCostModel halfNanosecond = new ZabCostModel(new ZabCosts(0, 0.5, 0, 0.25, 0, 0, 0, 0, 0, 0, 0, 0, 0), 3);
        assertEquals(24, halfNanosecond.receiveNanos(0, ACK));
        assertEquals(12, halfNanosecond.sendNanos(0, ACK));
    }

    @Test
    void aClientPaysNothing() {
        assertEquals(0, THREE_SERVERS.receiveNanos(3, ACK));
        assertEquals(0, THREE_SERVERS.sendNanos(3, ACK));
        assertEquals(3_000 + 4 * 48, THREE_SERVERS.sendNanos(2, ACK));
    }

    @Test
    void whatAClientSendsCostsItsServerNothingOnArrival() {
        assertEquals(0, THREE_SERVERS.receiveNanos(0, new Messages.Request(7, 1, Op.sync("/"))));
        assertEquals(0, THREE_SERVERS.receiveNanos(0, new Messages.Connect(0, 0, 1_000_000_000L)));
        assertEquals(0, THREE_SERVERS.receiveNanos(0, new Messages.ClientPing(7)));
        assertEquals(0, THREE_SERVERS.receiveNanos(0, new Messages.Close(7)));
        assertEquals(3_000 + 4 * 40, THREE_SERVERS.receiveNanos(0, new Messages.LeaderPing(1)));
    }

    @Test
    void zabSignsNothing() {
        for (Signature.Kind kind : Signature.Kind.values()) {
            assertEquals(0, THREE_SERVERS.signNanos(kind));
            assertEquals(0, THREE_SERVERS.verifyNanos(kind));
        }
    }
}
