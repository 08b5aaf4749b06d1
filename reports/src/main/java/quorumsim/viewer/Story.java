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
    private static final Pattern ZXID = Pattern.compile("\\b(\\d+):(\\d+)\\b|0x([0-9a-fA-F]+)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.#@-])(\\d+)(?![\\w.:])");

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

    /** The sequence-number labels a detail may name: plain numbers, and zxids as e:c or 0x hex. */
    static Set<String> candidates(String detail) {
        Set<String> labels = new LinkedHashSet<>();
        Matcher z = ZXID.matcher(detail);
        while (z.find()) {
            if (z.group(3) != null) {
                try {
                    labels.add(ZabModel.zxid(Long.parseUnsignedLong(z.group(3), 16)));
                } catch (NumberFormatException e) {
                    // not a zxid
                }
            } else {
                labels.add(z.group(1) + ":" + z.group(2));
            }
        }
        Matcher n = NUMBER.matcher(detail);
        while (n.find()) {
            labels.add(n.group(1));
        }
        return labels;
    }
}
