package quorumsim.report;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A sweep's charts: each summary figure against each varied parameter, one line per value
 * of the other varied parameters, error bars the 95% confidence interval of the mean across
 * seeds; each as PNG, SVG and CSV, and a {@code report.html} showing them with the
 * aggregate table.
 */
public final class SweepReport {
    public static final String PAGE = "report.html";
    private static final String ALL_RUNS = "mean of seeds";

    private SweepReport() {
    }

    public static ReportFiles write(SweepData data, Path dir) {
        long startNanos = System.nanoTime();
        OutputFolder.create(dir);
        List<Path> files = new ArrayList<>();
        HtmlPage page = new HtmlPage(data.scenario() + " \u2014 quorumsim sweep");
        page.heading(1, "Sweep: " + data.scenario());
        long seeds = data.rows().stream().mapToLong(SweepData.Row::seed).distinct().count();
        page.paragraph("sub", "Varied: " + String.join(", ", data.parameters()) + "; " + data.rows().size() + " runs, "
                + seeds + " seeds. Points are means across seeds; error bars are 95% confidence intervals of the mean "
                + "(Student's t), absent where a point has a single run.");
        for (String figure : data.figures()) {
            page.heading(2, FigureLabel.of(figure));
            for (String parameter : data.parameters()) {
                String name = "sweep-" + FigureLabel.slug(figure) + "-vs-" + FigureLabel.slug(parameter);
                files.addAll(chart(data, figure, parameter, dir, name));
                page.chart(name, FigureLabel.of(figure) + " against " + FigureLabel.parameter(parameter));
            }
        }
        page.heading(2, "Aggregate across seeds");
        page.paragraph("sub", "Mean \u00b1 half-width of the 95% confidence interval; one row per combination of values.");
        List<String> figures = data.figures();
        List<String> header = new ArrayList<>(data.parameters());
        header.add("runs");
        figures.forEach(f -> header.add(FigureLabel.of(f)));
        List<List<String>> rows = new ArrayList<>();
        List<SweepData.Cell> cells = data.aggregate();
        for (int i = 0; i < cells.size(); i += figures.size()) {
            List<String> row = new ArrayList<>(cells.get(i).values().values());
            row.add(Integer.toString(cells.get(i).aggregate().n()));
            for (int k = 0; k < figures.size(); k++) {
                Aggregate a = cells.get(i + k).aggregate();
                row.add(Double.isNaN(a.ci95HalfWidth()) ? Units.number(a.mean())
                        : Units.number(a.mean()) + " \u00b1 " + Units.number(a.ci95HalfWidth()));
            }
            rows.add(row);
        }
        page.table(header, rows);
        files.add(page.write(dir.resolve(PAGE)));
        return new ReportFiles(files, System.nanoTime() - startNanos);
    }

    private static List<Path> chart(SweepData data, String figure, String parameter, Path dir, String name) {
        List<String> others = new ArrayList<>(data.parameters());
        others.remove(parameter);
        List<String> xValues = new ArrayList<>();
        Map<String, Map<String, List<Double>>> bySeries = new LinkedHashMap<>();
        for (SweepData.Row r : data.rows()) {
            String x = r.values().get(parameter);
            if (!xValues.contains(x)) {
                xValues.add(x);
            }
            bySeries.computeIfAbsent(seriesName(r, others), k -> new LinkedHashMap<>())
                    .computeIfAbsent(x, k -> new ArrayList<>()).add(r.figures().getOrDefault(figure, Double.NaN));
        }
        boolean numeric = xValues.stream().allMatch(SweepReport::isNumber);
        if (numeric) {
            xValues.sort((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)));
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        List<List<?>> csv = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Double>>> series : bySeries.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(series.getKey());
            for (String x : xValues) {
                List<Double> values = series.getValue().get(x);
                if (values == null) {
                    continue;
                }
                Aggregate a = Aggregate.of(values);
                if (a.n() == 0) {
                    continue;
                }
                double position = numeric ? Double.parseDouble(x) : xValues.indexOf(x);
                s.add(position, a.mean(), a.low(), a.high());
                csv.add(List.of(x, series.getKey(), a.n(), a.mean(), nanToEmpty(a.stddev()), a.low(), a.high()));
            }
            dataset.addSeries(s);
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(name + ".csv"),
                List.of(parameter, "series", "runs", "mean", "stddev", "ci95Low", "ci95High"), csv));

        ValueAxis xAxis;
        if (numeric) {
            NumberAxis axis = new NumberAxis(FigureLabel.parameter(parameter));
            axis.setAutoRangeIncludesZero(false);
            axis.setAutoRangeStickyZero(false);
            if (xValues.stream().allMatch(v -> Math.rint(Double.parseDouble(v)) == Double.parseDouble(v))) {
                axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            xAxis = axis;
        } else {
            xAxis = new SymbolAxis(FigureLabel.parameter(parameter), xValues.toArray(new String[0]));
        }
        xAxis.setLowerMargin(0.05);
        xAxis.setUpperMargin(0.05);
        NumberAxis yAxis = new NumberAxis(FigureLabel.of(figure));
        yAxis.setAutoRangeIncludesZero(true);
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        XYPlot plot = new XYPlot(dataset, xAxis, yAxis, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart(FigureLabel.of(figure) + " against " + parameter + " \u2014 " + data.scenario(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true));
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setCapLength(8);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.series(i));
            renderer.setSeriesStroke(i, ChartStyle.LINE);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        renderer.setErrorPaint(null);
        files.addAll(ChartFiles.write(chart, dir, name));
        return files;
    }

    private static String seriesName(SweepData.Row r, List<String> others) {
        if (others.isEmpty()) {
            return ALL_RUNS;
        }
        List<String> parts = new ArrayList<>();
        for (String p : others) {
            parts.add(p + "=" + r.values().get(p));
        }
        return String.join(", ", parts);
    }

    private static Object nanToEmpty(double v) {
        return Double.isNaN(v) ? "" : v;
    }

    private static boolean isNumber(String s) {
        return s != null && s.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }
}
