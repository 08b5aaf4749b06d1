package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import quorumsim.disk.DiskConfig;
import quorumsim.disk.DiskDevice;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/** A node's log and data devices: a snapshot costs its bytes on the device the deployment gave it. */
class DiskDevicesTest {
    static final long FSYNC = 1_000_000;
    /** 1 MB/s: a byte takes 1 us. */
    static final DiskConfig DISK = new DiskConfig(FSYNC, 1_000_000, 1_000);

    /** A node that writes a 5,000-byte snapshot to the data directory at 0, then a 100-byte log entry at 1 us. */
    private static Probes snapshotThenLog(NodeSpec spec, List<TraceEvent> trace) {
        Probes probes = Probes.ideal(0);
        probes.add(spec, (id, p) -> {
            p.onStart = ctx -> {
                ctx.persist(DiskDevice.DATA, 5_000, "snapshot");
                ctx.setTimer(1_000, "log");
            };
            p.onTimer = (ctx, token) -> ctx.persist(100, token);
        });
        probes.sim.addTraceListener(e -> {
            if (e.kind() == TraceKind.DISK_WRITE) {
                trace.add(e);
            }
        });
        probes.sim.runToCompletion();
        return probes;
    }

    private static List<String> persistedAt(Probes probes) {
        return probes.probe(0).persisted.stream().map(s -> s.what() + "@" + s.trueNanos()).toList();
    }

    @Test
    void onItsOwnDeviceASnapshotCostsItsBytesAndNoFsyncAndTheLogDoesNotWaitForIt() {
        List<TraceEvent> trace = new ArrayList<>();
        Probes probes = snapshotThenLog(NodeSpec.simple().toBuilder().disk(DISK).dataDisk(DISK).build(), trace);
        // log: 1 us + fsync 1 ms + 100 us; snapshot: 5 ms of bytes, no fsync
        assertEquals(List.of("log@1101000", "snapshot@5000000"), persistedAt(probes));
    }

    @Test
    void onASharedDeviceTheLogsFlushWaitsBehindTheSnapshotsBytes() {
        List<TraceEvent> trace = new ArrayList<>();
        Probes probes = snapshotThenLog(NodeSpec.simple().toBuilder().disk(DISK).build(), trace);
        // the snapshot holds the device for 5 ms; the log's flush starts then: + 1 ms fsync + 100 us
        assertEquals(List.of("snapshot@5000000", "log@6100000"), persistedAt(probes));
    }

    @Test
    void theFullTraceShowsEachFlushWithItsDeviceBytesStartAndEnd() {
        List<TraceEvent> trace = new ArrayList<>();
        snapshotThenLog(NodeSpec.simple().toBuilder().disk(DISK).dataDisk(DISK).build(), trace);
        assertEquals(List.of(
                "log 100 startNanos=1000 endNanos=1101000 device=log bytes=100 writes=1 [String]",
                "data 5000 startNanos=0 endNanos=5000000 device=data bytes=5000 writes=1 [String]"),
                trace.stream().map(e -> e.type() + " " + e.sizeBytes() + " " + e.detail()).toList());
    }

    @Test
    void aDataWriteOnAnInstantDiskIsPersistedAtOnce() {
        List<TraceEvent> trace = new ArrayList<>();
        Probes probes = snapshotThenLog(NodeSpec.simple(), trace);
        assertEquals(List.of("snapshot@0", "log@1000"), persistedAt(probes));
        assertEquals(List.of(), trace);
    }
}
