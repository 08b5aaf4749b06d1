package quorumsim.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.TreeSet;

/** The engine's record of one node: its actor, CPU queue, NIC, disk, clock and fault state. */
final class Node {
    final int id;
    final String name;
    final NodeSpec spec;
    final ActorFactory factory;
    final StableStore store = new StableStore();
    final LocalClock clock;
    final SplittableRandom random;
    final NodeContext ctx;
    final TreeSet<String> behaviours = new TreeSet<>();

    Actor actor;
    int epoch;
    boolean crashed;
    /** Crashed with its machine gone: nothing answers for it (no reset, no refused connect). */
    boolean poweredOff;
    boolean paused;
    /** Paused time before the current pause, and when the current one began. */
    long pausedTotalNanos;
    long pausedSinceNanos;
    /** Jobs whose CPU work was cut short by the pause in progress; they go on at the resume. */
    final ArrayList<Jobs.CpuDone> parked = new ArrayList<>();

    // CPU
    final ArrayDeque<Job> queue = new ArrayDeque<>();
    /** How many jobs {@link #queue} holds, read per delivery beside the fields below instead of the deque. */
    int queued;
    int busyCores;
    /** A loop is starting this node's jobs or releasing one's outbox: new work waits for it. */
    boolean draining;
    long busyNanos;
    /**
     * In-order retirement: jobs get tickets as they start, and what a job sends leaves only
     * after every job started before it has finished, so k cores never reorder a node's output.
     */
    long nextTicket;
    long retireNext;
    final java.util.TreeMap<Long, Outbox> retiring = new java.util.TreeMap<>();

    // NIC (bits per second each way; 0 = unlimited) and when each direction is next free
    long bandwidthBitsPerSec;
    long sendFreeAtNanos;
    long receiveFreeAtNanos;
    /** Per destination: when the last message on this link is delivered (FIFO links). */
    long[] lastDeliveryTo = new long[0];
    /** Extra latency on every message to or from this node until {@code delaySpikeUntilNanos}. */
    long delaySpikeNanos;
    long delaySpikeUntilNanos;

    // Disk: the log's device and the data directory's (the same queue when they share a device)
    final DiskQueue logDisk;
    final DiskQueue dataDisk;

    Node(int id, String name, NodeSpec spec, ActorFactory factory, Simulation sim) {
        this.id = id;
        this.name = name;
        this.spec = spec;
        this.factory = factory;
        this.clock = new LocalClock(spec.clockOffsetNanos(), spec.clockDriftPpm());
        this.random = sim.streams.stream("node/" + id);
        this.ctx = new NodeContext(this, sim);
        this.logDisk = new DiskQueue(spec.disk(), quorumsim.disk.DiskDevice.LOG);
        this.dataDisk = spec.dataDisk() == null ? logDisk : new DiskQueue(spec.dataDisk(), quorumsim.disk.DiskDevice.DATA);
    }

    /** Drops everything volatile: the actor, its queue, timers (by epoch), pending writes. */
    void crash() {
        crashed = true;
        epoch++;
        actor = null;
        queue.clear();
        queued = 0;
        busyCores = 0;
        nextTicket = 0;
        retireNext = 0;
        retiring.clear();
        draining = false;
        parked.clear();
        logDisk.clear();
        dataDisk.clear();
    }
}
