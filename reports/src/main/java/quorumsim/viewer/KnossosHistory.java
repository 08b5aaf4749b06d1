package quorumsim.viewer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import quorumsim.trace.TraceEvent;
import quorumsim.trace.TraceKind;
import quorumsim.trace.TraceListener;
import quorumsim.viewer.RecordText.Rec;

/**
 * A ZooKeeper run's client history in the EDN that Jepsen writes and Knossos reads
 * ({@code --export knossos}): one operation map per line, an {@code :invoke} when a client
 * issues a call and an {@code :ok}, {@code :fail} or {@code :info} when its answer comes. Each
 * znode is a register: {@code getData} reads it, {@code setData} and {@code create} write it,
 * {@code delete} writes nil; the value is a {@code [path value]} tuple, as
 * {@code jepsen.independent} writes one register per key. A call answered CONNECTION_LOSS has an
 * unknown outcome: a write is {@code :info} (its process is then retired, as Jepsen does) and a
 * read {@code :fail}. Other calls (exists, children, sync, sessions, sequential creates) are
 * not register operations and are left out. A client with several calls in flight uses one
 * process per call in flight, so each process has one operation open at a time.
 */
public final class KnossosHistory implements TraceListener {
    public static final String FILE = "history.edn";

    private final List<String> lines = new ArrayList<>();
    /** Open calls by client and cxid: the process and :f of each. */
    private final Map<String, Open> open = new HashMap<>();
    /** Each client's processes with nothing open, to reuse first. */
    private final Map<Integer, ArrayDeque<Integer>> idle = new HashMap<>();
    private int nextProcess;

    private record Open(int process, String f) {
    }

    @Override
    public void onTrace(TraceEvent e) {
        if (e.kind() != TraceKind.OBSERVE) {
            return;
        }
        if (e.type().equals("Call")) {
            call(e);
        } else if (e.type().equals("Answer")) {
            answer(e);
        }
    }

    private void call(TraceEvent e) {
        Rec call = RecordText.record(e.detail());
        Rec op = call == null ? null : call.rec("op");
        if (op == null) {
            return;
        }
        String kind = op.text("kind");
        String f;
        String value;
        switch (kind) {
            case "GET_DATA" -> { f = "read"; value = tuple(op.text("path"), "nil"); }
            case "SET_DATA" -> { f = "write"; value = tuple(op.text("path"), op.text("value")); }
            case "CREATE" -> {
                if ("true".equals(op.text("sequential"))) {
                    return;
                }
                f = "write";
                value = tuple(op.text("path"), op.text("value"));
            }
            case "DELETE" -> { f = "write"; value = tuple(op.text("path"), "nil"); }
            default -> {
                return;
            }
        }
        int client = (int) call.number("client", -1);
        ArrayDeque<Integer> free = idle.computeIfAbsent(client, c -> new ArrayDeque<>());
        int process = free.isEmpty() ? nextProcess++ : free.poll();
        open.put(client + ":" + call.text("cxid"), new Open(process, f));
        lines.add(op(process, "invoke", f, value, e.timeNanos()));
    }

    private void answer(TraceEvent e) {
        Rec answer = RecordText.record(e.detail());
        if (answer == null) {
            return;
        }
        int client = (int) answer.number("client", -1);
        Open call = open.remove(client + ":" + answer.text("cxid"));
        if (call == null) {
            return;
        }
        Rec op = answer.rec("op");
        Rec result = answer.rec("result");
        String code = result == null ? "?" : result.text("code");
        String path = op == null ? "?" : op.text("path");
        String type;
        String value;
        if ("CONNECTION_LOSS".equals(code)) {
            type = call.f().equals("read") ? "fail" : "info";
            value = call.f().equals("read") ? tuple(path, "nil") : tuple(path, written(op));
        } else if (call.f().equals("read")) {
            type = "ok";
            value = tuple(path, "OK".equals(code) ? result.text("value") : "nil");
        } else {
            type = "OK".equals(code) ? "ok" : "fail";
            value = tuple(path, written(op));
        }
        if (!type.equals("info")) {
            idle.get(client).push(call.process());
        }
        lines.add(op(call.process(), type, call.f(), value, e.timeNanos()));
    }

    private static String written(Rec op) {
        return op == null || "DELETE".equals(op.text("kind")) ? "nil" : op.text("value");
    }

    private static String tuple(String path, String value) {
        return "[" + edn(path) + " " + value + "]";
    }

    private static String op(int process, String type, String f, String value, long timeNanos) {
        return "{:process " + process + ", :type :" + type + ", :f :" + f + ", :value " + value + ", :time " + timeNanos + "}";
    }

    /** An EDN string literal. */
    static String edn(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Operations so far, one EDN map each. */
    public List<String> lines() {
        return lines;
    }

    public Path write(Path dir) {
        Path file = dir.resolve(FILE);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : lines) {
                out.write(line);
                out.write('\n');
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return file;
    }
}
