package quorumsim.reproduce;

import java.util.List;

/**
 * The ZooKeeper paper's throughput experiment (Hunt, Konar, Junqueira, Reed, USENIX ATC 2010,
 * section 5.1 and Table 1, as quoted in docs/REFERENCES.md): its set-up and its published
 * figures.
 */
public final class ZkPaper {
    /** Simulated clients (the paper ran 250 of them on 35 machines). */
    public static final int CLIENTS = 250;
    /** Requests each client keeps in flight ("at least 100"). */
    public static final int OUTSTANDING = 100;
    /** Requests in process over all servers ("throttled to 2,000"). */
    public static final int THROTTLE = 2_000;
    /** Every request reads or writes 1 KB. */
    public static final int REQUEST_BYTES = 1024;
    /** The ensemble sizes of Table 1. */
    public static final List<Integer> SERVERS = List.of(3, 5, 7, 9, 13);

    /** One published cell: operations per second of a saturated system. */
    public record Cell(int servers, int readPct, double opsPerSec) {
    }

    /** Table 1, in the paper's order of columns (100% reads, then 0% reads), by ensemble size. */
    public static final List<Cell> TABLE_1 = List.of(
            new Cell(3, 100, 87_000), new Cell(5, 100, 165_000), new Cell(7, 100, 257_000),
            new Cell(9, 100, 296_000), new Cell(13, 100, 460_000),
            new Cell(3, 0, 21_000), new Cell(5, 0, 18_000), new Cell(7, 0, 14_000),
            new Cell(9, 0, 12_000), new Cell(13, 0, 8_000));

    private ZkPaper() {
    }
}
