package quorumsim.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;

/** Writes one chart twice, as {@code name.png} and {@code name.svg}, from the same drawing code. */
final class ChartFiles {
    static final int WIDTH = 960;
    static final int HEIGHT = 440;

    static {
        // JFreeChart's workaround for rotated text (an old JDK bug) draws it through TextLayout,
        // which the SVG writer turns into glyph outlines: the y-axis title would not be text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private ChartFiles() {
    }

    static List<Path> write(JFreeChart chart, Path dir, String name) {
        return write(chart, dir, name, WIDTH, HEIGHT);
    }

    static List<Path> write(JFreeChart chart, Path dir, String name, int width, int height) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            PngFile.write(chart.createBufferedImage(width, height), png);
            SVGGraphics2D g2 = new SVGGraphics2D(width, height);
            // the default prefix comes from the wall clock; the chart's name keeps the file the same run to run
            g2.setDefsKeyPrefix(name + "-");
            chart.draw(g2, new Rectangle(0, 0, width, height));
            Files.writeString(svg, g2.getSVGDocument(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write chart " + name + " into " + dir, e);
        }
        return List.of(png, svg);
    }
}
