package quorumsim.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One cell of Table 1, simulated beside the paper's figure: a line of {@code table.csv}.
 *
 * @param servers              ensemble size
 * @param readPct              100 (the reads column) or 0 (the writes column)
 * @param simulatedOpsPerSec   operations per second the simulation measured
 * @param paperOpsPerSec       the paper's figure
 * @param deviationPct         (simulated - paper) / paper, in percent
 */
@JsonPropertyOrder({"servers", "read_pct", "simulated_ops_per_sec", "paper_ops_per_sec", "deviation_pct"})
public record TableRow(@JsonProperty("servers") int servers,
                       @JsonProperty("read_pct") int readPct,
                       @JsonProperty("simulated_ops_per_sec") long simulatedOpsPerSec,
                       @JsonProperty("paper_ops_per_sec") long paperOpsPerSec,
                       @JsonProperty("deviation_pct") double deviationPct) {
    static TableRow of(CellResult cell, double paperOpsPerSec) {
        long simulated = Math.round(cell.opsPerSec());
        double deviation = Math.round(1000 * (simulated - paperOpsPerSec) / paperOpsPerSec) / 10.0;
        return new TableRow(cell.servers(), cell.readPct(), simulated, Math.round(paperOpsPerSec), deviation);
    }
}
