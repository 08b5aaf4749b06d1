package quorumsim.report;

import java.util.List;
import java.util.Map;

/**
 * The configuration a run was in, as report.html shows it: the protocol's sizes and timeouts
 * (name -> value, in reading order) and every assumption the configuration breaks.
 */
public record ConfigurationTable(Map<String, String> values, List<String> brokenAssumptions) {
    public static ConfigurationTable none() {
        return new ConfigurationTable(Map.of(), List.of());
    }
}
