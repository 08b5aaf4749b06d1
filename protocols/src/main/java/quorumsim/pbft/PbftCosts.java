package quorumsim.pbft;

import java.util.ArrayList;
import java.util.List;
import quorumsim.cpu.CpuCostModel;

/**
 * CPU costs of a replica or client, in nanoseconds, for a modern server core (about 3 GHz).
 * The defaults, and where they come from:
 * <ul>
 * <li>{@code receivePerMessageNanos} 5000, {@code sendPerMessageNanos} 2000: a kernel
 *     socket receive (interrupt, syscall, copy, dispatch) and send cost a few microseconds of
 *     CPU each on current Linux servers; an estimate, not a paper figure.</li>
 * <li>{@code receivePerByteNanos} 1.0: computing the message digest (SHA-256 at about
 *     1 GB/s per core) plus the copy; {@code sendPerByteNanos} 0.25: the copy alone.</li>
 * <li>{@code macNanos} 300 per MAC: OSDI'99 measured 10.3 us for a MAC over 64 bytes on a
 *     200 MHz Pentium Pro; a 3 GHz core with about four times the work per cycle is ~60x
 *     faster (170 ns), and HMAC-SHA256 of a short message measures 200-400 ns today.</li>
 * <li>{@code signatureSignNanos} 1 ms and {@code signatureVerifyNanos} 30 us: OSDI'99's
 *     1024-bit RSA took 43 ms to sign and 0.6 ms to verify; scaled ~60x that is 0.7 ms and
 *     10 us; {@code openssl speed rsa2048} on a current core gives about 1 ms and 30 us,
 *     which we use since 1024-bit keys are no longer accepted.</li>
 * <li>{@code executeNanos} 1000 per operation: an in-memory map update, with its undo
 *     record and reply-cache entry.</li>
 * </ul>
 */
public record PbftCosts(long receivePerMessageNanos, double receivePerByteNanos, long sendPerMessageNanos,
                        double sendPerByteNanos, long macNanos, long signatureSignNanos, long signatureVerifyNanos,
                        long executeNanos) {

    public static PbftCosts defaults() {
        return new PbftCosts(5_000, 1.0, 2_000, 0.25, 300, 1_000_000, 30_000, 1_000);
    }

    /** Everything free: latency is then pure network delay (for counting message delays). */
    public static PbftCosts free() {
        return new PbftCosts(0, 0, 0, 0, 0, 0, 0, 0);
    }

    public CpuCostModel toCostModel() {
        return new CpuCostModel.Linear(receivePerMessageNanos, receivePerByteNanos, sendPerMessageNanos,
                sendPerByteNanos, signatureSignNanos, signatureVerifyNanos, macNanos);
    }

    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        if (receivePerMessageNanos < 0 || sendPerMessageNanos < 0 || macNanos < 0 || signatureSignNanos < 0
                || signatureVerifyNanos < 0 || executeNanos < 0 || receivePerByteNanos < 0 || sendPerByteNanos < 0) {
            problems.add("pbft costs must not be negative");
        }
        return problems;
    }
}
