package quorumsim.pbft.check;

import java.util.Arrays;

/**
 * The requests clients got answers to, three numbers each (when issued, when accepted, which
 * call), all liveness needs of them: it judges them only at the end, when it learns the
 * bound and when the last fault healed. The operation and the result are not kept: results
 * are compared as they are accepted ({@link ResultLedger}).
 */
final class AnsweredCalls {
    private long[] issuedNanos = new long[1024];
    private long[] acceptedNanos = new long[1024];
    private long[] callKeys = new long[1024];
    private int size;

    void add(long issued, long accepted, long callKey) {
        if (size == issuedNanos.length) {
            int grown = size * 2;
            issuedNanos = Arrays.copyOf(issuedNanos, grown);
            acceptedNanos = Arrays.copyOf(acceptedNanos, grown);
            callKeys = Arrays.copyOf(callKeys, grown);
        }
        issuedNanos[size] = issued;
        acceptedNanos[size] = accepted;
        callKeys[size] = callKey;
        size++;
    }

    int size() {
        return size;
    }

    long issuedNanos(int i) {
        return issuedNanos[i];
    }

    long acceptedNanos(int i) {
        return acceptedNanos[i];
    }

    long callKey(int i) {
        return callKeys[i];
    }
}
