package quorumsim.trace;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Writes every trace line as one JSON object per line. A message's contents are written once,
 * on its SEND line; a DELIVER line names it by its {@code id} only (the trace is about half the
 * size it would be with the contents repeated). A DROP line's detail is why it was dropped.
 */
public final class JsonLinesTrace implements TraceListener, AutoCloseable {
    private final BufferedWriter out;

    public JsonLinesTrace(Writer out) {
        this.out = out instanceof BufferedWriter b ? b : new BufferedWriter(out, 1 << 16);
    }

    @Override
    public void onTrace(TraceEvent e) {
        try {
            out.write("{\"t\":");
            out.write(Long.toString(e.timeNanos()));
            out.write(",\"kind\":\"");
            out.write(e.kind().name());
            out.write("\",\"node\":");
            out.write(Integer.toString(e.node()));
            if (e.peer() >= 0) {
                out.write(",\"peer\":");
                out.write(Integer.toString(e.peer()));
            }
            out.write(",\"type\":");
            writeString(e.type());
            if (e.messageId() >= 0) {
                out.write(",\"id\":");
                out.write(Long.toString(e.messageId()));
                out.write(",\"bytes\":");
                out.write(Integer.toString(e.sizeBytes()));
            } else if (e.kind() == TraceKind.DISK_WRITE) {
                out.write(",\"bytes\":");
                out.write(Integer.toString(e.sizeBytes()));
            }
            boolean sentBefore = e.messageId() >= 0 && e.kind() == TraceKind.DELIVER;
            if (e.detail() != null && !sentBefore) {
                out.write(",\"detail\":");
                writeString(e.detail());
            }
            out.write("}\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void writeString(String s) throws IOException {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.write("\\\"");
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> {
                    if (c < 0x20) {
                        out.write(String.format("\\u%04x", (int) c));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
