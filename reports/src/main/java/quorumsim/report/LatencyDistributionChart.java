package quorumsim.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
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
 * The latency distribution over the measured window as a CDF (share of operations at or
 * below a latency), from the HdrHistogram data: one line for all operations and one per
 * kind (read, write) when there are several. Points come from HdrHistogram's percentile
 * iteration, which halves the step toward 100% at every half distance: a few hundred
 * points, dense in the tail where latency matters, however many operations completed.
 */
final class LatencyDistributionChart {
    static final String NAME = "latency-cdf";
    static final String ALL = "all operations";
    private static final int TICKS_PER_HALF_DISTANCE = 20;

    private LatencyDistributionChart() {
    }

    static List<Path> write(RunResult result, Path dir) {
        Metrics metrics = result.metrics();
        Map<String, Histogram> histograms = new LinkedHashMap<>();
        histograms.put(ALL, metrics.latency());
        if (metrics.latencyByKind().size() > 1) {
            histograms.putAll(metrics.latencyByKind());
        }
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<List<?>> rows = new ArrayList<>();
        double smallest = Double.MAX_VALUE;
        double largest = 0;
        for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
            Histogram h = e.getValue();
            XYSeries series = new XYSeries(e.getKey(), false, true);
            if (h.getTotalCount() == 0) {
                dataset.addSeries(series);
                continue;
            }
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                double ms = h.highestEquivalentValue(v.getValueIteratedTo()) / 1e6;
                double percent = Math.min(100.0, v.getPercentileLevelIteratedTo());
                series.add(ms, percent);
                rows.add(List.of(e.getKey(), ms, v.getTotalCountToThisValue(), percent));
                smallest = Math.min(smallest, ms);
                largest = Math.max(largest, ms);
            }
            dataset.addSeries(series);
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"), List.of("kind", "latencyMs", "countAtOrBelow", "percentile"), rows));

        ValueAxis latency = LatencyPercentilesChart.latencyAxis(smallest, largest, false);
        NumberAxis share = new NumberAxis("operations at or below (%)");
        share.setRange(0, 100.5);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(dataset, latency, share, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Latency distribution (CDF, measured window) \u2014 "
                + result.summary().scenario(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, i == 0 ? ChartStyle.series(6) : ChartStyle.series(i - 1));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
        }
        files.addAll(ChartFiles.write(chart, dir, NAME));
        return files;
    }
}
