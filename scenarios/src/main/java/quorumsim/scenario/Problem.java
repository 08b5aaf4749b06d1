package quorumsim.scenario;

/**
 * One thing wrong with a scenario: where (file, line, column, field path) and what is allowed.
 * Line and column are 1-based; 0 when the problem has no place in a file (a --set override).
 */
public record Problem(String source, int line, int column, String path, String message) {
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(source);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (path != null && !path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
