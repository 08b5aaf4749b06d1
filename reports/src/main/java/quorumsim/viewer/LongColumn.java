package quorumsim.viewer;

import java.util.Arrays;

/** A growable array of longs (event times), without a boxed object per cell. */
final class LongColumn {
    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
