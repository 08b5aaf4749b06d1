package quorumsim.core;

import java.util.ArrayList;
import quorumsim.disk.DiskConfig;
import quorumsim.disk.DiskDevice;

/** One disk device of a node: the writes waiting for its next flush, and whether one is in progress. */
final class DiskQueue {
    /** A write waiting for the next flush; {@code fsync} false for a write the device only writes back (a snapshot). */
    record PendingWrite(int bytes, Object token, boolean fsync) {
    }

    final DiskConfig config;
    /** The device this queue was made for; a shared device serves both, and is named after the log. */
    final DiskDevice device;
    final ArrayList<PendingWrite> pending = new ArrayList<>();
    boolean flushing;

    DiskQueue(DiskConfig config, DiskDevice device) {
        this.config = config;
        this.device = device;
    }

    void clear() {
        pending.clear();
        flushing = false;
    }
}
