package quorumsim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import quorumsim.fault.Fault;
import quorumsim.metrics.Metrics;
import quorumsim.result.FaultWindow;
import quorumsim.scenario.ScenarioSpec;

/**
 * Turns the fault timeline into stretches to shade on charts (a fault until its until:, or
 * crash until recover, partition until heal, pause until resume, Byzantine on until off; open
 * ones run to the end) and the
 * protocol's marks (view changes, leader changes) into instants.
 */
final class FaultWindows {
    private FaultWindows() {
    }

    static List<FaultWindow> of(List<ScenarioSpec.TimedFault> faults, Metrics metrics, long endNanos) {
        List<FaultWindow> windows = new ArrayList<>();
        LinkedHashMap<String, Long> open = new LinkedHashMap<>();
        for (ScenarioSpec.TimedFault timed : faults) {
            Fault f = timed.fault();
            long t = timed.atNanos();
            if (timed.ends()) {
                windows.add(new FaultWindow(f instanceof Fault.Byzantine b ? "byzantine " + b.behaviour() + " " + b.target() : f.label(),
                        t / 1e9, timed.untilNanos() / 1e9));
            } else if (f instanceof Fault.Crash c) {
                open.put("crash " + c.target(), t);
            } else if (f instanceof Fault.PowerOff p) {
                open.put("power-off " + p.target(), t);
            } else if (f instanceof Fault.Recover r) {
                closeMatching(open, windows, "crash ", r.target().toString(), t);
                closeMatching(open, windows, "power-off ", r.target().toString(), t);
            } else if (f instanceof Fault.Pause p) {
                open.put("pause " + p.target(), t);
            } else if (f instanceof Fault.Resume r) {
                close(open, windows, "pause " + r.target(), t);
            } else if (f instanceof Fault.Partition || f instanceof Fault.Isolate || f instanceof Fault.OneWayCut) {
                open.put(f.label(), t);
            } else if (f instanceof Fault.Heal) {
                closeMatching(open, windows, "", "partition|isolate|cut", t);
            } else if (f instanceof Fault.Byzantine b) {
                String label = "byzantine " + b.behaviour() + " " + b.target();
                if (b.enabled()) {
                    open.put(label, t);
                } else {
                    close(open, windows, label, t);
                }
            } else if (f instanceof Fault.DelaySpike s) {
                windows.add(new FaultWindow(f.label(), t / 1e9, Math.min(endNanos, t + s.durationNanos()) / 1e9));
            } else {
                windows.add(new FaultWindow(f.label(), t / 1e9, t / 1e9));
            }
        }
        for (Map.Entry<String, Long> still : open.entrySet()) {
            windows.add(new FaultWindow(still.getKey(), still.getValue() / 1e9, endNanos / 1e9));
        }
        for (Metrics.Mark mark : metrics.marks()) {
            windows.add(new FaultWindow(mark.label(), mark.timeNanos() / 1e9, mark.timeNanos() / 1e9));
        }
        windows.sort(java.util.Comparator.comparingDouble(FaultWindow::startSeconds));
        return windows;
    }

    private static void close(Map<String, Long> open, List<FaultWindow> windows, String label, long t) {
        Long start = open.remove(label);
        if (start != null) {
            windows.add(new FaultWindow(label, start / 1e9, t / 1e9));
        }
    }

    /** Closes every open window whose label starts with {@code prefix} and matches {@code what}. */
    private static void closeMatching(Map<String, Long> open, List<FaultWindow> windows, String prefix, String what, long t) {
        List<String> labels = new ArrayList<>(open.keySet());
        for (String label : labels) {
            boolean matches = prefix.isEmpty() ? label.matches("^(" + what + ").*")
                    : label.startsWith(prefix) && ("all".equals(what) || label.equals(prefix + what) || label.startsWith(prefix + "leader") || label.startsWith(prefix + "primary"));
            if (matches) {
                close(open, windows, label, t);
            }
        }
    }
}
