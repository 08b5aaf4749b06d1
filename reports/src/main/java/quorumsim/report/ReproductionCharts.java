package quorumsim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Charts that set the simulator beside the ZooKeeper paper (Hunt et al., USENIX ATC 2010):
 * simulated values as lines with filled circles, the paper's as hollow diamonds of the same
 * colour, so a reader sees at once where they part.
 */
public final class ReproductionCharts {
    public static final String PAGE = "report.html";
    static final String TABLE_CHART = "zk-table";
    static final String READ_MIX_CHART = "zk-read-mix";
    private static final Shape CIRCLE = new Ellipse2D.Double(-4, -4, 8, 8);
    private static final Shape DIAMOND = diamond(7);

    private ReproductionCharts() {
    }

    /**
     * Table 1 of the paper: throughput of reads (100%) and writes (0%) against servers,
     * simulated and paper, in two panels sharing the server axis (reads are some 20 times
     * writes, so one linear axis would flatten the writes). Writes {@code zk-table.png/.svg/.csv}
     * and {@code report.html} with the table (simulated, paper, deviation) and the chart.
     */
    public static ReportFiles zkTable(List<ZkTableRow> rows, Path dir) {
        return zkTable(rows, List.of(), dir);
    }

    /**
     * As {@link #zkTable(List, Path)}, and the page also gives the checkers' verdict over every
     * cell and where each cell saturated (the CPU table the terminal prints).
     */
    public static ReportFiles zkTable(List<ZkTableRow> rows, List<ZkCell> cells, Path dir) {
        long startNanos = System.nanoTime();
        OutputFolder.create(dir);
        List<ZkTableRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(ZkTableRow::readPct).reversed().thenComparingInt(ZkTableRow::servers));
        List<Path> files = new ArrayList<>();
        List<List<?>> csv = new ArrayList<>();
        for (ZkTableRow r : sorted) {
            csv.add(List.of(r.servers(), r.readPct(), r.simulatedOpsPerSec(), nanToEmpty(r.paperOpsPerSec()), nanToEmpty(r.deviationPct())));
        }
        files.add(CsvFile.write(dir.resolve(TABLE_CHART + ".csv"),
                List.of("servers", "readPct", "simulatedOpsPerSec", "paperOpsPerSec", "deviationPct"), csv));

        NumberAxis servers = new NumberAxis("servers");
        servers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        servers.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(servers);
        plot.setGap(16);
        for (int readPct : new int[] {100, 0}) {
            List<double[]> simulated = new ArrayList<>();
            List<double[]> paper = new ArrayList<>();
            for (ZkTableRow r : sorted) {
                if (r.readPct() == readPct) {
                    simulated.add(new double[] {r.servers(), r.simulatedOpsPerSec()});
                    if (!Double.isNaN(r.paperOpsPerSec())) {
                        paper.add(new double[] {r.servers(), r.paperOpsPerSec()});
                    }
                }
            }
            String what = readPct == 100 ? "reads (100%)" : "writes (0% reads)";
            plot.add(panel("simulated " + what, simulated, "paper " + what, paper,
                    (readPct == 100 ? "read" : "write") + " throughput (ops/s)"));
        }
        JFreeChart chart = ChartStyle.apply(new JFreeChart("ZooKeeper throughput vs servers: simulated and paper (Hunt et al. 2010, Table 1)",
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16), plot, true));
        restyle(plot);
        files.addAll(ChartFiles.write(chart, dir, TABLE_CHART, ChartFiles.WIDTH, 640));

        HtmlPage page = new HtmlPage("ZooKeeper table \u2014 quorumsim reproduction");
        page.heading(1, "ZooKeeper throughput table, reproduced");
        page.paragraph("sub", "Hunt, Konar, Junqueira, Reed: ZooKeeper: wait-free coordination for Internet-scale systems, "
                + "USENIX ATC 2010, Table 1: throughput of a saturated ensemble, 100% reads and 0% reads. Deviation = "
                + "(simulated \u2212 paper) / paper.");
        page.table(List.of("servers", "read %", "simulated (ops/s)", "paper (ops/s)", "deviation"), tableRows(sorted));
        page.chart(TABLE_CHART, "Simulated (lines, filled circles) and paper (hollow diamonds) throughput against servers");
        if (!cells.isEmpty()) {
            cellPages(page, cells);
        }
        files.add(page.write(dir.resolve(PAGE)));
        return new ReportFiles(files, System.nanoTime() - startNanos);
    }

    /** The checkers' verdict over the cells, and the CPU table: where each cell saturates. */
    private static void cellPages(HtmlPage page, List<ZkCell> cells) {
        page.heading(2, "Safety");
        ZkCell violated = cells.stream().filter(c -> !c.safetyHolds()).findFirst().orElse(null);
        if (violated == null) {
            page.raw("<p>Zab checkers (agreement, linearizable writes, FIFO client order, sessions): safety holds in every cell.</p>");
        } else {
            page.raw("<p class=\"banner\"><b>safety violated</b> with " + violated.servers() + " servers at " + violated.readPct()
                    + "% reads: " + Markup.escape(violated.safety()) + "</p>");
        }
        page.heading(2, "CPU busy over the measured window");
        page.paragraph("sub", "The leader's share of core time, and the followers' mean: where each cell saturates.");
        java.util.TreeSet<Integer> servers = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> readPcts = new java.util.TreeSet<>(Comparator.reverseOrder());
        cells.forEach(c -> {
            servers.add(c.servers());
            readPcts.add(c.readPct());
        });
        List<String> header = new ArrayList<>(List.of("servers"));
        readPcts.forEach(p -> header.add(p + "% reads: leader, followers"));
        List<List<String>> rows = new ArrayList<>();
        for (int n : servers) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(n)));
            for (int pct : readPcts) {
                row.add(cells.stream().filter(c -> c.servers() == n && c.readPct() == pct).findFirst()
                        .map(c -> String.format(java.util.Locale.ROOT, "%.0f%%, %.0f%%", 100 * c.leaderCpuBusy(), 100 * c.followerCpuBusy()))
                        .orElse("\u2013"));
            }
            rows.add(row);
        }
        page.table(header, rows);
    }

    /**
     * Throughput against read percentage, one line per server count, paper points where
     * given. Writes {@code zk-read-mix.png/.svg/.csv} and {@code report.html}; give it its own
     * folder if {@link #zkTable} writes its page too.
     */
    public static ReportFiles zkReadMix(List<ReadMixRow> rows, Path dir) {
        long startNanos = System.nanoTime();
        OutputFolder.create(dir);
        TreeMap<Integer, List<ReadMixRow>> byServers = new TreeMap<>();
        for (ReadMixRow r : rows) {
            byServers.computeIfAbsent(r.servers(), k -> new ArrayList<>()).add(r);
        }
        List<Path> files = new ArrayList<>();
        List<List<?>> csv = new ArrayList<>();
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<Boolean> isPaper = new ArrayList<>();
        for (var e : byServers.entrySet()) {
            List<ReadMixRow> line = new ArrayList<>(e.getValue());
            line.sort(Comparator.comparingInt(ReadMixRow::readPct));
            XYSeries simulated = new XYSeries(e.getKey() + " servers, simulated");
            XYSeries paper = new XYSeries(e.getKey() + " servers, paper");
            for (ReadMixRow r : line) {
                simulated.add(r.readPct(), r.simulatedOpsPerSec());
                if (!Double.isNaN(r.paperOpsPerSec())) {
                    paper.add(r.readPct(), r.paperOpsPerSec());
                }
                csv.add(List.of(r.servers(), r.readPct(), r.simulatedOpsPerSec(), nanToEmpty(r.paperOpsPerSec())));
            }
            dataset.addSeries(simulated);
            isPaper.add(false);
            if (paper.getItemCount() > 0) {
                dataset.addSeries(paper);
                isPaper.add(true);
            }
        }
        files.add(CsvFile.write(dir.resolve(READ_MIX_CHART + ".csv"),
                List.of("servers", "readPct", "simulatedOpsPerSec", "paperOpsPerSec"), csv));
        NumberAxis readPct = new NumberAxis("reads in the workload (%)");
        readPct.setRange(-2, 102);
        NumberAxis ops = new NumberAxis("throughput (ops/s)");
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        XYPlot plot = new XYPlot(dataset, readPct, ops, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("ZooKeeper throughput vs read percentage, one line per ensemble size",
                new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 16), plot, true));
        int line = -1;
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            if (!isPaper.get(i)) {
                line++;
            }
            style(renderer, i, ChartStyle.series(line), isPaper.get(i));
        }
        files.addAll(ChartFiles.write(chart, dir, READ_MIX_CHART, ChartFiles.WIDTH, 560));

        HtmlPage page = new HtmlPage("ZooKeeper read mix \u2014 quorumsim reproduction");
        page.heading(1, "ZooKeeper throughput against the share of reads");
        page.paragraph("sub", "The shape of Hunt et al. 2010, Figure 5: one line per ensemble size. Paper points, where "
                + "given, are hollow diamonds.");
        page.chart(READ_MIX_CHART, "Throughput against read percentage");
        List<List<String>> table = new ArrayList<>();
        for (List<?> r : csv) {
            table.add(List.of(r.get(0).toString(), r.get(1).toString(), Units.number((Double) r.get(2)),
                    r.get(3) instanceof Double d ? Units.number(d) : "\u2013"));
        }
        page.table(List.of("servers", "read %", "simulated (ops/s)", "paper (ops/s)"), table);
        files.add(page.write(dir.resolve(PAGE)));
        return new ReportFiles(files, System.nanoTime() - startNanos);
    }

    private static List<List<String>> tableRows(List<ZkTableRow> sorted) {
        List<List<String>> out = new ArrayList<>();
        for (ZkTableRow r : sorted) {
            out.add(List.of(Integer.toString(r.servers()), r.readPct() + " %", Units.number(r.simulatedOpsPerSec()),
                    Units.number(r.paperOpsPerSec()), Double.isNaN(r.deviationPct()) ? "\u2013"
                            : String.format(Locale.ROOT, "%+.1f %%", r.deviationPct())));
        }
        return out;
    }

    private static XYPlot panel(String simulatedName, List<double[]> simulated, String paperName,
                                List<double[]> paper, String yLabel) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        XYSeries s = new XYSeries(simulatedName);
        simulated.forEach(p -> s.add(p[0], p[1]));
        dataset.addSeries(s);
        XYSeries q = new XYSeries(paperName);
        paper.forEach(p -> q.add(p[0], p[1]));
        dataset.addSeries(q);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        return new XYPlot(dataset, null, y, renderer);
    }

    /** The theme gives a combined plot's panels its own series colours; each panel gets its colour back. */
    private static void restyle(CombinedDomainXYPlot plot) {
        List<XYPlot> panels = plot.getSubplots();
        for (int i = 0; i < panels.size(); i++) {
            XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) panels.get(i).getRenderer();
            style(renderer, 0, ChartStyle.series(i), false);
            style(renderer, 1, ChartStyle.series(i), true);
        }
    }

    private static void style(XYLineAndShapeRenderer renderer, int series, Color colour, boolean paper) {
        renderer.setSeriesPaint(series, colour);
        if (paper) {
            renderer.setSeriesLinesVisible(series, false);
            renderer.setSeriesShape(series, DIAMOND);
            renderer.setSeriesShapesFilled(series, false);
            renderer.setSeriesOutlineStroke(series, new BasicStroke(2f));
            renderer.setSeriesStroke(series, new BasicStroke(2f));
        } else {
            renderer.setSeriesStroke(series, ChartStyle.LINE);
            renderer.setSeriesShape(series, CIRCLE);
            renderer.setSeriesShapesFilled(series, true);
        }
        renderer.setUseOutlinePaint(false);
    }

    private static Shape diamond(double r) {
        Path2D.Double d = new Path2D.Double();
        d.moveTo(0, -r);
        d.lineTo(r, 0);
        d.lineTo(0, r);
        d.lineTo(-r, 0);
        d.closePath();
        return d;
    }

    private static Object nanToEmpty(double v) {
        return Double.isNaN(v) ? "" : v;
    }
}
