package quorumsim.zab;

import org.junit.jupiter.api.Test;

class ZabProbeTest {
    @Test
    void table() {
        boolean serves = Boolean.parseBoolean(System.getProperty("serves", "false"));
        String ns = System.getProperty("ns", "3,5,7,9,13");
        String ratios = System.getProperty("ratios", "1.0,0.0");
        long warm = 300_000_000L, until = Long.parseLong(System.getProperty("until", "800000000"));
        for (String nn : ns.split(",")) {
            int n = Integer.parseInt(nn);
            for (String rr : ratios.split(",")) {
                double ratio = Double.parseDouble(rr);
                ZabConfig cfg = ZabConfig.defaults().withServers(n).withLeaderServes(serves)
                        .withWorkload(ZabWorkload.saturation(250, ratio, 100));
                long t0 = System.nanoTime();
                ZabRun r = ZabRun.of(1, cfg);
                r.sim().metrics().measureBetween(warm, until);
                r.run(until);
                double wall = (System.nanoTime() - t0) / 1e9;
                double ops = r.sim().metrics().completedTotal() / ((until - warm) / 1e9);
                StringBuilder cpu = new StringBuilder();
                for (int i = 0; i < n; i++) cpu.append(String.format("%.2f ", r.sim().cpuUtilisation(i)));
                System.out.println(java.util.Arrays.toString(r.sim().metrics().completionsPerBucket()) + r.sim().metrics().counters() + " " + r.sim().metrics().completedByKind() + " msgs=" + r.sim().metrics().messagesByType().keySet());
                System.out.printf("n=%d read=%.0f%% ops/s=%.0f wall=%.1fs events/s=%.0f cpu=[%s] lat p50=%.1fms figs=%s%n", n, ratio * 100, ops, wall,
                        r.sim().events() / wall, cpu, r.sim().metrics().latency().getValueAtPercentile(50) / 1e6, r.zab().figures().get("serverMessagesPerWrite"));
            }
        }
    }
}
