package quorumsim.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;

/**
 * Draws a {@link DiagramWindow} as a message-sequence (Lamport) diagram in SVG: one lane per
 * node, time downward, an arrow per message from the sender's lane at its send time to the
 * receiver's lane at its delivery, coloured by phase, dropped messages ending in a cross,
 * crashed stretches of a lane grey and dashed.
 *
 * <p>Written as SVG text rather than through a Graphics2D: each message becomes one
 * {@code <g>} with its id, type and fate as data attributes and a tooltip, arrowheads are SVG
 * markers, and the file stays small and readable.
 *
 * <p>Time runs linearly, except that a stretch with nothing happening that is longer than a
 * few message delays (a timeout) is shortened and marked with a break, so the phases of the
 * normal case stay readable next to a view change.
 */
final class SequenceDiagram {
    private static final double TOP = 124;
    private static final double LEFT = 120;
    private static final double RIGHT_MARGIN = 180;
    private static final double BOTTOM_MARGIN = 40;
    private static final double PX_PER_HOP = 100;
    private static final double GAP_CAP_HOPS = 3;
    private static final double GAP_DRAWN_HOPS = 1.2;
    private static final double MAX_HEIGHT = 6000;
    private static final double DROP_FRACTION = 0.55;
    private static final String CAPTION_SUFFIX = "; time runs downward (virtual time)";
    /** A wide estimate of a 12 px sans-serif character, so the caption is never cut off. */
    private static final double CAPTION_PX_PER_CHAR = 6.8;
    private static final String FONT = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\"";

    private SequenceDiagram() {
    }

    static String svg(DiagramWindow w, List<String> laneNames, String title) {
        return svg(w, laneNames, title, Set.of());
    }

    /** As {@link #svg(DiagramWindow, List, String)}, drawing the messages in {@code dashed} with dashed lines. */
    static String svg(DiagramWindow w, List<String> laneNames, String title, Set<Long> dashed) {
        double laneSpacing = w.lanes().size() > 10 ? 110 : 150;
        double[] laneX = new double[laneNames.size()];
        Arrays.fill(laneX, Double.NaN);
        for (int i = 0; i < w.lanes().size(); i++) {
            laneX[w.lanes().get(i)] = LEFT + 60 + i * laneSpacing;
        }
        TimeScale scale = TimeScale.of(w);
        double lastLaneX = LEFT + 60 + Math.max(0, w.lanes().size() - 1) * laneSpacing;
        double captionWidth = 32 + CAPTION_PX_PER_CHAR * (w.caption().length() + CAPTION_SUFFIX.length());
        double width = Math.max(lastLaneX + RIGHT_MARGIN, captionWidth);
        double bottom = TOP + scale.height();
        double height = bottom + BOTTOM_MARGIN;

        StringBuilder svg = new StringBuilder(8192 + w.arrows().size() * 400);
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" %s font-size=\"12\">\n",
                width, height, width, height, FONT));
        svg.append("<title>").append(Markup.escape(title)).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        // phases in the order they first appear, as the legend reads
        Map<MessageKind, List<DiagramWindow.Arrow>> byKind = new LinkedHashMap<>();
        for (DiagramWindow.Arrow a : w.arrows()) {
            byKind.computeIfAbsent(MessageKind.of(a.type()), k -> new ArrayList<>()).add(a);
        }
        markers(svg, byKind);
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">%s</text>\n",
                Markup.escape(title)));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"46\" fill=\"#444\">%s%s</text>\n",
                Markup.escape(w.caption()), CAPTION_SUFFIX));
        legend(svg, byKind, w);
        lanes(svg, w, laneNames, laneX, scale, bottom);
        timeAxis(svg, w, scale, bottom);
        faults(svg, w, scale, lastLaneX);
        if (w.arrows().isEmpty()) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\" fill=\"#888\">no message in this window</text>\n",
                    LEFT + 40, TOP + 30));
        }
        for (DiagramWindow.Arrow a : w.arrows()) {
            arrow(svg, a, laneX, laneNames, scale, bottom, dashed.contains(a.messageId()));
        }
        phaseLabels(svg, byKind, scale, lastLaneX);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void markers(StringBuilder svg, Map<MessageKind, List<DiagramWindow.Arrow>> byKind) {
        svg.append("<defs>\n");
        for (MessageKind kind : MessageKind.values()) {
            svg.append(String.format(Locale.ROOT,
                    "<marker id=\"head-%s\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
                            + "markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"%s\"/></marker>\n",
                    kind.name().toLowerCase(Locale.ROOT), kind.hex()));
        }
        svg.append("</defs>\n");
    }

    private static void legend(StringBuilder svg, Map<MessageKind, List<DiagramWindow.Arrow>> byKind, DiagramWindow w) {
        double x = 16;
        double y = 70;
        for (MessageKind kind : byKind.keySet()) {
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"%s\" stroke-width=\"2\" marker-end=\"url(#head-%s)\"/>",
                    x, y - 4, x + 26, y - 4, kind.hex(), kind.name().toLowerCase(Locale.ROOT)));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 32, y, kind.label()));
            x += 44 + 7.5 * kind.label().length();
        }
        boolean drops = w.arrows().stream().anyMatch(a -> a.fate() == DiagramWindow.Fate.DROPPED);
        if (drops) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#555\" stroke-width=\"1.6\" stroke-dasharray=\"4 3\"/>",
                    x, y - 4, x + 22, y - 4));
            cross(svg, x + 26, y - 4, "#555");
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">dropped</text>\n", x + 36, y));
            x += 100;
        }
        boolean crashes = !w.downAtStart().isEmpty() || w.nodeEvents().stream().anyMatch(e -> e.kind() == TraceKind.CRASH);
        if (crashes) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#bbb\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
                    x, y - 4, x + 26, y - 4));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.0f\">crashed node</text>\n", x + 32, y));
        }
    }

    /**
     * "leader" or "primary" for the one lane that sends every PROPOSAL or PRE-PREPARE drawn,
     * so a reader sees who leads without knowing the run; none where no single lane does.
     */
    private static Map<Integer, String> roles(DiagramWindow w) {
        Map<Integer, String> roles = new LinkedHashMap<>();
        for (MessageKind kind : List.of(MessageKind.PROPOSAL, MessageKind.PRE_PREPARE)) {
            TreeSet<Integer> senders = new TreeSet<>();
            w.arrows().stream().filter(a -> MessageKind.of(a.type()) == kind).forEach(a -> senders.add(a.from()));
            if (senders.size() == 1) {
                roles.put(senders.first(), kind == MessageKind.PROPOSAL ? "leader" : "primary");
            }
        }
        return roles;
    }

    private static void lanes(StringBuilder svg, DiagramWindow w, List<String> laneNames, double[] laneX, TimeScale scale, double bottom) {
        Map<Integer, String> roles = roles(w);
        for (int lane : w.lanes()) {
            double x = laneX[lane];
            String role = roles.containsKey(lane) ? " (" + roles.get(lane) + ")" : "";
            String name = laneNames.get(lane) + (laneNames.get(lane).length() + role.length() <= 14 ? role : "");
            boolean client = DiagramWindow.isClient(laneNames.get(lane));
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"lane\" data-node=\"%d\"><rect x=\"%.0f\" y=\"%.0f\" width=\"100\" height=\"26\" rx=\"4\" fill=\"%s\" stroke=\"#333\"/>"
                            + "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>\n",
                    lane, x - 50, TOP - 40, client ? "#fff8e1" : "#e3f2fd", x, TOP - 22, Markup.escape(shorten(name, 14))));
            List<TraceEvent> events = new ArrayList<>();
            for (TraceEvent e : w.nodeEvents()) {
                if (e.node() == lane && e.kind() != TraceKind.FAULT) {
                    events.add(e);
                }
            }
            String state = w.downAtStart().contains(lane) ? "down" : "up";
            double y = TOP - 14;
            for (TraceEvent e : events) {
                double at = TOP + scale.y(e.timeNanos());
                segment(svg, x, y, at, state);
                y = at;
                switch (e.kind()) {
                    case CRASH -> {
                        state = "down";
                        cross(svg, x, at, "#c62828");
                        nodeNote(svg, x, at, "crash", "#c62828", e);
                    }
                    case RECOVER -> {
                        state = "up";
                        nodeNote(svg, x, at, "recover", "#2e7d32", e);
                    }
                    case PAUSE -> {
                        state = "paused";
                        nodeNote(svg, x, at, "pause", "#ef6c00", e);
                    }
                    case RESUME -> {
                        state = "up";
                        nodeNote(svg, x, at, "resume", "#2e7d32", e);
                    }
                    case OBSERVE -> {
                        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#111\"/>", x, at));
                        nodeNote(svg, x, at, e.detail(), "#111", e);
                    }
                    default -> {
                    }
                }
            }
            segment(svg, x, y, bottom, state);
            svg.append("</g>\n");
        }
    }

    private static void segment(StringBuilder svg, double x, double y1, double y2, String state) {
        if (y2 <= y1) {
            return;
        }
        String style = switch (state) {
            case "down" -> "stroke=\"#bbb\" stroke-width=\"2\" stroke-dasharray=\"6 4\"";
            case "paused" -> "stroke=\"#ef6c00\" stroke-width=\"2\" stroke-dasharray=\"2 3\"";
            default -> "stroke=\"#333\" stroke-width=\"1.5\"";
        };
        svg.append(String.format(Locale.ROOT, "<line class=\"lane-%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" %s/>",
                state, x, y1, x, y2, style));
    }

    private static void nodeNote(StringBuilder svg, double x, double y, String text, String colour, TraceEvent e) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" fill=\"%s\" font-weight=\"bold\" font-size=\"11\">%s<title>%s at %s</title></text>",
                x + 8, y - 4, colour, Markup.escape(text), Markup.escape(text), Units.millis(e.timeNanos())));
    }

    private static void cross(StringBuilder svg, double x, double y, String colour) {
        double r = 5;
        svg.append(String.format(Locale.ROOT,
                "<path d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f\" stroke=\"%s\" stroke-width=\"2.2\"/>",
                x - r, y - r, x + r, y + r, x - r, y + r, x + r, y - r, colour));
    }

    private static void timeAxis(StringBuilder svg, DiagramWindow w, TimeScale scale, double bottom) {
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\" fill=\"#444\" font-weight=\"bold\">time (ms)</text>\n", LEFT - 12, TOP - 22));
        double lastY = Double.NEGATIVE_INFINITY;
        for (long t : scale.keyTimes()) {
            double y = TOP + scale.y(t);
            if (y - lastY < 18) {
                continue;
            }
            lastY = y;
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.0f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\" font-size=\"11\">%.3f</text>"
                            + "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\"/>\n",
                    LEFT - 12, y + 4, t / 1e6, LEFT - 8, y, LEFT, y));
        }
        for (double[] gap : scale.breaks()) {
            double y = TOP + gap[0];
            svg.append(String.format(Locale.ROOT,
                    "<path d=\"M%.0f,%.1f l8,-5 l8,10 l8,-5\" fill=\"none\" stroke=\"#999\"/>"
                            + "<text x=\"%.0f\" y=\"%.1f\" fill=\"#999\" font-size=\"11\" font-style=\"italic\">%s skipped</text>\n",
                    LEFT - 4, y + gap[1] / 2, LEFT + 24, y + gap[1] / 2 + 4, Units.millis((long) gap[2])));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#999\"/>\n",
                LEFT, TOP - 14, LEFT, bottom));
    }

    private static void faults(StringBuilder svg, DiagramWindow w, TimeScale scale, double lastLaneX) {
        for (TraceEvent e : w.nodeEvents()) {
            if (e.kind() != TraceKind.FAULT || isLaneFault(e.detail())) {
                continue;
            }
            double y = TOP + scale.y(e.timeNanos());
            String colour = hex(FaultMarkers.colour(e.detail()));
            svg.append(String.format(Locale.ROOT,
                    "<g class=\"fault\"><line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"%s\" stroke-dasharray=\"8 4\"/>"
                            + "<text x=\"%.0f\" y=\"%.1f\" fill=\"%s\" font-size=\"11\" font-weight=\"bold\">%s</text></g>\n",
                    LEFT, y, lastLaneX + 40, y, colour, LEFT + 6, y - 4, colour, Markup.escape(shorten(e.detail(), 60))));
        }
    }

    /** Crashes, recoveries and pauses are drawn on their lanes; other faults get a line across. */
    private static boolean isLaneFault(String label) {
        String l = label == null ? "" : label.toLowerCase(Locale.ROOT);
        return l.startsWith("crash") || l.startsWith("recover") || l.startsWith("pause") || l.startsWith("resume");
    }

    private static void arrow(StringBuilder svg, DiagramWindow.Arrow a, double[] laneX, List<String> laneNames, TimeScale scale, double bottom,
                              boolean dashed) {
        String dash = dashed ? " stroke-dasharray=\"7 4\"" : "";
        MessageKind kind = MessageKind.of(a.type());
        String colour = kind.hex();
        double x1 = laneX[a.from()];
        double x2 = laneX[a.to()];
        double y1 = TOP + scale.y(a.sendNanos());
        String fate = a.fate().name().toLowerCase(Locale.ROOT).replace('_', '-');
        svg.append(String.format(Locale.ROOT, "<g class=\"msg\" data-msg-id=\"%d\" data-type=\"%s\" data-kind=\"%s\" data-fate=\"%s\">",
                a.messageId(), Markup.escape(a.type()), kind.label(), fate));
        String end = switch (a.fate()) {
            case DELIVERED -> "delivered " + Units.millis(a.endNanos());
            case DROPPED -> "dropped (" + a.dropReason() + ") " + Units.millis(a.endNanos());
            case IN_FLIGHT -> "still in flight at the end of the trace";
        };
        svg.append("<title>").append(Markup.escape(String.format(Locale.ROOT, "%s #%d: %s \u2192 %s, %d B, sent %s, %s\n%s",
                a.type(), a.messageId(), laneNames.get(a.from()), laneNames.get(a.to()), a.sizeBytes(),
                Units.millis(a.sendNanos()), end, shorten(a.detail(), 400)))).append("</title>");
        String head = "url(#head-" + kind.name().toLowerCase(Locale.ROOT) + ")";
        switch (a.fate()) {
            case DELIVERED -> {
                double y2 = TOP + scale.y(a.endNanos());
                if (a.from() == a.to()) {
                    svg.append(String.format(Locale.ROOT,
                            "<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\" marker-end=\"%s\"/>",
                            x1, y1, x1 + 36, y1, x1 + 36, Math.max(y2, y1 + 12), x1 + 1, Math.max(y2, y1 + 12), colour, head));
                } else {
                    svg.append(String.format(Locale.ROOT,
                            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.6\" marker-end=\"%s\"%s/>",
                            x1, y1, x2, y2, colour, head, dash));
                }
            }
            case DROPPED -> {
                // reached a crashed node: the whole way, crossed out at the lane; lost or cut
                // off in the network: half way, at the slope of a typical message
                boolean arrived = "crashed".equals(a.dropReason());
                double y2 = TOP + (arrived ? scale.y(a.endNanos()) : scale.y(a.sendNanos()) + scale.hopPixels());
                double share = arrived ? 1 : DROP_FRACTION;
                double xe = x1 + (x2 - x1) * share;
                double ye = y1 + (y2 - y1) * share;
                svg.append(String.format(Locale.ROOT,
                        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.6\" stroke-dasharray=\"5 3\"/>",
                        x1, y1, xe, ye, colour));
                cross(svg, xe, ye, colour);
            }
            case IN_FLIGHT -> svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.4\" stroke-dasharray=\"2 3\"/>",
                    x1, y1, x2, bottom, colour));
        }
        svg.append("</g>\n");
    }

    /** Each phase's name in the right margin, beside its first message, as the lecture figures label them. */
    private static void phaseLabels(StringBuilder svg, Map<MessageKind, List<DiagramWindow.Arrow>> byKind, TimeScale scale, double lastLaneX) {
        double lastY = Double.NEGATIVE_INFINITY;
        List<double[]> placed = new ArrayList<>();
        for (Map.Entry<MessageKind, List<DiagramWindow.Arrow>> e : byKind.entrySet()) {
            List<DiagramWindow.Arrow> arrows = e.getValue();
            placed.add(new double[] {TOP + scale.y(arrows.get(0).sendNanos()), e.getKey().ordinal()});
        }
        placed.sort((p, q) -> Double.compare(p[0], q[0]));
        for (double[] p : placed) {
            double y = Math.max(p[0] + 4, lastY + 16);
            lastY = y;
            MessageKind kind = MessageKind.values()[(int) p[1]];
            svg.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%.1f\" fill=\"%s\" font-weight=\"bold\">%s</text>\n",
                    lastLaneX + 80, y, kind.hex(), kind.label()));
        }
    }

    private static String hex(java.awt.Color c) {
        return String.format("#%06x", c.getRGB() & 0xFFFFFF);
    }

    private static String shorten(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    /**
     * Virtual time to pixels below the top: linear at {@code pxPerNano}, with every quiet
     * stretch longer than a few message delays drawn short.
     */
    private record TimeScale(long[] keys, double[] ys, double pxPerNano, double hopPixels, List<double[]> breaks) {
        static TimeScale of(DiagramWindow w) {
            TreeSet<Long> times = new TreeSet<>();
            times.add(w.fromNanos());
            times.add(w.toNanos());
            List<Long> delays = new ArrayList<>();
            for (DiagramWindow.Arrow a : w.arrows()) {
                times.add(a.sendNanos());
                times.add(a.endNanos());
                if (a.fate() == DiagramWindow.Fate.DELIVERED && a.endNanos() > a.sendNanos()) {
                    delays.add(a.endNanos() - a.sendNanos());
                }
            }
            for (TraceEvent e : w.nodeEvents()) {
                times.add(e.timeNanos());
            }
            delays.sort(null);
            long span = Math.max(1, w.toNanos() - w.fromNanos());
            double hopNanos = delays.isEmpty() ? span / 6.0 : delays.get(delays.size() / 2);
            double pxPerNano = PX_PER_HOP / hopNanos;
            long[] keys = times.stream().mapToLong(Long::longValue).toArray();
            double[] ys = new double[keys.length];
            List<double[]> breaks = new ArrayList<>();
            for (int i = 1; i < keys.length; i++) {
                double dt = keys[i] - keys[i - 1];
                double dy = dt * pxPerNano;
                if (dt > GAP_CAP_HOPS * hopNanos) {
                    dy = GAP_DRAWN_HOPS * PX_PER_HOP;
                    breaks.add(new double[] {ys[i - 1], dy, dt});
                }
                ys[i] = ys[i - 1] + dy;
            }
            double height = keys.length == 0 ? 0 : ys[ys.length - 1];
            if (height > MAX_HEIGHT) {
                double shrink = MAX_HEIGHT / height;
                for (int i = 0; i < ys.length; i++) {
                    ys[i] *= shrink;
                }
                for (double[] b : breaks) {
                    b[0] *= shrink;
                    b[1] *= shrink;
                }
                pxPerNano *= shrink;
            }
            return new TimeScale(keys, ys, pxPerNano, Math.min(PX_PER_HOP, hopNanos * pxPerNano), breaks);
        }

        double height() {
            return Math.max(ys.length == 0 ? 0 : ys[ys.length - 1], 2 * PX_PER_HOP) + 20;
        }

        long[] keyTimes() {
            return keys;
        }

        double y(long t) {
            int i = Arrays.binarySearch(keys, t);
            if (i >= 0) {
                return ys[i];
            }
            int after = -i - 1;
            if (after == 0) {
                return ys.length == 0 ? 0 : ys[0];
            }
            if (after >= keys.length) {
                return ys[keys.length - 1];
            }
            double share = (double) (t - keys[after - 1]) / (keys[after] - keys[after - 1]);
            return ys[after - 1] + share * (ys[after] - ys[after - 1]);
        }
    }
}
