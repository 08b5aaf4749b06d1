package quorumsim.report;

import java.awt.Paint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import quorumsim.metrics.Metrics;
import quorumsim.result.RunResult;

/** Messages sent per type over the whole run, most frequent first, coloured by phase. */
final class MessagesByTypeChart {
    static final String NAME = "messages-by-type";
    static final String SERIES = "messages sent";

    private MessagesByTypeChart() {
    }

    static List<Path> write(RunResult result, Path dir) {
        List<Metrics.MessageCount> counts = new ArrayList<>(result.metrics().messagesByType().values());
        counts.sort(Comparator.comparingLong(Metrics.MessageCount::messages).reversed()
                .thenComparing(Metrics.MessageCount::type));
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<List<?>> rows = new ArrayList<>();
        for (Metrics.MessageCount c : counts) {
            dataset.addValue(c.messages(), SERIES, c.type());
            rows.add(List.of(c.type(), MessageKind.of(c.type()).label(), c.messages(), c.bytes()));
        }
        List<Path> files = new ArrayList<>();
        files.add(CsvFile.write(dir.resolve(NAME + ".csv"), List.of("type", "kind", "messages", "bytes"), rows));

        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return MessageKind.of((String) getPlot().getDataset().getColumnKey(column)).colour();
            }
        };
        CategoryPlot plot = new CategoryPlot(dataset, new CategoryAxis("message type"),
                new NumberAxis("messages sent (count)"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        JFreeChart chart = ChartStyle.apply(new JFreeChart("Messages by type \u2014 " + result.summary().scenario(),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        // counts at the end of each bar, not above it
        renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setItemLabelAnchorOffset(6);
        plot.getRangeAxis().setUpperMargin(0.12);
        int height = Math.max(ChartFiles.HEIGHT, 120 + 28 * counts.size());
        files.addAll(ChartFiles.write(chart, dir, NAME, ChartFiles.WIDTH, height));
        return files;
    }
}
