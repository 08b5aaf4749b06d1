package quorumsim.core;

import java.util.BitSet;
import quorumsim.net.LinkSet;
import quorumsim.fault.Fault;

/**
 * A fault in force: what its start did, so that its end undoes exactly that and nothing else.
 * A crash, pause, clock change or Byzantine behaviour holds the nodes it resolved when it
 * started (a role such as "leader" is resolved once, then); a partition, cut or isolation holds
 * the links it cut; a delay spike holds the latency it added. A node stays crashed, paused or
 * Byzantine, and a link stays cut, while any fault in force holds it; an explicit recover,
 * resume, heal or switch-off releases every hold on what it names.
 */
final class ActiveFault {
    final Fault fault;
    /** The nodes the target resolved to at the start, in the order the resolver gave them. */
    int[] resolved = new int[0];
    /** The nodes it still holds (an explicit recover or resume releases them early). */
    final BitSet held = new BitSet();
    /** Partition, cut, isolation: the directed links it cut; null for other faults. */
    LinkSet links;
    /** Delay spike: when it ends. */
    long endNanos;

    ActiveFault(Fault fault) {
        this.fault = fault;
    }

    void hold(int[] ids) {
        resolved = ids;
        for (int id : ids) {
            held.set(id);
        }
    }

    /**
     * A fault of the same kind (and for Byzantine ones, the same behaviour). A crash and a
     * power-off are one kind: either keeps the node down.
     */
    boolean sameKindAs(Fault other) {
        if (fault instanceof Fault.Byzantine mine) {
            return other instanceof Fault.Byzantine b && b.behaviour().equals(mine.behaviour());
        }
        if (isDown(fault)) {
            return isDown(other);
        }
        return fault.getClass() == other.getClass();
    }

    /** A crash or a power-off: the node is down while one holds it. */
    static boolean isDown(Fault fault) {
        return fault instanceof Fault.Crash || fault instanceof Fault.PowerOff;
    }
}
