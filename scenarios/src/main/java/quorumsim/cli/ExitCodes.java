package quorumsim.cli;

/** The exit codes of DESIGN.md section 5. */
final class ExitCodes {
    static final int DONE = 0;
    static final int EXPECTATION_UNMET = 1;
    static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
