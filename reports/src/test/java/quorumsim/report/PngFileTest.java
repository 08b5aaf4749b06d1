package quorumsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's PNG holds exactly its pixels, whatever the image keeps them in; and the same pixels give the same bytes. */
class PngFileTest {
    @TempDir
    Path dir;

    private static BufferedImage drawing(int type) {
        BufferedImage image = new BufferedImage(97, 41, type);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 97, 41);
        g.setColor(new Color(0x0072B2));
        g.drawLine(0, 40, 96, 0);
        g.setColor(new Color(0xD55E00));
        g.fillOval(30, 5, 20, 20);
        g.dispose();
        return image;
    }

    private static int[] rgb(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] &= 0xFFFFFF;
        }
        return pixels;
    }

    @Test
    void thePngDecodesToThePixelsDrawn() throws Exception {
        for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR}) {
            BufferedImage image = drawing(type);
            Path file = dir.resolve("chart-" + type + ".png");
            PngFile.write(image, file);
            BufferedImage read = ImageIO.read(file.toFile());
            assertEquals(97, read.getWidth());
            assertEquals(41, read.getHeight());
            assertArrayEquals(rgb(image), rgb(read), "image type " + type);
        }
    }

    @Test
    void theSamePixelsGiveTheSameBytes() throws Exception {
        PngFile.write(drawing(BufferedImage.TYPE_INT_ARGB), dir.resolve("a.png"));
        PngFile.write(drawing(BufferedImage.TYPE_INT_ARGB), dir.resolve("b.png"));
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.png")), Files.readAllBytes(dir.resolve("b.png")));
    }
}
