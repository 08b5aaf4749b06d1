package quorumsim.zab.check;

/** A client's call as one sortable number: the client id above, the call number below. */
final class CallKey {
    private CallKey() {
    }

    static long of(int client, long cxid) {
        return ((long) client << 40) | (cxid & 0xFFFFFFFFFFL);
    }

    static String show(long key, ClientNames names) {
        return names.of((int) (key >>> 40)) + " #" + (key & 0xFFFFFFFFFFL);
    }
}
