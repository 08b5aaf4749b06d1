package quorumsim.core;

import quorumsim.disk.DiskDevice;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * A node's writes to stable storage, per device ({@link DiskDevice}): a write on an instant disk
 * is persisted at once; otherwise writes wait for the device's next flush, and one flush covers
 * every write waiting (group commit). A device does one flush at a time. A persisted write
 * reaches the node's CPU queue like a message.
 */
final class DiskWrites {
    private final Simulation sim;

    DiskWrites(Simulation sim) {
        this.sim = sim;
    }

    void write(Node node, DiskDevice device, int bytes, Object token) {
        DiskQueue disk = device == DiskDevice.LOG ? node.logDisk : node.dataDisk;
        boolean fsync = device == DiskDevice.LOG;
        if (disk.config.flushNanos(bytes, fsync) == 0) {
            sim.cpu.enqueue(node, new Jobs.Persisted(token));
            return;
        }
        disk.pending.add(new DiskQueue.PendingWrite(bytes, token, fsync));
        if (!disk.flushing) {
            startFlush(node, disk);
        }
    }

    /** Group commit: one fsync covers every write waiting, up to the disk's batch limit. */
    private void startFlush(Node node, DiskQueue disk) {
        int batch = Math.min(disk.pending.size(), disk.config.maxBatchWrites());
        Object[] tokens = new Object[batch];
        long bytes = 0;
        boolean fsync = false;
        for (int i = 0; i < batch; i++) {
            DiskQueue.PendingWrite w = disk.pending.get(i);
            tokens[i] = w.token();
            bytes += w.bytes();
            fsync |= w.fsync();
        }
        disk.pending.subList(0, batch).clear();
        disk.flushing = true;
        Jobs.FlushDone done = new Jobs.FlushDone(node, disk, node.epoch, tokens, sim.now, bytes);
        done.time = sim.now + disk.config.flushNanos(bytes, fsync);
        sim.schedule(done);
    }

    void flushDone(Jobs.FlushDone done) {
        Node node = done.node;
        if (done.epoch != node.epoch) {
            return;
        }
        traceFlush(done);
        DiskQueue disk = done.disk;
        disk.flushing = false;
        node.draining = true;
        for (Object token : done.tokens) {
            sim.cpu.enqueue(node, new Jobs.Persisted(token));
        }
        if (!disk.pending.isEmpty()) {
            startFlush(node, disk);
        }
        node.draining = false;
        sim.cpu.tryStart(node);
    }

    /**
     * A flush's line in the full trace (not in the digest: when a flush starts and ends follows
     * from the writes handed to the disk, which the digest holds through their handlers' events).
     */
    private void traceFlush(Jobs.FlushDone done) {
        if (sim.tracer.traceListeners.isEmpty()) {
            return;
        }
        StringBuilder writes = new StringBuilder();
        for (Object token : done.tokens) {
            writes.append(writes.length() == 0 ? "" : ", ").append(token.getClass().getSimpleName());
        }
        String detail = "startNanos=" + done.startNanos + " endNanos=" + sim.now + " device=" + done.disk.device.label()
                + " bytes=" + done.bytes + " writes=" + done.tokens.length + " [" + writes + "]";
        sim.tracer.emit(new TraceEvent(sim.now, TraceKind.DISK_WRITE, done.node.id, -1, done.disk.device.label(), -1,
                (int) Math.min(Integer.MAX_VALUE, done.bytes), detail));
    }
}
