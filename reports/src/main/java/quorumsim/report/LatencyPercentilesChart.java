package quorumsim.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import quorumsim.metrics.Metrics;
import quorumsim.result.RunResult;

/**
 * p50, p90 and p99 latency per time bucket, with the fault windows shaded. Buckets where
 * nothing completed are gaps. The latency axis turns logarithmic when p99 and p50 are too far
 * apart for one linear scale (a view change next to a normal case).
 */
final class LatencyPercentilesChart {
    static final String NAME = "latency-percentiles";
    static final double[] PERCENTILES = {50, 90, 99};
    /** Beyond this ratio of largest to smallest value, a linear axis flattens the normal case. */
    private static final double LOG_AXIS_RATIO = 30;

    private LatencyPercentilesChart() {
    }

    static List<Path> write(RunResult result, Path dir) {
        Metrics metrics = result.metrics();
        TimeBuckets buckets = TimeBuckets.of(metrics, result.summary().virtualSeconds());
        List<Histogram> perBucket = metrics.latencyPerBucket();
        XYSeries[] series = new XYSeries[PERCENTILES.length];
        for (int p = 0; p < PERCENTILES.length; p++) {
            series[p] = new XYSeries(seriesName(PERCENTILES[p]), false, true);
        }
        List<List<?>> rows = new ArrayList<>();
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (int i = 0; i < buckets.count(); i++) {
            Histogram h = i < perBucket.size() ? perBucket.get(i) : null;
            List<Object> row = new ArrayList<>(Arrays.asList(buckets.start(i), buckets.end(i), h == null ? 0 : h.getTotalCount()));
            for (int p = 0; p < PERCENTILES.length; p++) {
                if (h == null || h.getTotalCount() == 0) {
                    series[p].add(buckets.middle(i), null);
                    row.add("");
                } else {
                    double ms = h.getValueAtPercentile(PERCENTILES[p]) / 1e6;
                    series[p].add(buckets.middle(i), ms);
                    row.add(ms);
                    smallest = Math.min(smallest, ms);
                    largest = Math.max(largest, ms);
                }
            }
            rows.add(row);
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"),
                List.of("startSeconds", "endSeconds", "completed", "p50Ms", "p90Ms", "p99Ms"), rows));

        XYSeriesCollection dataset = new XYSeriesCollection();
        for (XYSeries s : series) {
            dataset.addSeries(s);
        }
        NumberAxis time = new NumberAxis("virtual time (s)");
        ValueAxis latency = latencyAxis(smallest, largest);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(false);
        XYPlot plot = new XYPlot(dataset, time, latency, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Latency percentiles over time \u2014 " + result.summary().scenario(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int p = 0; p < PERCENTILES.length; p++) {
            renderer.setSeriesPaint(p, ChartStyle.series(p));
            renderer.setSeriesStroke(p, ChartStyle.LINE);
        }
        // p99 is drawn last and dashed, so it stays visible where it equals p90 (few samples per bucket)
        renderer.setSeriesStroke(PERCENTILES.length - 1, new java.awt.BasicStroke(2.2f, java.awt.BasicStroke.CAP_BUTT,
                java.awt.BasicStroke.JOIN_ROUND, 10, new float[] {7, 5}, 0));
        time.setRange(0, buckets.span());
        FaultMarkers.add(plot, result.windows(), metrics.measureFromNanos() / 1e9, buckets.span());
        files.addAll(ChartFiles.write(chart, dir, NAME));
        return files;
    }

    static String seriesName(double percentile) {
        return "p" + (int) percentile;
    }

    /** A latency axis in milliseconds from zero, logarithmic when the values span too many decades. */
    static ValueAxis latencyAxis(double smallest, double largest) {
        return latencyAxis(smallest, largest, true);
    }

    static ValueAxis latencyAxis(double smallest, double largest, boolean fromZero) {
        if (largest > 0 && smallest > 0 && largest / smallest > LOG_AXIS_RATIO) {
            return new DecadeLogAxis("latency (ms, log scale)", smallest / 2);
        }
        NumberAxis linear = new NumberAxis("latency (ms)");
        linear.setAutoRangeIncludesZero(fromZero);
        return linear;
    }
}
