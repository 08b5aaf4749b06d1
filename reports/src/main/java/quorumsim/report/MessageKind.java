package quorumsim.report;

import java.awt.Color;
import java.util.Locale;

/**
 * The phase a message belongs to, recognised from its type name by keywords, so charts and
 * diagrams colour PBFT's and Zab's messages alike without knowing a protocol class. The first
 * kind whose keyword the name contains wins (PrePrepare before Prepare, AckEpoch
 * before Ack, ReadReply before Read).
 */
enum MessageKind {
    PRE_PREPARE("pre-prepare", new Color(0x0072B2), "PrePrepare", "Pre_Prepare", "Pre-Prepare"),
    VIEW_CHANGE("view change", new Color(0xC62828), "ViewChange", "NewView", "View_Change", "NewLeader",
            "Election", "Vote", "FollowerInfo", "LeaderInfo", "Epoch"),
    CHECKPOINT("checkpoint", new Color(0x8C6D31), "Checkpoint", "Snapshot", "Sync", "Diff", "Trunc"),
    PROPOSAL("proposal", new Color(0x0072B2), "Proposal", "Propose"),
    PREPARE("prepare", new Color(0x009E73), "Prepare"),
    COMMIT("commit", new Color(0xD55E00), "Commit"),
    ACK("ack", new Color(0x009E73), "Ack"),
    FORWARD("forward", new Color(0x56B4E9), "Forward"),
    REPLY("reply", new Color(0x7B3294), "Reply", "Response", "Result"),
    REQUEST("request", new Color(0x000000), "Request", "Read", "Write", "Submit"),
    OTHER("other", new Color(0x888888));

    private final String label;
    private final Color colour;
    private final String[] keywords;

    MessageKind(String label, Color colour, String... keywords) {
        this.label = label;
        this.colour = colour;
        this.keywords = keywords;
    }

    String label() {
        return label;
    }

    Color colour() {
        return colour;
    }

    String hex() {
        return String.format("#%06x", colour.getRGB() & 0xFFFFFF);
    }

    static MessageKind of(String typeName) {
        String name = typeName.toLowerCase(Locale.ROOT);
        for (MessageKind kind : values()) {
            for (String keyword : kind.keywords) {
                if (name.contains(keyword.toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
        }
        return OTHER;
    }
}
