package quorumsim.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws two throw-away charts (a line chart and a bar chart, in the reports' style, as PNG
 * pixels and as SVG) on a daemon thread while a run simulates, so that the fonts, Java2D's
 * rasterizer, JFreeChart and the SVG writer are loaded and warm when the run's own charts are
 * drawn: in a fresh JVM that first use was most of a short run's report time. It touches
 * nothing of the run and writes nothing; the run's files are the same with it or without it.
 */
public final class ChartWarmUp {
    private ChartWarmUp() {
    }

    /** Starts the warm-up on its own daemon thread (the run uses one core; on two, this takes the other). */
    public static void startInBackground() {
        Thread thread = new Thread(ChartWarmUp::drawOnce, "report-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    static void drawOnce() {
        TextUtils.setUseDrawRotatedStringWorkaround(false);              // as ChartFiles sets it: the same text path
        XYSeries line = new XYSeries("warm-up");
        for (int i = 0; i < 50; i++) {
            line.add(i * 0.1, (i * 37) % 11);
        }
        XYPlot xy = new XYPlot(new XYSeriesCollection(line), new NumberAxis("x"), new NumberAxis("y"),
                new XYLineAndShapeRenderer(true, false));
        DefaultCategoryDataset bars = new DefaultCategoryDataset();
        bars.addValue(3, "sent", "PREPARE");
        bars.addValue(2, "sent", "COMMIT");
        CategoryPlot category = new CategoryPlot(bars, new CategoryAxis("type"), new NumberAxis("count"), new BarRenderer());
        for (JFreeChart chart : new JFreeChart[] {ChartStyle.apply(new JFreeChart("warm-up", xy)),
                ChartStyle.apply(new JFreeChart("warm-up", category))}) {
            BufferedImage image = chart.createBufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT);
            image.flush();
            SVGGraphics2D svg = new SVGGraphics2D(ChartFiles.WIDTH, ChartFiles.HEIGHT);
            svg.setDefsKeyPrefix("warm-up-");
            chart.draw(svg, new Rectangle(0, 0, ChartFiles.WIDTH, ChartFiles.HEIGHT));
            svg.getSVGDocument();
        }
    }
}
