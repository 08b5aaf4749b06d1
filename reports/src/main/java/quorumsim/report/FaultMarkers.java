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
 * Labels are staggered over three rows so neighbouring ones do not overlap, and repeated
 * instants with the same label are labelled once, with their count.
 */
final class FaultMarkers {
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final int LABEL_ROWS = 3;
    private static final double LABEL_ROW_PIXELS = 14;

    private FaultMarkers() {
    }

    static void add(XYPlot plot, List<FaultWindow> windows, double warmUpSeconds) {
        int row = 0;
        if (warmUpSeconds > 0) {
            IntervalMarker warmUp = new IntervalMarker(0, warmUpSeconds, new Color(0xEEEEEE));
            label(warmUp, "warm-up (not measured)", new Color(0x777777), row++);
            plot.addDomainMarker(warmUp, Layer.BACKGROUND);
        }
        Map<String, Integer> instantCounts = new LinkedHashMap<>();
        for (FaultWindow w : windows) {
            if (w.isInstant()) {
                instantCounts.merge(w.label(), 1, Integer::sum);
            }
        }
        Map<String, Boolean> labelled = new LinkedHashMap<>();
        for (FaultWindow w : windows) {
            Color colour = colour(w.label());
            if (w.isInstant()) {
                ValueMarker m = new ValueMarker(w.startSeconds(), colour,
                        new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {5, 3}, 0));
                if (labelled.putIfAbsent(w.label(), true) == null) {
                    int count = instantCounts.get(w.label());
                    label(m, count > 1 ? w.label() + " (\u00d7" + count + ")" : w.label(), colour.darker(), row++);
                }
                plot.addDomainMarker(m, Layer.FOREGROUND);
            } else {
                Color fill = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 48);
                IntervalMarker m = new IntervalMarker(w.startSeconds(), w.endSeconds(), fill);
                m.setOutlinePaint(colour);
                label(m, w.label(), colour.darker(), row++);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
    }

    private static void label(Marker m, String text, Color colour, int row) {
        m.setLabel(text);
        m.setLabelFont(LABEL_FONT);
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
        m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(4 + (row % LABEL_ROWS) * LABEL_ROW_PIXELS, 4, 0, 0));
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
