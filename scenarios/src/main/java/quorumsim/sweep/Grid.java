package quorumsim.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The grid of a sweep: every combination of the varied values, the first {@code --vary}
 * outermost, in the order given.
 */
public final class Grid {
    /** One varied parameter and its values, as written after {@code --vary path=}. */
    public record Axis(String path, List<String> values) {
        public static Axis parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("--vary takes path=v1,v2,..., e.g. --vary cluster.f=1,2,3; got '" + text + "'");
            }
            List<String> values = new ArrayList<>();
            for (String v : text.substring(eq + 1).split(",")) {
                if (v.isBlank()) {
                    throw new IllegalArgumentException("--vary " + text + " has an empty value");
                }
                values.add(v.trim());
            }
            return new Axis(text.substring(0, eq).trim(), values);
        }
    }

    private Grid() {
    }

    /** Each point is one value per axis, in axis order. */
    public static List<List<String>> points(List<Axis> axes) {
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (Axis axis : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> point : points) {
                for (String value : axis.values()) {
                    List<String> extended = new ArrayList<>(point);
                    extended.add(value);
                    next.add(extended);
                }
            }
            points = next;
        }
        return points;
    }

    /** The --set overrides that put a grid point into a scenario. */
    public static List<String> overrides(List<Axis> axes, List<String> point) {
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) {
            sets.add(axes.get(i).path() + "=" + point.get(i));
        }
        return sets;
    }
}
