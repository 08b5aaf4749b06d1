package quorumsim.scenario;

import java.util.regex.Pattern;

/**
 * A scenario's name is its output folder's name ({@code out/<name>/}), so it is one plain path
 * element: never a separator, never {@code ..}, never hidden.
 */
public final class ScenarioNames {
    public static final String RULE = "a name is 1 to 100 letters, digits, '.', '_' and '-', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private ScenarioNames() {
    }

    /** The name in quotes for a message, cut short (with its length) when it is long. */
    public static String quote(String name) {
        return name.length() <= 60 ? "'" + name + "'" : "'" + name.substring(0, 40) + "...' (" + name.length() + " characters)";
    }

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** A file's name as a scenario name: every other character becomes '-' ("my run.yaml" is "my-run"). */
    public static String sanitize(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceFirst("^[._-]+", "");
        if (plain.length() > 100) {
            plain = plain.substring(0, 100);
        }
        return plain.isEmpty() ? "scenario" : plain;
    }
}
