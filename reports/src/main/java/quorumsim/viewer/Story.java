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

    /** Indices of the story's messages, in send order. */
    static List<Integer> of(Violation v, Recording r) {
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
