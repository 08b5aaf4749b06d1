package quorumsim.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * Follows client calls through a protocol whose messages name them, as ZooKeeper's do: a
 * call is a session and a call number ({@code sessionId=S, cxid=X}) in the request, the
 * forward to the leader and the proposal's transaction; the proposal gives the call its
 * transaction id ({@code zxid=Z}), which the ACKs and COMMITs carry; the reply goes back to
 * the calling client with the call number.
 *
 * <p>Following names rather than handler causality matters where a server's sends do not
 * follow the delivery that caused them: a follower's ACK leaves when its log write is
 * synced, a leader's COMMIT when the last ACK of a quorum (perhaps its own) is in, and a
 * read waits for the session's earlier writes. Read only from the trace's message text.
 */
final class CallThread {
    private static final Pattern SESSION = Pattern.compile("(?<![A-Za-z])sessionId=(-?\\d+)");
    private static final Pattern CALL = Pattern.compile("(?<![A-Za-z])cxid=(-?\\d+)");
    private static final Pattern TXN = Pattern.compile("(?<![A-Za-z])zxid=(-?\\d+)");

    private CallThread() {
    }

    /**
     * The sends that belong to the calls in {@code requests} (client sends), in trace order;
     * empty when a request does not name its session and call number (then the protocol is
     * not one this class can follow).
     */
    static Optional<List<TraceEvent>> follow(List<TraceEvent> trace, List<TraceEvent> requests) {
        Set<String> calls = new HashSet<>();
        Set<String> callsByClient = new HashSet<>();
        Set<Long> requestIds = new HashSet<>();
        for (TraceEvent r : requests) {
            String session = first(SESSION, r.detail());
            String call = first(CALL, r.detail());
            if (session == null || call == null) {
                return Optional.empty();
            }
            calls.add(session + "/" + call);
            callsByClient.add(r.node() + "/" + call);
            requestIds.add(r.messageId());
        }
        Set<String> transactions = new HashSet<>();
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : trace) {
            if (e.kind() != TraceKind.SEND) {
                continue;
            }
            String detail = e.detail() == null ? "" : e.detail();
            String session = first(SESSION, detail);
            String call = first(CALL, detail);
            String txn = first(TXN, detail);
            boolean names = session != null && call != null && calls.contains(session + "/" + call);
            if (names && txn != null) {
                transactions.add(txn);                                // the proposal gives the call its zxid
            }
            boolean answers = session == null && call != null && callsByClient.contains(e.peer() + "/" + call);
            boolean votes = txn != null && transactions.contains(txn) && isVote(e.type());
            if (requestIds.contains(e.messageId()) || names || answers || votes) {
                out.add(e);
            }
        }
        return Optional.of(out);
    }

    /** ACKs and COMMITs of a transaction (and an observer's INFORM), named by its zxid alone. */
    private static boolean isVote(String type) {
        MessageKind kind = MessageKind.of(type);
        return kind == MessageKind.ACK || kind == MessageKind.COMMIT || type.contains("Inform");
    }

    private static String first(Pattern p, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
