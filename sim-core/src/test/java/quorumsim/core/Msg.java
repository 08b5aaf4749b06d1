package quorumsim.core;

/** A test message: a number to tell messages apart and a size on the wire. */
record Msg(int n, int sizeBytes) implements Message {
    static Msg of(int n) {
        return new Msg(n, 100);
    }
}
