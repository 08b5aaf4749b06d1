package quorumsim.viewer;

import quorumsim.viewer.RecordText.Rec;

/**
 * Follows the nodes of one protocol through a run's trace and says, at each event, how the
 * state of the node it touched changed. It reads only the trace (what a node sent, received and
 * reported through observations), never a protocol class: what it shows is what the messages
 * and observations prove, which is why a PBFT slot lists certificates "gathered" rather than
 * accepted. Node ids inside values are written {@code @id}; the page shows their lane names.
 */
interface StateModel {
    /** What the recording keeps of one message: its sequence number (or zxid) and request, for jumps and filters. */
    record Facts(String seq, String requests) {
        static final Facts NONE = new Facts(null, null);
    }

    /** The facts of a message {@code from} sends to {@code to}, read from its record text (null when it is not one). */
    Facts facts(int from, int to, String type, Rec message);

    /** The state each node starts with. */
    void start(Deltas out);

    /** {@code node} sent {@code message} to {@code to}. */
    void sent(int node, int to, String type, Rec message, Deltas out);

    /** {@code message} from {@code from} reached {@code node}. */
    void delivered(int node, int from, String type, Rec message, Deltas out);

    /** {@code node} reported an observation (executed, installed a view, accepted a result...). */
    void observed(int node, String type, Rec observation, Deltas out);

    /** {@code node} crashed (its volatile state is gone) or recovered. */
    void crashed(int node, boolean up, Deltas out);
}
