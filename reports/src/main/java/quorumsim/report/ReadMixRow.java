package quorumsim.report;

/**
 * One point of throughput against read percentage (the shape of Hunt et al. 2010, Figure 5).
 *
 * @param servers            ensemble size; one line per value
 * @param readPct            share of reads in the workload, 0..100
 * @param simulatedOpsPerSec what the simulator measured
 * @param paperOpsPerSec     a value read from the paper, or NaN
 */
public record ReadMixRow(int servers, int readPct, double simulatedOpsPerSec, double paperOpsPerSec) {
}
