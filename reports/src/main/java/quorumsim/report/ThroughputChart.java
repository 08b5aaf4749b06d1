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
import quorumsim.metrics.Metrics;
import quorumsim.result.RunResult;

/** Completed operations per second over virtual time, with the fault windows shaded. */
final class ThroughputChart {
    static final String NAME = "throughput";
    static final String SERIES = "completed operations";

    private ThroughputChart() {
    }

    static List<Path> write(RunResult result, Path dir) {
        Metrics metrics = result.metrics();
        TimeBuckets buckets = TimeBuckets.of(metrics, result.summary().virtualSeconds());
        long[] completions = metrics.completionsPerBucket();
        XYSeries series = new XYSeries(SERIES);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < buckets.count(); i++) {
            long done = i < completions.length ? completions[i] : 0;
            double opsPerSec = done / (buckets.end(i) - buckets.start(i));
            series.add(buckets.middle(i), opsPerSec);
            rows.add(List.of(buckets.start(i), buckets.end(i), done, opsPerSec));
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"),
                List.of("startSeconds", "endSeconds", "completed", "opsPerSec"), rows));

        NumberAxis time = new NumberAxis("virtual time (s)");
        NumberAxis ops = new NumberAxis("throughput (ops/s)");
        ops.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), time, ops, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Throughput over time \u2014 " + result.summary().scenario(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setSeriesStroke(0, ChartStyle.LINE);
        time.setRange(0, buckets.span());
        FaultMarkers.add(plot, result.windows(), metrics.measureFromNanos() / 1e9, buckets.span());
        files.addAll(ChartFiles.write(chart, dir, NAME));
        return files;
    }
}
