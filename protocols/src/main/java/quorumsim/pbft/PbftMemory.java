package quorumsim.pbft;

/**
 * What a PBFT run keeps in memory beyond the engine's per-node and per-message costs, at
 * its worst: every replica's log full to the high water mark, each slot holding the latest
 * PREPARE and COMMIT of every replica ({@link Votes}: one reference each, the messages
 * themselves shared with their senders), and a request's agreement in flight everywhere
 * (its n-1 PREPAREs and n COMMITs multicast by every replica, each a queued delivery). It
 * grows with n squared per replica set, not with the run's length: the log is cut at every
 * stable checkpoint, K sequence numbers apart, and never holds more than L slots.
 */
public final class PbftMemory {
    /** A reference in an object array: compressed, as on any heap under 32 GB. */
    static final long REFERENCE_BYTES = 4;
    /** A slot and its two vote tables' headers. */
    static final long SLOT_BYTES = 160;
    /** A queued delivery: the engine's event and job, and the receiver's NIC entry. */
    static final long DELIVERY_BYTES = 128;

    private PbftMemory() {
    }

    /** Bytes the replicas' logs and one round of agreement per request in flight need, at most. */
    public static long neededBytes(PbftConfig config) {
        long n = config.n();
        long slots = config.logWindow();
        long logs = n * slots * (SLOT_BYTES + 2 * n * REFERENCE_BYTES);
        long inFlightRequests = Math.min(slots, Math.max(1L, (long) config.workload().clients() * config.workload().outstanding()));
        long agreement = inFlightRequests * 2 * n * n * DELIVERY_BYTES;
        return logs + agreement;
    }
}
