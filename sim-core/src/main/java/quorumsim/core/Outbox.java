package quorumsim.core;

import java.util.ArrayList;

/** What a handler sends and writes; it leaves when the handler's CPU work completes. */
final class Outbox {
    final ArrayList<Object> items = new ArrayList<>(4);

    /** Stands for "nothing to send" where a null cannot be stored. */
    static final Outbox NONE = new Outbox();

    record Send(int to, Message message) {
    }

    record Write(int bytes, Object token) {
    }

    boolean isEmpty() {
        return items.isEmpty();
    }
}
