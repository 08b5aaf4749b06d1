package quorumsim.transcript;

import quorumsim.core.Actor;
import quorumsim.core.Message;

/** One replica under a transcript, and its protocol's words: how messages are written and read. */
interface Subject {
    Actor actor();

    /** The replica crashed and recovers: a new one is built from the stable store, as the engine's factory does. */
    void restart();

    /** The message a {@code deliver FROM ...} line names, signed as the file says. */
    Message message(Term term, int from);

    /** Any value the replica hands out (a message, timer, disk write, observation) in transcript form. */
    Term render(Object value);

    /** A message went by (delivered, or sent by the replica): later lines may refer to it by its sender. */
    default void remember(Object message) {
    }

    /** An expected line names {@code term}: learn the names in it (digests, states) to print what comes out. */
    default void learn(Term term) {
    }

    /** The replica's {@code field}, read through what it exposes; an error names the fields there are. */
    String state(String field);
}
