package quorumsim.zab;

/** Zab's 64-bit transaction id: the epoch in the high 32 bits, a counter in the low 32. */
public final class Zxid {
    private Zxid() {
    }

    public static long of(long epoch, long counter) {
        return (epoch << 32) | (counter & 0xffffffffL);
    }

    public static long epoch(long zxid) {
        return zxid >>> 32;
    }

    public static long counter(long zxid) {
        return zxid & 0xffffffffL;
    }

    public static String show(long zxid) {
        return "0x" + Long.toHexString(epoch(zxid)) + ":" + counter(zxid);
    }
}
