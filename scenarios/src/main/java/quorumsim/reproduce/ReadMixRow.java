package quorumsim.reproduce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One point of the read-mix prediction: a line of {@code read-mix.csv}.
 *
 * @param servers    ensemble size
 * @param readPct    share of reads the clients issue, in percent
 * @param opsPerSec  operations per second the simulation measured
 */
@JsonPropertyOrder({"servers", "read_pct", "ops_per_sec"})
public record ReadMixRow(@JsonProperty("servers") int servers,
                         @JsonProperty("read_pct") int readPct,
                         @JsonProperty("ops_per_sec") long opsPerSec) {
    static ReadMixRow of(CellResult cell) {
        return new ReadMixRow(cell.servers(), cell.readPct(), Math.round(cell.opsPerSec()));
    }
}
