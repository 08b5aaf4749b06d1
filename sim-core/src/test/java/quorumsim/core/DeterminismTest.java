package quorumsim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A run is a function of its seed: the busy scenario's digest proves it. */
class DeterminismTest {
    /**
     * The busy scenario's digest for seed 1. It changes only when the engine's behaviour
     * changes; whoever changes it explains why in the commit.
     */
    static final String GOLDEN_SEED_1 = "4ef94cb0774b5189";

    @Test
    void sameSeedSameDigestAndSameCounts() {
        Simulation a = BusyScenario.run(1);
        Simulation b = BusyScenario.run(1);
        assertEquals(a.digestHex(), b.digestHex());
        assertEquals(a.events(), b.events());
        assertEquals(a.metrics().messagesTotal(), b.metrics().messagesTotal());
        assertEquals(a.faultLog().size(), b.faultLog().size());
    }

    @Test
    void differentSeedsGiveDifferentDigests() {
        assertNotEquals(BusyScenario.run(1).digestHex(), BusyScenario.run(2).digestHex());
        assertNotEquals(BusyScenario.run(2).digestHex(), BusyScenario.run(3).digestHex());
    }

    @Test
    void theBusyScenarioStillMatchesItsGoldenDigest() {
        assertEquals(GOLDEN_SEED_1, BusyScenario.run(1).digestHex(),
                "the engine's behaviour changed: if that was meant, explain it and update GOLDEN_SEED_1");
    }

    @Test
    void aFreshJvmComputesTheSameDigest() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BusyScenario.class.getName(), "1")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the fresh JVM did not finish");
        }
        assertEquals(0, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(BusyScenario.run(1).digestHex(), lines.get(lines.size() - 1));
    }
}
