package quorumsim.core;

import java.util.Arrays;

/**
 * What a handler sends and writes, in the order it did so; it leaves when the handler's CPU
 * work completes. Kept as parallel arrays (a destination, or {@link #WRITE}, beside each
 * item) so a send costs no allocation of its own.
 */
final class Outbox {
    /** The destination of a write to the log's device; a send's destination is a node id. */
    static final int WRITE = -1;

    /** The destination of a write to the data directory's device. */
    static final int DATA_WRITE = -4;

    /** The destination of a multicast, whose item is a {@link Multicast}. */
    static final int MULTICAST = -2;

    /** The destination of a connection close, whose item is the peer's id. */
    static final int CLOSE = -3;

    /** One transmission for several receivers, copied by the switch. */
    record Multicast(int[] to, Message message) {
    }

    /** Stands for "nothing to send" where a null cannot be stored. */
    static final Outbox NONE = new Outbox();

    private int[] destinations = new int[4];
    private Object[] items = new Object[4];
    /** Bytes of each write (unused for sends). */
    private int[] writeBytes = new int[4];
    private int size;

    void send(int to, Message message) {
        add(to, message, 0);
    }

    void multicast(int[] to, Message message) {
        add(MULTICAST, new Multicast(to, message), 0);
    }

    void close(int peer) {
        add(CLOSE, peer, 0);
    }

    void write(quorumsim.disk.DiskDevice device, int bytes, Object token) {
        add(device == quorumsim.disk.DiskDevice.LOG ? WRITE : DATA_WRITE, token, bytes);
    }

    private void add(int destination, Object item, int bytes) {
        if (size == items.length) {
            destinations = Arrays.copyOf(destinations, size * 2);
            items = Arrays.copyOf(items, size * 2);
            writeBytes = Arrays.copyOf(writeBytes, size * 2);
        }
        destinations[size] = destination;
        items[size] = item;
        writeBytes[size] = bytes;
        size++;
    }

    int size() {
        return size;
    }

    /** Node id the i-th item goes to, or {@link #WRITE}, {@link #DATA_WRITE}, {@link #MULTICAST} or {@link #CLOSE}. */
    int destination(int i) {
        return destinations[i];
    }

    Object item(int i) {
        return items[i];
    }

    int writeBytes(int i) {
        return writeBytes[i];
    }

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }
}
