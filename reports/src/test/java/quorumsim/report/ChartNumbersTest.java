package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers a reader sees in charts and CSVs: round ticks, no float noise, parameters named. */
class ChartNumbersTest {
    @TempDir
    Path dir;

    private static List<String> labelledTicks(double smallest, double largest) {
        ValueAxis axis = LatencyPercentilesChart.latencyAxis(smallest, largest);
        XYSeries series = new XYSeries("p99");
        series.add(0, smallest);
        series.add(1, largest);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), new NumberAxis("t"), axis, new XYLineAndShapeRenderer());
        JFreeChart chart = new JFreeChart(plot);
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        chart.draw(g2, new Rectangle2D.Double(0, 0, 800, 600));
        List<? extends Tick> ticks = axis.refreshTicks(g2, new AxisState(), new Rectangle2D.Double(50, 10, 700, 500), RectangleEdge.LEFT);
        g2.dispose();
        java.text.NumberFormat format = ((org.jfree.chart.axis.LogAxis) axis).getNumberFormatOverride();
        return ticks.stream().map(t -> (ValueTick) t).filter(t -> t.getTickType() == TickType.MAJOR)
                .map(t -> format.format(t.getValue())).toList();
    }

    @Test
    void aLogLatencyAxisTicksAtPowersOfTen() {
        List<String> labels = labelledTicks(20, 1000);  // JFreeChart's own choice: 10^1.4, 10^1.6, ...: 25.119, 39.811
        assertTrue(labels.contains("100"), labels.toString());
        assertTrue(labelledTicks(0.4, 700).containsAll(List.of("1", "10", "100")));
        for (String label : labels) {
            assertTrue(label.matches("0\\.0*1|10*|1(,000)+"), "a round tick, not '" + label + "': " + labels);
        }
    }

    @Test
    void csvNumbersCarryNoFloatNoise() throws Exception {
        Path file = CsvFile.write(dir.resolve("t.csv"), List.of("a", "b", "c", "d"),
                List.of(List.of(1520.0000000000002, 0.1 + 0.2, 1.0 / 3, 3e-7), List.of(1520.0, 7L, "x", Double.NaN)));
        List<String> lines = Files.readAllLines(file);
        assertEquals("1520,0.3,0.333333333333,0.0000003", lines.get(1));
        assertEquals("1520,7,x,", lines.get(2));
    }

    @Test
    void figuresAndParametersAreNamedForReaders() {
        assertEquals("messages per request", FigureLabel.of("figures.messagesPerRequest"));
        assertEquals("election max (ms)", FigureLabel.of("figures.electionMsMax"));
        assertEquals("cluster.f (faults tolerated)", FigureLabel.parameter("cluster.f"));
        assertEquals("pbft.batchSize", FigureLabel.parameter("pbft.batchSize"));
    }
}
