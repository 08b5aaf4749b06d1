package quorumsim.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import quorumsim.result.RunResult;

/** Each node's CPU utilisation over the run (share of its core time busy): a saturated leader shows here. */
final class NodeCpuChart {
    static final String NAME = "cpu-by-node";
    static final String SERIES = "CPU busy";

    private NodeCpuChart() {
    }

    static List<Path> write(RunResult result, Path dir) {
        double[] cpu = result.cpuUtilisation();
        List<String> lanes = result.lanes();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> rows = new ArrayList<>();
        for (int id = 0; id < cpu.length; id++) {
            String name = id < lanes.size() ? lanes.get(id) : "node " + id;
            dataset.addValue(100 * cpu[id], SERIES, name);
            rows.add(List.of(id, name, cpu[id]));
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"), List.of("node", "name", "cpuUtilisation"), rows));

        BarRenderer renderer = new BarRenderer();
        CategoryAxis nodes = new CategoryAxis("node");
        NumberAxis busy = new NumberAxis("CPU busy (% of core time)");
        busy.setRange(0, 105);
        CategoryPlot plot = new CategoryPlot(dataset, nodes, busy, renderer);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("CPU utilisation by node \u2014 " + result.summary().scenario(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, ChartStyle.series(0));
        renderer.setMaximumBarWidth(0.06);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new java.text.DecimalFormat("0.#")));
        renderer.setDefaultItemLabelsVisible(true);
        if (cpu.length > 12) {
            nodes.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        files.addAll(ChartFiles.write(chart, dir, NAME));
        return files;
    }
}
