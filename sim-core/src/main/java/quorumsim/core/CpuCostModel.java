package quorumsim.core;


/**
 * What handling costs in CPU time. The engine charges {@link #receiveNanos} before a message's
 * handler runs and {@link #sendNanos} for each message the handler sends; protocols add
 * their own work with {@code Context.chargeCpu}.
 */
public interface CpuCostModel {
    long receiveNanos(int node, Message message);

    long sendNanos(int node, Message message);

    long signNanos(Signature.Kind kind);

    long verifyNanos(Signature.Kind kind);

    /** Free CPU: handlers take no time. */
    CpuCostModel FREE = new Linear(0, 0, 0, 0, 0, 0, 0);

    /** A fixed cost per message plus a cost per byte, each way, and fixed crypto costs. */
    record Linear(long receivePerMessageNanos, double receivePerByteNanos, long sendPerMessageNanos,
                  double sendPerByteNanos, long signatureSignNanos, long signatureVerifyNanos, long macNanos)
            implements CpuCostModel {
        public long receiveNanos(int node, Message message) {
            return receivePerMessageNanos + Math.round(receivePerByteNanos * message.sizeBytes());
        }

        public long sendNanos(int node, Message message) {
            return sendPerMessageNanos + Math.round(sendPerByteNanos * message.sizeBytes());
        }

        public long signNanos(Signature.Kind kind) {
            return kind == Signature.Kind.SIGNATURE ? signatureSignNanos : macNanos;
        }

        public long verifyNanos(Signature.Kind kind) {
            return kind == Signature.Kind.SIGNATURE ? signatureVerifyNanos : macNanos;
        }
    }
}
