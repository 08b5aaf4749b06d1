package quorumsim.zab;

import quorumsim.core.CpuCostModel;
import quorumsim.core.Message;
import quorumsim.core.Signature;

/**
 * The engine's view of {@link ZabCosts}: servers (ids below {@code servers}) pay per message
 * and per byte each way; clients pay nothing. Zab does not sign, so crypto costs nothing.
 * What a client sends a server costs nothing on arrival: the server's pipeline charges it when
 * it reads the request off the socket, which a throttled server does not do until it has room.
 */
public record ZabCostModel(ZabCosts costs, int servers) implements CpuCostModel {
    @Override
    public long receiveNanos(int node, Message message) {
        if (node >= servers || message instanceof Messages.Request || message instanceof Messages.Connect
                || message instanceof Messages.ClientPing || message instanceof Messages.Close) {
            return 0;
        }
        return costs.receivePerMessageNanos() + Math.round(costs.receivePerByteNanos() * message.sizeBytes());
    }

    @Override
    public long sendNanos(int node, Message message) {
        if (node >= servers) {
            return 0;
        }
        return costs.sendPerMessageNanos() + Math.round(costs.sendPerByteNanos() * message.sizeBytes());
    }

    @Override
    public long signNanos(Signature.Kind kind) {
        return 0;
    }

    @Override
    public long verifyNanos(Signature.Kind kind) {
        return 0;
    }
}
