package quorumsim.core;

/**
 * Work for a node's CPU: a delivered message, a fired timer, a finished disk write, or the
 * actor's start. Jobs wait in the node's FIFO queue for a free core.
 */
abstract class Job extends Event {
    /** The node's epoch when this job was made; a crash in between makes it stale. */
    int epoch;

    /** CPU the cost model charges before the handler runs. */
    abstract long baseCostNanos(Simulation sim, Node node);

    /** Runs the actor's handler. */
    abstract void handle(Node node, NodeContext ctx);
}
