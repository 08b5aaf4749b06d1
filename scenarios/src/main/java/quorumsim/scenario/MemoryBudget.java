package quorumsim.scenario;

import java.util.Locale;

/**
 * What a run needs of the JVM's heap, estimated before it starts, so that a scenario too large
 * for the machine is refused with what it needs instead of dying of OutOfMemoryError halfway.
 * The figures are rough, measured on PBFT f = 1 runs of 1,000 to 30,000 clients (heap after a
 * full collection): they tell 100 clients from 100,000, not 5 GB from 6 GB. The protocol adds
 * its own state at its worst (PBFT: every replica's log full, n votes a slot). What grows with
 * the run's length (the checkers' records) is not counted; a run that still runs out of memory
 * ends with a one-line message (see {@code cli.Errors}).
 */
final class MemoryBudget {
    /**
     * Node ids are ints, and every node costs {@link #NODE_BYTES}: past ten million nodes the
     * memory check below would ask for more than 150 GB anyway. (The link tables hold the links
     * in use only, so the count of nodes is not capped by nodes x nodes any more.)
     */
    static final int MAX_NODES = 10_000_000;
    /** Classes, the run's fixed structures, the reports and charts. */
    static final long BASE_BYTES = 64L << 20;
    /** Per directed link in use (server to server, client to server and back): its entries in the link tables. */
    static final long LINK_BYTES = 64;
    /** Per node, server or client: the engine's node, clock, CPU queue, random streams, the client's or server's state. */
    static final long NODE_BYTES = 16L << 10;
    /** Per message in flight, on top of its payload: the message, its delivery event, its queue entry. */
    static final long MESSAGE_BYTES = 256;

    private MemoryBudget() {
    }

    /**
     * The heap a run needs: the links in use, every node, every request in flight, which may
     * wait at each server (PBFT clients multicast a retried request) and come back as a reply,
     * and the protocol's own state ({@code stateBytes}, from its adapter).
     */
    static long neededBytes(int servers, int clients, int outstanding, int requestSizeBytes, long stateBytes) {
        long nodes = (long) servers + clients;
        long inFlight = (long) clients * outstanding * (servers + 1L) * (requestSizeBytes + MESSAGE_BYTES);
        long links = (long) servers * servers + 2L * clients * servers;
        return BASE_BYTES + links * LINK_BYTES + nodes * NODE_BYTES + inFlight + stateBytes;
    }

    /** The one-line problem with running this on a heap of {@code maxHeapBytes}, or null if it fits. */
    static String problem(int servers, ScenarioSpec.Workload workload, long stateBytes, long maxHeapBytes) {
        long nodes = (long) servers + workload.clients();
        String who = servers + " servers and " + String.format(Locale.ROOT, "%,d", workload.clients()) + " clients";
        if (nodes > MAX_NODES) {
            return who + " make " + String.format(Locale.ROOT, "%,d", nodes) + " nodes; the simulator runs at most "
                    + String.format(Locale.ROOT, "%,d", MAX_NODES);
        }
        long needed = neededBytes(servers, workload.clients(), workload.outstanding(), workload.requestSizeBytes(), stateBytes);
        if (needed <= maxHeapBytes) {
            return null;
        }
        long suggestGiB = (needed * 5 / 4 + (1L << 30) - 1) >> 30;
        String protocolPart = stateBytes * 2 > needed ? ", " + gib(stateBytes) + " of it the servers' logs and messages in flight" : "";
        return who + " (" + workload.outstanding() + " outstanding of " + String.format(Locale.ROOT, "%,d", workload.requestSizeBytes())
                + " bytes each) need about " + gib(needed) + " of memory" + protocolPart + ", but this JVM may use at most " + gib(maxHeapBytes)
                + "; run fewer " + (stateBytes * 2 > needed ? "servers" : "clients") + ", or give it more, e.g. JAVA_OPTS=-Xmx" + suggestGiB + "g quorumsim run ...";
    }

    private static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / (double) (1L << 30));
    }
}
