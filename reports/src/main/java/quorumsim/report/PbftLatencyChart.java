package quorumsim.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * PBFT's latency micro-benchmark as bars: one group per argument/result case, one bar per
 * operation and f, so the cost of replication (read-write against unreplicated) and of f = 2
 * (the f = 2 bars against the f = 1 bars) can be read off together. Writes
 * {@code pbft-latency.png/.svg/.csv} and {@code report.html} with the table and the chart.
 */
public final class PbftLatencyChart {
    static final String NAME = "pbft-latency";

    private PbftLatencyChart() {
    }

    public static ReportFiles write(List<PbftLatencyRow> rows, List<String> notes, Path dir) {
        long startNanos = System.nanoTime();
        OutputFolder.create(dir);
        List<Path> files = new ArrayList<>();
        List<List<?>> csv = new ArrayList<>();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        LinkedHashSet<String> unreplicatedDone = new LinkedHashSet<>();
        for (PbftLatencyRow r : rows) {
            csv.add(List.of(r.caseName(), r.f(), r.operation(), r.latencyMs()));
            if (!r.operation().equals("unreplicated")) {
                dataset.addValue(r.latencyMs(), r.operation() + ", f = " + r.f(), r.caseName() + " KB");
            }
        }
        for (PbftLatencyRow r : rows) {
            if (r.operation().equals("unreplicated") && unreplicatedDone.add(r.caseName())) {
                dataset.addValue(r.latencyMs(), "unreplicated", r.caseName() + " KB");   // one bar: it does not depend on f
            }
        }
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"), List.of("case", "f", "operation", "latency_ms"), csv));
        BarRenderer renderer = new BarRenderer();
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("argument / result size"),
                new NumberAxis("mean latency (ms)"), renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("PBFT latency, one client, osdi99 profile (Castro and Liskov, OSDI'99 7.2)",
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16), plot, true));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        for (int i = 0; i < dataset.getRowCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.series(i));
        }
        plot.getRangeAxis().setUpperMargin(0.12);
        files.addAll(ChartFiles.write(chart, dir, NAME, ChartFiles.WIDTH, 560));

        HtmlPage page = new HtmlPage("PBFT latency \u2014 quorumsim reproduction");
        page.heading(1, "PBFT latency micro-benchmark, simulated");
        page.paragraph("sub", "Castro and Liskov, Practical Byzantine Fault Tolerance, OSDI 1999, section 7.2 (and TOCS 2002, "
                + "section 8.3.1): one client, null operations with 0 or 4 KB arguments and results, on the osdi99 profile "
                + "(133 MHz DEC Alpha, 10 Mbit/s switched Ethernet). The papers' figures are in docs/REFERENCES.md.");
        List<List<String>> table = new ArrayList<>();
        for (PbftLatencyRow r : rows) {
            table.add(List.of(r.caseName(), Integer.toString(r.f()), r.operation(), String.format(Locale.ROOT, "%.2f", r.latencyMs())));
        }
        page.table(List.of("argument/result (KB)", "f", "operation", "mean latency (ms)"), table);
        page.chart(NAME, "Mean latency by case, operation and f");
        for (String note : notes) {
            page.paragraph("sub", note);
        }
        files.add(page.write(dir.resolve(ReproductionCharts.PAGE)));
        return new ReportFiles(files, System.nanoTime() - startNanos);
    }
}
