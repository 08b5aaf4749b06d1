package quorumsim.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A chart's pixels as a PNG file (8-bit RGB, no filter, zlib): the pixels go straight to the
 * platform's deflate. ImageIO's PNG writer tries five filters on every row in Java code that a
 * fresh JVM runs interpreted; for the charts of one run that was most of the reports' time
 * (two thirds of it in {@code PNGImageWriter.encodePass}). Charts are flat colours: deflate
 * alone packs them about as well.
 */
final class PngFile {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private PngFile() {
    }

    static void write(BufferedImage image, Path file) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = pixels(image);
        int rowBytes = 1 + 3 * width;
        byte[] raw = new byte[rowBytes * height];
        for (int y = 0; y < height; y++) {
            int at = y * rowBytes + 1;                                    // filter byte 0: none
            int from = y * width;
            for (int x = 0; x < width; x++) {
                int p = argb[from + x];
                raw[at++] = (byte) (p >>> 16);
                raw[at++] = (byte) (p >>> 8);
                raw[at++] = (byte) p;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 8 + 1024);
        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;                                                    // bits per channel
        header[9] = 2;                                                    // colour type: RGB
        chunk(out, "IHDR", header, header.length);
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 8 + 64);
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                int n = deflater.deflate(buffer);
                compressed.write(buffer, 0, n);
            }
            byte[] data = compressed.toByteArray();
            chunk(out, "IDAT", data, data.length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        Files.write(file, out.toByteArray());
    }

    /** The image's pixels as ARGB ints, row by row: its own array when it keeps them so. */
    private static int[] pixels(BufferedImage image) {
        int type = image.getType();
        if ((type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_INT_RGB)
                && image.getRaster().getDataBuffer() instanceof DataBufferInt ints
                && ints.getNumBanks() == 1 && image.getRaster().getParent() == null
                && ints.getData().length == image.getWidth() * image.getHeight()) {
            return ints.getData();
        }
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static void chunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] lengthBytes = new byte[4];
        putInt(lengthBytes, 0, length);
        out.write(lengthBytes);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        out.write(crcBytes);
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }
}
