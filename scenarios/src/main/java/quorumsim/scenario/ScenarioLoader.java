package quorumsim.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds a scenario by built-in name or file path, parses it (YAML or JSON by extension),
 * applies {@code --set path=value} overrides, and binds it.
 */
public final class ScenarioLoader {
    private ScenarioLoader() {
    }

    /** A scenario's source text and where it came from. */
    public record Source(String label, String text, boolean yaml, String defaultName) {
    }

    public static ScenarioSpec load(String nameOrPath, List<String> overrides) {
        Source source = find(nameOrPath);
        return bind(source, overrides);
    }

    public static Source find(String nameOrPath) {
        Path path = Path.of(nameOrPath);
        String lower = nameOrPath.toLowerCase(Locale.ROOT);
        boolean looksLikeFile = lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json") || nameOrPath.contains("/");
        if (Files.isRegularFile(path) || looksLikeFile) {
            return readFile(path);
        }
        if (Catalogue.contains(nameOrPath)) {
            return new Source("built-in:" + nameOrPath, Catalogue.text(nameOrPath), true, nameOrPath);
        }
        String suggestion = DidYouMean.closest(nameOrPath, Catalogue.names());
        throw new ScenarioException(new Problem(nameOrPath, 0, 0, "",
                "no built-in scenario or file of that name" + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "")
                        + ". See 'quorumsim list', or give a path to a .yaml/.json file"));
    }

    private static Source readFile(Path path) {
        String file = path.toString();
        String lower = file.toLowerCase(Locale.ROOT);
        boolean yaml;
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            yaml = true;
        } else if (lower.endsWith(".json")) {
            yaml = false;
        } else {
            throw new ScenarioException(new Problem(file, 0, 0, "", "unknown file type; scenario files end in .yaml, .yml or .json"));
        }
        if (!Files.exists(path)) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "file not found"));
        }
        if (!Files.isRegularFile(path)) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "not a regular file"));
        }
        try {
            String name = path.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            return new Source(file, Files.readString(path, StandardCharsets.UTF_8), yaml, name);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "not UTF-8 text"));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(file, 0, 0, "", "cannot read: " + e.getMessage()));
        }
    }

    public static ScenarioSpec bind(Source source, List<String> overrides) {
        return bind(source, overrides, List.of());
    }

    /**
     * Binds the source with {@code --set} overrides and then a sweep's {@code --vary} values.
     * A problem the file's own lines are blamed for, while command-line values took part, says
     * which values those were: the file alone may be fine.
     */
    public static ScenarioSpec bind(Source source, List<String> sets, List<String> varied) {
        Node root = TreeReader.read(source.label(), source.text(), source.yaml());
        List<Problem> problems = applyOverrides(root, sets, "--set");
        problems.addAll(applyOverrides(root, varied, "--vary"));
        try {
            ScenarioSpec spec = ScenarioBinder.bind(source.label(), root, source.defaultName());
            if (problems.isEmpty()) {
                return spec;
            }
        } catch (ScenarioException e) {
            problems.addAll(withCommandLine(e.problems(), source.label(), sets, varied));
        }
        throw new ScenarioException(problems);
    }

    private static List<Problem> withCommandLine(List<Problem> problems, String label, List<String> sets, List<String> varied) {
        List<String> given = new ArrayList<>();
        sets.forEach(s -> given.add("--set " + s));
        varied.forEach(v -> given.add("--vary " + v));
        if (given.isEmpty()) {
            return problems;
        }
        String suffix = " (the file's values with " + String.join(", ", given) + ")";
        return problems.stream()
                .map(p -> p.source().equals(label) && p.line() > 0
                        ? new Problem(p.source(), p.line(), p.column(), p.path(), p.message() + suffix) : p)
                .toList();
    }

    /**
     * Applies each well-formed {@code path=value} (the binder then validates the result like the
     * file) and returns the problems of the malformed ones, each blamed on {@code flag}.
     */
    static List<Problem> applyOverrides(Node root, List<String> overrides, String flag) {
        List<Problem> problems = new ArrayList<>();
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(flag, 0, 0, override, "expected path=value, e.g. " + flag + " cluster.f=2"));
                continue;
            }
            String[] path = override.substring(0, eq).trim().split("\\.");
            if (java.util.Arrays.asList(path).contains("") || override.substring(0, eq).endsWith(".")) {
                problems.add(new Problem(flag, 0, 0, override.substring(0, eq), "empty name in the path"));
                continue;
            }
            if (!ScenarioBinder.TOP_KEYS.contains(path[0])) {
                String suggestion = DidYouMean.closest(path[0], ScenarioBinder.TOP_KEYS);
                problems.add(new Problem(flag, 0, 0, override.substring(0, eq), "unknown key '" + path[0] + "'"
                        + (suggestion != null ? "; did you mean '" + suggestion + "'?" : "") + " Allowed: " + String.join(", ", ScenarioBinder.TOP_KEYS)));
                continue;
            }
            root.set(path, 0, TreeReader.readOverrideValue(override.substring(eq + 1), flag));
        }
        return problems;
    }
}
