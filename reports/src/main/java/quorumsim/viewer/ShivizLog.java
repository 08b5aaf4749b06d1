package quorumsim.viewer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import quorumsim.trace.TraceKind;

/**
 * A recording as a ShiViz log ({@code --export shiviz}): each send, delivery, drop, crash,
 * recovery and observation as an event of its node, with a vector clock (a node ticks its own
 * entry at each of its events; a delivery first takes the maximum with the clock the message
 * left with). Timers and faults are left out: they order nothing between nodes. The first line
 * is the regular expression ShiViz parses the log with, the second the (empty) delimiter
 * between executions, as GoVector writes them.
 */
public final class ShivizLog {
    public static final String FILE = "shiviz.log";
    /** ShiViz's default log-parsing expression, as its documentation gives it (JavaScript syntax). */
    public static final String REGEX = "(?<host>\\S*) (?<clock>{.*})\\n(?<event>.*)";

    private ShivizLog() {
    }

    public static Path write(Path dir, Recording r, List<String> lanes) {
        Path file = dir.resolve(FILE);
        int n = lanes.size();
        int[][] clocks = new int[n][n];
        String[] leftWith = new String[r.messageCount()];
        int[][] sentClock = new int[r.messageCount()][];
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(REGEX + "\n\n");
            for (int e = 0; e < r.eventCount(); e++) {
                TraceKind kind = TraceKind.values()[r.kinds.get(e)];
                int node = r.nodes.get(e);
                if (node < 0 || node >= n || kind == TraceKind.TIMER || kind == TraceKind.FAULT) {
                    continue;
                }
                int[] clock = clocks[node];
                int message = r.eventMessages.get(e);
                if (kind == TraceKind.DELIVER && sentClock[message] != null) {
                    int[] theirs = sentClock[message];
                    for (int k = 0; k < n; k++) {
                        clock[k] = Math.max(clock[k], theirs[k]);
                    }
                }
                clock[node]++;
                if (kind == TraceKind.SEND) {
                    sentClock[message] = clock.clone();
                }
                out.write(lanes.get(node));
                out.write(' ');
                out.write(json(clock, lanes));
                out.write('\n');
                out.write(event(r, e, kind, message, lanes));
                out.write('\n');
                if (kind == TraceKind.DELIVER || kind == TraceKind.DROP) {
                    sentClock[message] = null;
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }

    private static String event(Recording r, int e, TraceKind kind, int message, List<String> lanes) {
        String type = r.types.get(r.eventTypes.get(e));
        int peer = r.peers.get(e);
        String peerName = peer >= 0 && peer < lanes.size() ? lanes.get(peer) : "?";
        String text = switch (kind) {
            case SEND -> "send " + type + " to " + peerName + ": " + r.texts.get(r.messageTexts.get(message));
            case DELIVER -> "receive " + type + " from " + peerName + ": " + r.texts.get(r.messageTexts.get(message));
            case DROP -> "drop " + type + " from " + peerName + " (" + r.texts.get(r.eventTexts.get(e)) + ")";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT) + " " + type
                    + (r.eventTexts.get(e) >= 0 ? ": " + r.texts.get(r.eventTexts.get(e)) : "");
        };
        return names(text, lanes).replace('\n', ' ') + " @" + r.times.get(e) + "ns";
    }

    /** The page's {@code @id} node references as lane names. */
    static String names(String text, List<String> lanes) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                int j = i + 1;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
                int id = Integer.parseInt(text.substring(i + 1, j));
                b.append(id < lanes.size() ? lanes.get(id) : "#" + id);
                i = j - 1;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String json(int[] clock, List<String> lanes) {
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < clock.length; k++) {
            if (clock[k] > 0) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append('"').append(lanes.get(k)).append("\":").append(clock[k]);
            }
        }
        return b.append('}').toString();
    }
}
