package quorumsim.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which package of a source tree refers to which other package of the same tree, read from the
 * sources (imports and fully qualified names in code; comments and strings do not count), and
 * the cycles among them. Small on purpose: it is the whiteboard of issue 16 as a test.
 */
final class PackageGraph {
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** A qualified name: lower-case segments, then a type (or a wildcard import). */
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z]\\w*\\.)+[a-z]\\w*)\\.(?:[A-Z]|\\*)");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'",
            Pattern.DOTALL);

    /** Source file -> its code without comments and strings, keyed by file name relative to the root. */
    final TreeMap<String, String> code = new TreeMap<>();
    /** Package -> package -> the files that make the edge. */
    final TreeMap<String, TreeMap<String, TreeSet<String>>> edges = new TreeMap<>();
    final TreeMap<String, String> packageOf = new TreeMap<>();

    static PackageGraph read(Path root) {
        TreeMap<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.put(root.relativize(p).toString(), Files.readString(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(sources);
    }

    /** From file name -> source text (tests give a few made-up files). */
    static PackageGraph of(Map<String, String> sources) {
        PackageGraph g = new PackageGraph();
        sources.forEach((file, text) -> {
            Matcher m = PACKAGE.matcher(text);
            g.packageOf.put(file, m.find() ? m.group(1) : "");
            g.code.put(file, COMMENT_OR_STRING.matcher(text).replaceAll(" "));
        });
        TreeSet<String> packages = new TreeSet<>(g.packageOf.values());
        g.code.forEach((file, text) -> {
            String from = g.packageOf.get(file);
            Matcher m = QUALIFIED.matcher(text);
            while (m.find()) {
                String to = m.group(1);
                if (packages.contains(to) && !to.equals(from)) {
                    g.edges.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(file);
                }
            }
        });
        return g;
    }

    /**
     * Every cycle's packages (the strongly connected components of more than one package), each
     * with the edges inside it and the files behind them, one line per edge; empty if none.
     */
    List<String> cycles() {
        List<String> out = new ArrayList<>();
        for (TreeSet<String> component : components()) {
            StringBuilder b = new StringBuilder("cycle among " + component + ":");
            for (String from : component) {
                edges.getOrDefault(from, new TreeMap<>()).forEach((to, files) -> {
                    if (component.contains(to)) {
                        b.append("\n    ").append(from).append(" -> ").append(to).append("  (").append(String.join(", ", files)).append(")");
                    }
                });
            }
            out.add(b.toString());
        }
        return out;
    }

    /** Strongly connected components of size > 1 (Tarjan), in a stable order. */
    private List<TreeSet<String>> components() {
        TreeSet<String> nodes = new TreeSet<>(packageOf.values());
        TreeMap<String, Integer> index = new TreeMap<>();
        TreeMap<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        List<TreeSet<String>> out = new ArrayList<>();
        for (String n : nodes) {
            if (!index.containsKey(n)) {
                connect(n, index, low, stack, out);
            }
        }
        return out;
    }

    private void connect(String v, TreeMap<String, Integer> index, TreeMap<String, Integer> low, List<String> stack,
                         List<TreeSet<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        for (String w : edges.getOrDefault(v, new TreeMap<>()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            TreeSet<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    /** Each file whose code (comments and strings aside) matches {@code word}, with the first match. */
    List<String> filesNaming(Pattern word) {
        List<String> out = new ArrayList<>();
        code.forEach((file, text) -> {
            Matcher m = word.matcher(text);
            if (m.find()) {
                out.add(file + ": " + m.group());
            }
        });
        return out;
    }
}
