package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.disk.DiskConfig;

class DiskTest {
    static final long FSYNC = 1_000_000;

    /** A node that persists a token at each of the given times (from timers). */
    private static Probes writer(DiskConfig disk, long... times) {
        Probes probes = Probes.ideal(0);
        probes.add(NodeSpec.simple().toBuilder().disk(disk).build(), (id, p) -> {
            p.onStart = ctx -> {
                for (int i = 0; i < times.length; i++) {
                    ctx.setTimer(times[i], "w" + i);
                }
            };
            p.onTimer = (ctx, token) -> ctx.persist(100, token);
        });
        probes.sim.runToCompletion();
        return probes;
    }

    private static List<String> persistedAt(Probes probes) {
        return probes.probe(0).persisted.stream().map(s -> s.what() + "@" + s.trueNanos()).toList();
    }

    @Test
    void oneFsyncCoversEveryWriteThatQueuedDuringThePreviousFlush() {
        Probes probes = writer(new DiskConfig(FSYNC, 0, 1_000), 0, 200_000, 500_000, 900_000, 2_500_000);
        assertEquals(List.of("w0@1000000", "w1@2000000", "w2@2000000", "w3@2000000", "w4@3500000"), persistedAt(probes));
    }

    @Test
    void aFlushCoversAtMostTheBatchLimit() {
        Probes probes = writer(new DiskConfig(FSYNC, 0, 2), 0, 100, 200, 300, 400);
        assertEquals(List.of("w0@1000000", "w1@2000000", "w2@2000000", "w3@3000000", "w4@3000000"), persistedAt(probes));
    }

    @Test
    void aBatchLimitedFlushTakesTheTimeOfTheBytesItReallyCovers() {
        Probes probes = Probes.ideal(0);
        int[] sizes = {10, 1_000, 10, 10};
        probes.add(NodeSpec.simple().toBuilder().disk(new DiskConfig(FSYNC, 1_000_000, 2)).build(), (id, p) -> {
            p.onStart = ctx -> {
                for (int i = 0; i < sizes.length; i++) {
                    ctx.setTimer(i * 100, i);
                }
            };
            p.onTimer = (ctx, i) -> ctx.persist(sizes[(Integer) i], "w" + i);
        });
        probes.sim.runToCompletion();
        // 1 MB/s: a byte takes 1 us. w0 alone: 1.01 ms; w1 + w2 (1010 B): 2.01 ms; w3: 1.01 ms
        assertEquals(List.of("w0@1010000", "w1@3020000", "w2@3020000", "w3@4030000"), persistedAt(probes));
    }

    @Test
    void aFlushTakesTheFsyncPlusItsBytesAtTheDisksBandwidth() {
        // 100 bytes at 100 MB/s = 1 us; two writes in one flush = 2 us
        Probes probes = writer(new DiskConfig(FSYNC, 100_000_000, 1_000), 0, 10, 20);
        assertEquals(List.of("w0@1001000", "w1@2003000", "w2@2003000"), persistedAt(probes));
    }

    @Test
    void withTheWriteCacheOnAFlushCostsItsBytesOnlyNotTheFsync() {
        // the same writes as above, the drive acknowledging from its cache: 1 us, then 2 us
        Probes probes = writer(new DiskConfig(FSYNC, 100_000_000, 1_000).withWriteCache(true), 0, 10, 20);
        assertEquals(List.of("w0@1000", "w1@3000", "w2@3000"), persistedAt(probes));
    }

    @Test
    void aHandlersOutboxLeavesWholeBeforeTheNextHandlerRuns() {
        Probes probes = Probes.ideal(0);
        int sink = probes.addIdle();
        probes.add((id, p) -> {
            p.onStart = ctx -> {
                ctx.persist(10, "log");
                ctx.send(sink, Msg.of(1));
            };
            p.onPersisted = (ctx, token) -> ctx.send(sink, Msg.of(2));
        });
        probes.sim.runToCompletion();
        assertEquals(List.of(Msg.of(1), Msg.of(2)), probes.probe(sink).messageContents());
    }

    @Test
    void aLongChainOfInstantWritesDoesNotDeepenTheStack() {
        Probes probes = Probes.ideal(0);
        probes.add((id, p) -> {
            p.onStart = ctx -> ctx.persist(10, 0);
            p.onPersisted = (ctx, token) -> {
                if ((Integer) token < 200_000) {
                    ctx.persist(10, (Integer) token + 1);
                }
            };
        });
        probes.sim.runToCompletion();
        assertEquals(200_001, probes.probe(0).persisted.size());
    }

    @Test
    void anInstantDiskPersistsWhenTheHandlerCompletes() {
        Probes probes = writer(DiskConfig.INSTANT, 0, 7);
        assertEquals(List.of("w0@0", "w1@7"), persistedAt(probes));
    }
}
