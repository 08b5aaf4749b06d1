package quorumsim.zab;

import java.util.ArrayDeque;
import java.util.function.Consumer;
import quorumsim.core.Context;

/**
 * One of a ZooKeeper server's request-processor threads, as the cost model sees it: a FIFO of
 * work, each item with the CPU time it takes and what it does (answers it sends). In ZooKeeper
 * 3.3.6 each processor is a thread fed by a LinkedBlockingQueue (FollowerRequestProcessor.run,
 * CommitProcessor.run, FinalRequestProcessor called by CommitProcessor's thread): it takes one
 * request at a time, so a processor never uses more than one of the server's cores, while
 * different processors run on different cores at once.
 *
 * <p>Work handed to the thread waits for its next job: a timer that fires when the previous
 * job's CPU time has passed (at once if the thread is idle), so a job starts no sooner than the
 * last one ended; the job, once it has a core, takes everything queued by then (a thread that
 * waited for a core drains its queue when it gets one, so its work is never left behind).
 */
final class Processor {
    private record Item(long costNanos, Consumer<Context> action) {
    }

    private final String name;
    private final ArrayDeque<Item> queue = new ArrayDeque<>();
    private long generation;
    private boolean scheduled;
    /** This node's clock when the last job's CPU time has passed. */
    private long busyUntilLocalNanos;

    Processor(String name) {
        this.name = name;
    }

    /** Hands the thread {@code costNanos} of work; {@code action} runs when the thread gets to it (null: cost only). */
    void submit(Context ctx, long costNanos, Consumer<Context> action) {
        queue.add(new Item(costNanos, action));
        if (!scheduled) {
            scheduled = true;
            ctx.setTimer(busyUntilLocalNanos > ctx.now() ? busyUntilLocalNanos - ctx.now() : 0, new Timers.Serve(name, generation));
        }
    }

    /** The thread's next job: a batch from the head of its queue. */
    void onTimer(Context ctx, Timers.Serve timer) {
        if (timer.generation() != generation) {
            return;                                                // from before the thread was reset
        }
        scheduled = false;
        long cost = 0;
        for (int n = queue.size(); n > 0; n--) {
            Item item = queue.poll();
            cost += item.costNanos();
            ctx.chargeCpu(item.costNanos());
            if (item.action() != null) {
                item.action().accept(ctx);
            }
        }
        busyUntilLocalNanos = ctx.now() + cost;
        if (!queue.isEmpty()) {
            scheduled = true;
            ctx.setTimer(cost, new Timers.Serve(name, generation));
        }
    }

    /** The server left its role: the thread's queue is dropped (ZooKeeperServer.shutdown stops its processors). */
    void reset() {
        queue.clear();
        scheduled = false;
        generation++;
    }
}
