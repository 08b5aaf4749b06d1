package quorumsim.viewer;

import java.util.Arrays;

/** A growable array of ints: a column of the recording, without a boxed object per cell. */
final class IntColumn {
    private int[] values = new int[1024];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void set(int i, int value) {
        values[i] = value;
    }

    int get(int i) {
        return values[i];
    }

    int size() {
        return size;
    }
}
