package quorumsim.report;

/**
 * One cell of the ZooKeeper throughput table (Hunt et al., USENIX ATC 2010, Table 1).
 *
 * @param servers            ensemble size
 * @param readPct            share of reads in the workload, 0..100 (the table has 100 and 0)
 * @param simulatedOpsPerSec what the simulator measured
 * @param paperOpsPerSec     the paper's value, or NaN where the paper has none
 */
public record ZkTableRow(int servers, int readPct, double simulatedOpsPerSec, double paperOpsPerSec) {
    /** (simulated - paper) / paper in percent; NaN without a paper value. */
    public double deviationPct() {
        return Double.isNaN(paperOpsPerSec) || paperOpsPerSec == 0 ? Double.NaN
                : 100 * (simulatedOpsPerSec - paperOpsPerSec) / paperOpsPerSec;
    }
}
