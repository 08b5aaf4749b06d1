package quorumsim.cli;

/** Bad usage the option parser cannot see (a bad --out folder, an unknown reproduction). */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
