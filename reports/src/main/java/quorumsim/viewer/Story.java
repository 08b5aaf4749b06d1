package quorumsim.viewer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import quorumsim.result.Violation;

/**
 * The messages behind a violation, to highlight: those about the sequence numbers (or zxids)
 * its detail names, sent before it was found. A checker's detail names what broke ("replicas
 * 1 and 2 executed different requests at sequence 5"); the messages carrying that number are
 * how it came to be.
 */
final class Story {
    /** Most messages highlighted for one violation. */
    static final int MAX_MESSAGES = 5_000;
    /** A zxid as the checkers write it, 0x1:349 (epoch in hex, counter). */
    private static final Pattern ZXID = Pattern.compile("0x[0-9a-fA-F]+:\\d+");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.#@:-])(\\d+)(?![\\w.:])");
    /** A number the detail calls a sequence number or zxid ("seq 5", "sequence number 5", "zxid 1:3"). */
    private static final Pattern NAMED = Pattern.compile("\\b(?:seq|sequence(?: number)?|n|zxid)[ =]((?:0x[0-9a-fA-F]+:)?\\d+)\\b");

    private Story() {
    }

    /** A PBFT client's request as a checker names it: {@code c4/0 t=17} (client lane, stream, timestamp). */
    private static final Pattern REQUEST = Pattern.compile("\\b([a-z]+\\d+)/(\\d+) t=(\\d+)\\b");

    /**
     * Indices of the story's messages, in send order: those of the request the detail names
     * (a client's result), else those of the sequence numbers or zxids it names.
     */
    static List<Integer> of(Violation v, Recording r, List<String> lanes) {
        String request = request(v.detail(), v.time(), r, lanes);
        if (request != null) {
            return carrying(request, v, r);
        }
        Set<Integer> wanted = new LinkedHashSet<>();
        for (String label : candidates(v.detail())) {
            Integer index = r.labels.find(label);
            if (index != null) {
                wanted.add(index);
            }
        }
        List<Integer> story = new ArrayList<>();
        long until = Math.round(v.time() * 1e9);
        for (int m = 0; m < r.messageCount() && story.size() < MAX_MESSAGES; m++) {
            if (wanted.contains(r.seqs.get(m)) && r.times.get(r.sendEvents.get(m)) <= until) {
                story.add(m);
            }
        }
        return story;
    }

    /**
     * The request label ({@code @4:17}, {@code @4/1:17}) of the request a detail names, or null.
     * A detail may name the client by its lane ({@code c0}) or by its node id ({@code c4});
     * the client is the one of these that accepted a result at the violation's time.
     */
    static String request(String detail, double timeSeconds, Recording r, List<String> lanes) {
        Matcher m = REQUEST.matcher(detail);
        if (!m.find()) {
            return null;
        }
        List<Integer> candidates = new ArrayList<>();
        candidates.add(lanes.indexOf(m.group(1)));
        candidates.add(Integer.parseInt(m.group(1).replaceAll("\\D", "")));
        long at = Math.round(timeSeconds * 1e9);
        for (int client : candidates) {
            if (client >= 0 && acceptedAt(r, client, at)) {
                return Display.node(client) + (m.group(2).equals("0") ? "" : "/" + m.group(2)) + ":" + m.group(3);
            }
        }
        return null;
    }

    /** Whether {@code client} reported an accepted result within a microsecond of {@code atNanos}. */
    private static boolean acceptedAt(Recording r, int client, long atNanos) {
        Integer accepted = r.types.find("Accepted");
        if (accepted == null) {
            return false;
        }
        for (int e = 0; e < r.eventCount(); e++) {
            if (r.nodes.get(e) == client && r.eventTypes.get(e) == accepted && Math.abs(r.times.get(e) - atNanos) <= 1_000) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> carrying(String request, Violation v, Recording r) {
        Set<Integer> wanted = new LinkedHashSet<>();
        for (int i = 0; i < r.labels.size(); i++) {
            if (java.util.Arrays.asList(r.labels.get(i).split(" ")).contains(request)) {
                wanted.add(i);
            }
        }
        List<Integer> story = new ArrayList<>();
        long until = Math.round(v.time() * 1e9);
        for (int m = 0; m < r.messageCount() && story.size() < MAX_MESSAGES; m++) {
            if (wanted.contains(r.requests.get(m)) && r.times.get(r.sendEvents.get(m)) <= until) {
                story.add(m);
            }
        }
        return story;
    }

    /**
     * The sequence-number labels a detail names: those it calls a sequence number or zxid if
     * any, else every plain number and zxid.
     */
    static Set<String> candidates(String detail) {
        Set<String> named = new LinkedHashSet<>();
        Matcher n = NAMED.matcher(detail);
        while (n.find()) {
            named.addAll(numbers(n.group(1)));
        }
        return named.isEmpty() ? numbers(detail) : named;
    }

    private static Set<String> numbers(String detail) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher z = ZXID.matcher(detail);
        while (z.find()) {
            labels.add(z.group().toLowerCase(java.util.Locale.ROOT).replace("0X", "0x"));
        }
        Matcher plain = NUMBER.matcher(detail);
        while (plain.find()) {
            labels.add(plain.group(1));
        }
        return labels;
    }
}
