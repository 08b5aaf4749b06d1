package quorumsim.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The built-in scenarios: YAML files shipped in the jar under {@code /scenarios/}, listed in
 * {@code /scenarios/index.txt} in the order {@code quorumsim list} shows them.
 */
public final class Catalogue {
    private Catalogue() {
    }

    public static List<String> names() {
        String index = resource("index.txt");
        List<String> names = new ArrayList<>();
        for (String line : index.split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                names.add(name);
            }
        }
        return names;
    }

    public static boolean contains(String name) {
        return names().contains(name);
    }

    /** The YAML text of a built-in scenario. */
    public static String text(String name) {
        return resource(name + ".yaml");
    }

    private static String resource(String file) {
        try (InputStream in = Catalogue.class.getResourceAsStream("/scenarios/" + file)) {
            if (in == null) {
                throw new IllegalStateException("built-in scenario resource /scenarios/" + file + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
