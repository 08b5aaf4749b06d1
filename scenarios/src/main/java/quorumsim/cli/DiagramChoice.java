package quorumsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --diagram-request} and {@code --diagram-window} as the {@code report.diagram} keys
 * they stand for, so the scenario binder validates their values like any other.
 */
final class DiagramChoice {
    private static final Pattern REQUESTS = Pattern.compile("(\\d{1,7})(?:-(\\d{1,7}))?");

    private DiagramChoice() {
    }

    static List<String> overrides(String request, String window) {
        List<String> out = new ArrayList<>();
        if (window != null) {
            String[] ends = window.trim().split("\\.\\.", -1);
            if (ends.length != 2 || ends[0].isBlank()) {
                throw new UsageException("--diagram-window: expected FROM..TO or FROM.. with units (e.g. 1s..1.02s), found '" + window + "'");
            }
            out.add("report.diagram.from=" + ends[0].trim());
            if (!ends[1].isBlank()) {
                out.add("report.diagram.to=" + ends[1].trim());
            }
        }
        if (request != null) {
            Matcher m = REQUESTS.matcher(request.trim());
            if (!m.matches()) {
                throw new UsageException("--diagram-request: expected a request number N or a range N-M (e.g. 3 or 3-5), found '" + request + "'");
            }
            int first = Integer.parseInt(m.group(1));
            int last = m.group(2) == null ? first : Integer.parseInt(m.group(2));
            if (last < first) {
                throw new UsageException("--diagram-request: the range " + request + " ends before it starts");
            }
            out.add("report.diagram.request=" + first);
            out.add("report.diagram.requests=" + (last - first + 1));
        }
        return out;
    }
}
