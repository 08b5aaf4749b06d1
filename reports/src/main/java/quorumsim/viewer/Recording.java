package quorumsim.viewer;

import java.util.HashMap;
import java.util.Map;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;
import quorumsim.viewer.RecordText.Rec;

/**
 * What the viewer needs of a run, gathered from its trace as it happens: every event (time,
 * kind, node, peer, type), every message (ends, type, sequence number, requests, text) and, at
 * each event, how the touched node's state changed ({@link StateModel}). It only listens, so a
 * run records the same trace digest with or without it; it keeps columns of ints and shared
 * strings, so 10^5 messages take a few tens of MB.
 *
 * <p>Past {@code messageLimit} messages (when one is set) it gives up, frees what it held and
 * asks the engine for no more lines: the default recording of a run that turned out large.
 */
public final class Recording implements TraceListener {
    static final int FATE_IN_FLIGHT = 0;
    static final int FATE_DELIVERED = 1;
    static final int FATE_DROPPED = 2;

    /**
     * What the recording must know of the run before it starts.
     *
     * @param protocol     "pbft", "zab" or "unreplicated"
     * @param servers      nodes 0..servers-1 are servers, the rest clients
     * @param quorum       PBFT: the quorum (2f+1), for the prepared and committed marks
     * @param logWindow    PBFT: L, so H = h + L
     * @param messageLimit give up past this many messages; 0 for no limit
     */
    public record Settings(String protocol, int servers, int quorum, long logWindow, long messageLimit) {
    }

    private final Settings settings;
    private StateModel model;
    private Deltas deltas = new Deltas();
    private boolean abandoned;

    final Strings types = new Strings();
    final Strings texts = new Strings();
    final Strings labels = new Strings();
    LongColumn times = new LongColumn();
    IntColumn kinds = new IntColumn();
    IntColumn nodes = new IntColumn();
    IntColumn peers = new IntColumn();
    IntColumn eventTypes = new IntColumn();
    /** The message of a SEND, DELIVER or DROP; otherwise -1. */
    IntColumn eventMessages = new IntColumn();
    /** The text of an event that is not about a message (a timer, an observation, a fault, why a message dropped); -1 for none. */
    IntColumn eventTexts = new IntColumn();

    IntColumn from = new IntColumn();
    IntColumn to = new IntColumn();
    IntColumn messageTypes = new IntColumn();
    IntColumn sendEvents = new IntColumn();
    IntColumn endEvents = new IntColumn();
    IntColumn fates = new IntColumn();
    IntColumn seqs = new IntColumn();
    IntColumn requests = new IntColumn();
    IntColumn messageTexts = new IntColumn();

    /** The engine's message id to ours (a duplicated message has one id and two deliveries). */
    private Map<Long, Integer> byId = new HashMap<>();
    /** Parsed messages still in flight, for the receiver's state when they arrive. */
    private Map<Integer, Rec> inFlight = new HashMap<>();
    private String lastSendText;
    private Rec lastSendRec;

    public Recording(Settings settings) {
        this.settings = settings;
        this.model = switch (settings.protocol()) {
            case "pbft", "unreplicated" -> new PbftModel(settings.servers(), settings.quorum(), settings.logWindow());
            case "zab" -> new ZabModel(settings.servers());
            default -> throw new IllegalArgumentException("no viewer model for protocol " + settings.protocol());
        };
        deltas.at(-1);
        model.start(deltas);
    }

    public Settings settings() {
        return settings;
    }

    /** True when the run passed the message limit and nothing was kept. */
    public boolean abandoned() {
        return abandoned;
    }

    public int eventCount() {
        return times.size();
    }

    public int messageCount() {
        return from.size();
    }

    Deltas deltas() {
        return deltas;
    }

    @Override
    public boolean isDone() {
        return abandoned;
    }

    @Override
    public void onTrace(TraceEvent e) {
        if (abandoned) {
            return;
        }
        int index = times.size();
        deltas.at(index);
        int message = -1;
        int text = -1;
        switch (e.kind()) {
            case SEND -> message = sent(e, index);
            case DELIVER, DROP -> {
                message = arrived(e, index);
                if (e.kind() == TraceKind.DROP) {
                    text = texts.index(e.detail());
                }
            }
            case OBSERVE -> {
                Rec rec = RecordText.record(e.detail());
                model.observed(e.node(), e.type(), rec, deltas);
                text = texts.index(rec == null ? Display.of(e.detail()) : Display.of(rec));
            }
            case CRASH, RECOVER -> {
                if (e.node() >= 0) {
                    model.crashed(e.node(), e.kind() == TraceKind.RECOVER, deltas);
                }
                text = texts.index(e.detail());
            }
            default -> text = texts.index(Display.of(e.detail()));
        }
        times.add(e.timeNanos());
        kinds.add(e.kind().ordinal());
        nodes.add(e.node());
        peers.add(e.peer());
        eventTypes.add(types.index(e.type()));
        eventMessages.add(message);
        eventTexts.add(text);
        if (settings.messageLimit() > 0 && from.size() > settings.messageLimit()) {
            abandon();
        }
    }

    private int sent(TraceEvent e, int index) {
        Rec rec;
        if (e.detail().equals(lastSendText)) {
            rec = lastSendRec;
        } else {
            rec = RecordText.record(e.detail());
            lastSendText = e.detail();
            lastSendRec = rec;
        }
        StateModel.Facts facts = model.facts(e.node(), e.peer(), e.type(), rec);
        int message = from.size();
        from.add(e.node());
        to.add(e.peer());
        messageTypes.add(types.index(e.type()));
        sendEvents.add(index);
        endEvents.add(-1);
        fates.add(FATE_IN_FLIGHT);
        seqs.add(facts.seq() == null ? -1 : labels.index(facts.seq()));
        requests.add(facts.requests() == null ? -1 : labels.index(facts.requests()));
        messageTexts.add(texts.index(rec == null ? Display.of(e.detail()) : Display.of(rec)));
        byId.put(e.messageId(), message);
        if (rec != null) {
            inFlight.put(message, rec);
        }
        model.sent(e.node(), e.peer(), e.type(), rec, deltas);
        return message;
    }

    private int arrived(TraceEvent e, int index) {
        Integer known = byId.get(e.messageId());
        if (known == null) {
            throw new IllegalStateException("trace line " + index + " (" + e.kind() + " of message " + e.messageId()
                    + ") has no SEND before it");
        }
        int message = known;
        if (endEvents.get(message) >= 0) {
            message = duplicate(message);
        }
        endEvents.set(message, index);
        fates.set(message, e.kind() == TraceKind.DELIVER ? FATE_DELIVERED : FATE_DROPPED);
        Rec rec = inFlight.remove(message);
        if (e.kind() == TraceKind.DELIVER) {
            model.delivered(e.node(), e.peer(), e.type(), rec, deltas);
        }
        return message;
    }

    /** A second arrival of one send (the network duplicated it): a message of its own, from the same send. */
    private int duplicate(int original) {
        int message = from.size();
        from.add(from.get(original));
        to.add(to.get(original));
        messageTypes.add(messageTypes.get(original));
        sendEvents.add(sendEvents.get(original));
        endEvents.add(-1);
        fates.add(FATE_IN_FLIGHT);
        seqs.add(seqs.get(original));
        requests.add(requests.get(original));
        messageTexts.add(messageTexts.get(original));
        return message;
    }

    private void abandon() {
        abandoned = true;
        deltas = new Deltas();
        times = new LongColumn();
        kinds = new IntColumn();
        nodes = new IntColumn();
        peers = new IntColumn();
        eventTypes = new IntColumn();
        eventMessages = new IntColumn();
        eventTexts = new IntColumn();
        from = new IntColumn();
        to = new IntColumn();
        messageTypes = new IntColumn();
        sendEvents = new IntColumn();
        endEvents = new IntColumn();
        fates = new IntColumn();
        seqs = new IntColumn();
        requests = new IntColumn();
        messageTexts = new IntColumn();
        byId = new HashMap<>();
        inFlight = new HashMap<>();
        model = null;
    }
}
