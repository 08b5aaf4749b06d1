package quorumsim.core;

/**
 * A node's writes to stable storage: a write on an instant disk is persisted at once; otherwise
 * writes wait for the next flush, and one flush covers every write waiting (group commit).
 * A persisted write reaches the node's CPU queue like a message.
 */
final class DiskWrites {
    private final Simulation sim;

    DiskWrites(Simulation sim) {
        this.sim = sim;
    }

    void write(Node node, int bytes, Object token) {
        if (node.spec.disk().flushNanos(bytes) == 0) {
            sim.cpu.enqueue(node, new Jobs.Persisted(token));
            return;
        }
        node.pendingWrites.add(new Node.PendingWrite(bytes, token));
        if (!node.flushing) {
            startFlush(node);
        }
    }

    /** Group commit: one fsync covers every write waiting, up to the disk's batch limit. */
    private void startFlush(Node node) {
        int batch = Math.min(node.pendingWrites.size(), node.spec.disk().maxBatchWrites());
        Object[] tokens = new Object[batch];
        long bytes = 0;
        for (int i = 0; i < batch; i++) {
            Node.PendingWrite w = node.pendingWrites.get(i);
            tokens[i] = w.token();
            bytes += w.bytes();
        }
        node.pendingWrites.subList(0, batch).clear();
        node.flushing = true;
        Jobs.FlushDone done = new Jobs.FlushDone(node, node.epoch, tokens);
        done.time = sim.now + node.spec.disk().flushNanos(bytes);
        sim.schedule(done);
    }

    void flushDone(Jobs.FlushDone done) {
        Node node = done.node;
        if (done.epoch != node.epoch) {
            return;
        }
        node.flushing = false;
        node.draining = true;
        for (Object token : done.tokens) {
            sim.cpu.enqueue(node, new Jobs.Persisted(token));
        }
        if (!node.pendingWrites.isEmpty()) {
            startFlush(node);
        }
        node.draining = false;
        sim.cpu.tryStart(node);
    }
}
