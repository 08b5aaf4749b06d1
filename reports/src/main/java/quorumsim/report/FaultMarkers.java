package quorumsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import quorumsim.result.FaultWindow;

/**
 * Draws a run's fault windows on a time chart: stretches (partition, crash, Byzantine) as
 * shaded bands labelled at the top, instants (view change, new leader) as dashed lines.
 * Each label goes on the highest row where it does not overlap a label to its left (widths
 * estimated from the font and the chart's width), and repeated instants with the same label
 * are labelled once, with their count.
 */
final class FaultMarkers {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final double LABEL_ROW_PIXELS = 14;
    /** Deeper rows would cover the data; markers past them stay unlabelled (fault-windows.csv lists all). */
    private static final int MAX_LABEL_ROWS = 6;
    private static final double CHAR_PIXELS = 6.6;
    /** Plot width: the chart less its range axis and insets. */
    private static final double PLOT_PIXELS = ChartFiles.WIDTH - 110;

    private final List<Double> rowEndsSeconds = new java.util.ArrayList<>();
    private final double secondsPerPixel;
    private final double spanSeconds;

    private FaultMarkers(double spanSeconds) {
        this.spanSeconds = spanSeconds;
        this.secondsPerPixel = spanSeconds / PLOT_PIXELS;
    }

    /** Adds the windows to a plot whose time axis spans {@code spanSeconds}. */
    static void add(XYPlot plot, List<FaultWindow> windows, double warmUpSeconds, double spanSeconds) {
        new FaultMarkers(spanSeconds).addAll(plot, windows, warmUpSeconds);
    }

    private void addAll(XYPlot plot, List<FaultWindow> windows, double warmUpSeconds) {
        if (warmUpSeconds > 0) {
            IntervalMarker warmUp = new IntervalMarker(0, warmUpSeconds, new Color(0xEEEEEE));
            place(warmUp, "warm-up (not measured)", new Color(0x777777), 0, warmUpSeconds);
            plot.addDomainMarker(warmUp, Layer.BACKGROUND);
        }
        List<FaultWindow> byStart = new java.util.ArrayList<>(windows);
        byStart.sort(java.util.Comparator.comparingDouble(FaultWindow::startSeconds));
        Map<String, Integer> instantCounts = new LinkedHashMap<>();
        for (FaultWindow w : windows) {
            if (w.isInstant()) {
                instantCounts.merge(w.label(), 1, Integer::sum);
            }
        }
        java.util.Set<String> labelled = new java.util.TreeSet<>();
        for (FaultWindow w : byStart) {
            Color colour = colour(w.label());
            if (w.isInstant()) {
                ValueMarker m = new ValueMarker(w.startSeconds(), colour,
                        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 3}, 0));
                if (labelled.add(w.label())) {
                    int count = instantCounts.get(w.label());
                    String text = count > 1 ? w.label() + " (\u00d7" + count + ")" : w.label();
                    place(m, text, colour.darker(), w.startSeconds(), w.startSeconds());
                }
                plot.addDomainMarker(m, Layer.FOREGROUND);
            } else {
                Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 48);
                IntervalMarker m = new IntervalMarker(w.startSeconds(), w.endSeconds(), fill);
                m.setOutlinePaint(colour);
                place(m, w.label(), colour.darker(), w.startSeconds(), w.endSeconds());
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
    }

    /**
     * Labels a marker from its start, rightward; a label that would run past the plot's right
     * edge is set leftward from the marker's end instead.
     */
    private void place(Marker m, String text, Color colour, double startSeconds, double endSeconds) {
        double widthSeconds = (text.length() * CHAR_PIXELS + 12) * secondsPerPixel;
        boolean leftward = startSeconds + widthSeconds > spanSeconds;
        double from = leftward ? endSeconds - widthSeconds : startSeconds;
        int row = row(from, from + widthSeconds);
        if (row < MAX_LABEL_ROWS) {
            label(m, text, colour, row, leftward);
        }
    }

    /** The first row whose last label ends before this one starts; a new row if none. */
    private int row(double startSeconds, double endSeconds) {
        for (int r = 0; r < rowEndsSeconds.size(); r++) {
            if (rowEndsSeconds.get(r) < startSeconds) {
                rowEndsSeconds.set(r, endSeconds);
                return r;
            }
        }
        rowEndsSeconds.add(endSeconds);
        return rowEndsSeconds.size() - 1;
    }

    private static void label(Marker m, String text, Color colour, int row, boolean leftward) {
        m.setLabel(text);
        m.setLabelFont(LABEL_FONT);
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        // An instant's line has no width: its label starts right of it (or ends left of it), never on it.
        boolean instant = m instanceof ValueMarker;
        m.setLabelAnchor(instant ? (leftward ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT)
                : (leftward ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.TOP_LEFT));
        m.setLabelTextAnchor(leftward ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + row * LABEL_ROW_PIXELS, 4, 0, 4));
    }

    /** A colour per kind of fault, recognised by keywords in the label. */
    static Color colour(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.contains("crash")) {
            return new Color(0xC62828);
        } else if (l.contains("partition") || l.contains("isolate") || l.contains("cut")) {
            return new Color(0xEF6C00);
        } else if (l.contains("byzantine")) {
            return new Color(0x6A1B9A);
        } else if (l.contains("pause")) {
            return new Color(0x616161);
        } else if (l.contains("delay") || l.contains("spike") || l.contains("clock")) {
            return new Color(0x1565C0);
        } else if (l.contains("view")) {
            return new Color(0x283593);
        } else if (l.contains("leader")) {
            return new Color(0x2E7D32);
        }
        return new Color(0x8D6E63);
    }
}
