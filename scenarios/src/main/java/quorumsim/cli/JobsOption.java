package quorumsim.cli;

import picocli.CommandLine.Option;

/** {@code --jobs}, shared by the commands that run many simulations at once (a Picocli mixin). */
final class JobsOption {
    static final int MAX_JOBS = 256;

    @Option(names = "--jobs", paramLabel = "N", description = "Worker threads (default: the number of cores); each simulation is"
            + " single-threaded, so results do not depend on it.")
    Integer jobs;

    /** The worker threads asked for, or the machine's cores; bad usage outside 1 to {@value #MAX_JOBS}. */
    int workers() {
        int workers = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (workers < 1 || workers > MAX_JOBS) {
            throw new UsageException("--jobs must be from 1 to " + MAX_JOBS + ", got " + workers);
        }
        return workers;
    }
}
