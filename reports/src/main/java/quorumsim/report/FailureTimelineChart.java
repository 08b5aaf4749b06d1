package quorumsim.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quorumsim.result.FaultWindow;

/**
 * The chart of {@code reproduce zk-failures} (the shape of Hunt et al. 2010, Figure 8):
 * throughput over time with the failures shaded and the new leader marked.
 */
public final class FailureTimelineChart {
    static final String NAME = "zk-failures";

    private FailureTimelineChart() {
    }

    /**
     * Writes {@code zk-failures.png/.svg}.
     *
     * @param endSeconds the end of each row of the timeline
     * @param opsPerSec  completions per second in each row
     * @param windows    the failures (stretches) and the new leader (an instant)
     */
    public static List<Path> write(double[] endSeconds, double[] opsPerSec, List<FaultWindow> windows, Path dir) {
        if (endSeconds.length != opsPerSec.length || endSeconds.length == 0) {
            throw new IllegalArgumentException("a timeline needs as many rates as rows, and at least one: " + endSeconds.length
                    + " rows, " + opsPerSec.length + " rates");
        }
        OutputFolder.create(dir);
        XYSeries series = new XYSeries("completed operations");
        for (int i = 0; i < endSeconds.length; i++) {
            series.add(endSeconds[i], opsPerSec[i]);
        }
        double span = endSeconds[endSeconds.length - 1];
        NumberAxis time = new NumberAxis("virtual time (s)");
        time.setRange(0, span);
        NumberAxis ops = new NumberAxis("throughput (ops/s)");
        ops.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), time, ops, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("ZooKeeper throughput under failures (5 servers, 30% writes)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setSeriesStroke(0, ChartStyle.LINE);
        FaultMarkers.add(plot, windows, 0, span);
        return new ArrayList<>(ChartFiles.write(chart, dir, NAME));
    }
}
