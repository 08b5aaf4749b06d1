package quorumsim.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import quorumsim.result.RunSummary;
import quorumsim.run.RunOptions;
import quorumsim.run.ScenarioRunner;
import quorumsim.scenario.ScenarioLoader;
import quorumsim.scenario.ScenarioSpec;

/**
 * PBFT's latency micro-benchmark (Castro and Liskov, OSDI'99 section 7.2, TOCS'02 section
 * 8.3.1) simulated on the {@code osdi99} profile: one client, one null operation at a time,
 * arguments and results of 0 or 4 KB, read-write and read-only operations on f = 1 and f = 2,
 * and the unreplicated server. Every cell is an ordinary run of {@link #SETUP} with a few
 * values set over it, so {@code quorumsim run} with the same {@code --set}s gives the same run.
 *
 * @param seed        the seed every cell ran with
 * @param cells       every cell, in the table's order (case, then f, then operation)
 * @param wallSeconds wall time of the whole table
 */
public record PbftLatency(long seed, List<Cell> cells, double wallSeconds) {
    /** The experiment's scenario file on the classpath: the testbed, with where each value comes from. */
    public static final String SETUP = "reproduce/pbft-latency.yaml";
    /** The paper's argument/result sizes in KB. */
    public static final List<int[]> CASES = List.of(new int[] {0, 0}, new int[] {4, 0}, new int[] {0, 4});
    public static final List<Integer> FS = List.of(1, 2);
    public static final String READ_WRITE = "read-write";
    public static final String READ_ONLY = "read-only";
    public static final String UNREPLICATED = "unreplicated";
    public static final List<String> OPERATIONS = List.of(READ_WRITE, READ_ONLY, UNREPLICATED);

    /**
     * One cell.
     *
     * @param caseName   argument/result in KB, "0/0", "4/0" or "0/4"
     * @param f          faults tolerated (the unreplicated server's row repeats under each f)
     * @param operation  read-write, read-only or unreplicated
     * @param latencyMs  mean latency of the operations completed after the warm-up
     * @param operations operations completed after the warm-up
     * @param safety     the checkers' verdict
     * @param traceDigest the run's digest
     */
    public record Cell(String caseName, int f, String operation, double latencyMs, long operations, boolean safetyHolds,
                       String safety, String traceDigest, long events) {
    }

    /** The {@code --set} values of a cell over {@link #SETUP}. */
    public static List<String> overrides(int[] sizesKb, int f, String operation) {
        List<String> sets = new ArrayList<>(List.of("workload.requestSize=" + sizesKb[0] + "KB", "workload.replySize=" + sizesKb[1] + "KB"));
        switch (operation) {
            case READ_WRITE -> sets.addAll(List.of("cluster.f=" + f, "workload.readRatio=0"));
            case READ_ONLY -> sets.addAll(List.of("cluster.f=" + f, "workload.readRatio=1"));
            case UNREPLICATED -> sets.addAll(List.of("protocol=unreplicated", "pbft=null", "workload.readRatio=0"));
            default -> throw new IllegalArgumentException("no operation '" + operation + "'; known: " + OPERATIONS);
        }
        return sets;
    }

    /** The experiment's scenario file with a cell's values set over it. */
    public static ScenarioSpec spec(int[] sizesKb, int f, String operation, long seed) {
        ScenarioLoader.Source source = new ScenarioLoader.Source(SETUP, setupText(), true, "pbft-latency");
        return ScenarioLoader.bind(source, overrides(sizesKb, f, operation)).withSeed(seed);
    }

    public static String setupText() {
        try (InputStream in = PbftLatency.class.getClassLoader().getResourceAsStream(SETUP)) {
            if (in == null) {
                throw new IllegalStateException(SETUP + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Planned(int[] sizesKb, int f, String operation) {
        String caseName() {
            return sizesKb[0] + "/" + sizesKb[1];
        }
    }

    /** Runs the table on up to {@code jobs} threads; the unreplicated server runs once per case. */
    public static PbftLatency run(long seed, int jobs, Consumer<Cell> onCellDone) {
        long start = System.nanoTime();
        List<Planned> planned = new ArrayList<>();
        for (int[] sizes : CASES) {
            for (int f : FS) {
                planned.add(new Planned(sizes, f, READ_WRITE));
                planned.add(new Planned(sizes, f, READ_ONLY));
            }
            planned.add(new Planned(sizes, 0, UNREPLICATED));
        }
        List<Cell> ran = CellBatch.map(planned, jobs, p -> {
            RunSummary s = ScenarioRunner.run(spec(p.sizesKb(), Math.max(1, p.f()), p.operation(), seed), RunOptions.plain()).summary();
            return new Cell(p.caseName(), p.f(), p.operation(), s.latencyMs().mean(), s.requests().completed(), s.safety().holds(),
                    s.safety().detail(), s.traceDigest(), s.events());
        }, cell -> onCellDone.accept(cell));
        List<Cell> cells = new ArrayList<>();
        for (int[] sizes : CASES) {
            String caseName = sizes[0] + "/" + sizes[1];
            Cell unreplicated = ran.stream().filter(c -> c.caseName().equals(caseName) && c.operation().equals(UNREPLICATED))
                    .findFirst().orElseThrow();
            for (int f : FS) {
                for (Cell c : ran) {
                    if (c.caseName().equals(caseName) && c.f() == f) {
                        cells.add(c);
                    }
                }
                cells.add(new Cell(caseName, f, UNREPLICATED, unreplicated.latencyMs(), unreplicated.operations(),
                        unreplicated.safetyHolds(), unreplicated.safety(), unreplicated.traceDigest(), unreplicated.events()));
            }
        }
        return new PbftLatency(seed, List.copyOf(cells), (System.nanoTime() - start) / 1e9);
    }

    /** The cell's mean latency in ms. */
    public double latencyMs(String caseName, int f, String operation) {
        return cells.stream().filter(c -> c.caseName().equals(caseName) && c.f() == f && c.operation().equals(operation))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no cell " + caseName + " f=" + f + " " + operation))
                .latencyMs();
    }

    /** Latency with f = 2 over latency with f = 1. */
    public double ratioF2OverF1(String caseName, String operation) {
        return latencyMs(caseName, 2, operation) / latencyMs(caseName, 1, operation);
    }

    public boolean allSafe() {
        return cells.stream().allMatch(Cell::safetyHolds);
    }

    /** Events over the distinct runs (the unreplicated rows repeat one run per case). */
    public long events() {
        return cells.stream().filter(c -> !c.operation().equals(UNREPLICATED) || c.f() == FS.get(0)).mapToLong(Cell::events).sum();
    }
}
