package quorumsim.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.core.Context;

/**
 * One ZooKeeper request-processor thread (ZooKeeper 3.3.6's FIFO-fed threads): its next job
 * starts when the last one's CPU time has passed, at once when idle; a job takes everything
 * queued by then and pays each item's cost; a thread reset drops its queue and ignores the
 * jobs it had scheduled.
 */
class ProcessorTest {
    /** The clock, the timers set (as "delay timer") and the CPU charged: all a processor asks of its context. */
    private long nowNanos;
    private final List<String> timers = new ArrayList<>();
    private final List<Long> charges = new ArrayList<>();
    private final List<String> ran = new ArrayList<>();
    private final Context ctx = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "now" -> nowNanos;
                case "setTimer" -> {
                    timers.add(args[0] + " " + args[1]);
                    yield null;
                }
                case "chargeCpu" -> {
                    charges.add((Long) args[0]);
                    yield null;
                }
                default -> throw new AssertionError("a processor does not call " + method.getName());
            });

    private final Processor thread = new Processor("commit");

    private void work(long costNanos, String name) {
        thread.submit(ctx, costNanos, c -> ran.add(name));
    }

    @Test
    void anIdleThreadStartsAtOnceAndABusyOneWhenItsLastJobEnds() {
        work(5, "a");
        assertEquals(List.of("0 " + new Timers.Serve("commit", 0)), timers);
        work(3, "b");                                                  // queued: the job is already scheduled
        assertEquals(1, timers.size());

        thread.onTimer(ctx, new Timers.Serve("commit", 0));            // takes both, pays both
        assertEquals(List.of("a", "b"), ran);
        assertEquals(List.of(5L, 3L), charges);

        nowNanos = 2;                                                  // busy until 8
        work(1, "c");
        assertEquals("6 " + new Timers.Serve("commit", 0), timers.get(1));
        nowNanos = 8;
        thread.onTimer(ctx, new Timers.Serve("commit", 0));
        nowNanos = 20;                                                 // idle since 9
        work(1, "d");
        assertEquals("0 " + new Timers.Serve("commit", 0), timers.get(2));
    }

    @Test
    void aResetDropsTheQueueAndTheScheduledJob() {
        work(5, "lost");
        thread.reset();
        thread.onTimer(ctx, new Timers.Serve("commit", 0));            // from before the reset
        assertEquals(List.of(), ran);
        assertEquals(List.of(), charges);
        work(1, "new");
        assertEquals("0 " + new Timers.Serve("commit", 1), timers.get(1));
        thread.onTimer(ctx, new Timers.Serve("commit", 1));
        assertEquals(List.of("new"), ran);
    }
}
