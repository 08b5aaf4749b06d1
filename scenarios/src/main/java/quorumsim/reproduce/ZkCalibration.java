package quorumsim.reproduce;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import quorumsim.disk.DiskConfig;
import quorumsim.net.LatencyDistribution;
import quorumsim.net.NetworkConfig;
import quorumsim.scenario.Units;
import quorumsim.zab.ZabConfig;
import quorumsim.zab.ZabCosts;

/**
 * The hardware and software costs of the ZooKeeper paper's testbed, read from a calibration
 * profile (YAML; {@code calibration/zk-2010.yaml} is the one shipped). Durations, bandwidths and
 * sizes carry units as in scenario files. Every key is required and unknown keys are errors, so
 * a profile says everything it assumes.
 */
public record ZkCalibration(Server server, Network network, Disk disk, Cpu cpu, Zab zab) {
    /** The profile of the paper's testbed, shipped in the jar. */
    public static final String PAPER_PROFILE = "calibration/zk-2010.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    /** @param cores CPU cores per server; @param nicBandwidth usable payload rate of each server's NIC, each way */
    public record Server(int cores, String nicBandwidth) {
    }

    /** One-way latency, uniform between the two bounds. */
    public record Network(String oneWayLatencyMin, String oneWayLatencyMax) {
    }

    /** The transaction log's disk; {@code dedicatedLogDevice}: snapshots go to a second disk of the same model. */
    public record Disk(String fsync, String writeBytesPerSecond, int groupCommitMaxWrites, boolean writeCache,
                       boolean dedicatedLogDevice) {
    }

    /** CPU costs on one core: per message and byte each way, per kind of work (see {@link ZabCosts}). */
    public record Cpu(String receivePerMessage, double receivePerByteNanos, String sendPerMessage, double sendPerByteNanos,
                      String read, String request, String prepare, String proposal, String ack, String commit,
                      String apply, String logWrite, String handoff) {
    }

    /** @param leaderServes whether the leader takes client connections */
    public record Zab(boolean leaderServes) {
    }

    /** The shipped profile of the paper's testbed. */
    public static ZkCalibration paper() {
        return fromResource(PAPER_PROFILE);
    }

    public static ZkCalibration fromResource(String name) {
        try (InputStream in = ZkCalibration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("calibration profile " + name + " is not on the class path");
            }
            return YAML.readValue(in, ZkCalibration.class).checked(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calibration profile " + name + ": " + e.getMessage(), e);
        }
    }

    /** Parses a profile's text ({@code source} names it in errors). */
    public static ZkCalibration parse(String yaml, String source) {
        try {
            return YAML.readValue(yaml, ZkCalibration.class).checked(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calibration profile " + source + ": " + e.getMessage(), e);
        }
    }

    /** Converts every value once, so a bad unit fails at load time with the profile's name. */
    private ZkCalibration checked(String source) {
        try {
            costs();
            diskConfig();
            networkConfig();
            nicBitsPerSec();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("calibration profile " + source + ": " + e.getMessage(), e);
        }
        if (server.cores() < 1) {
            throw new IllegalArgumentException("calibration profile " + source + ": server.cores must be at least 1");
        }
        return this;
    }

    public ZabCosts costs() {
        return new ZabCosts(nanos(cpu.receivePerMessage()), cpu.receivePerByteNanos(), nanos(cpu.sendPerMessage()),
                cpu.sendPerByteNanos(), nanos(cpu.read()), nanos(cpu.request()), nanos(cpu.prepare()),
                nanos(cpu.proposal()), nanos(cpu.ack()), nanos(cpu.commit()), nanos(cpu.apply()), nanos(cpu.logWrite()),
                nanos(cpu.handoff()));
    }

    public DiskConfig diskConfig() {
        return new DiskConfig(nanos(disk.fsync()), Units.sizeBytes(disk.writeBytesPerSecond()), disk.groupCommitMaxWrites(),
                disk.writeCache());
    }

    public long nicBitsPerSec() {
        return Units.bandwidthBitsPerSec(server.nicBandwidth());
    }

    /** Reliable FIFO links (TCP) with the profile's latency and NIC bandwidth. */
    public NetworkConfig networkConfig() {
        LatencyDistribution latency = new LatencyDistribution.Uniform(nanos(network.oneWayLatencyMin()), nanos(network.oneWayLatencyMax()));
        return NetworkConfig.ideal(0).toBuilder().latency(latency).bandwidthBitsPerSec(nicBitsPerSec()).build();
    }

    /** {@code base} with this profile's cores, costs, disks and leaderServes. */
    public ZabConfig applyTo(ZabConfig base) {
        return base.toBuilder().cores(server.cores()).costs(costs()).disk(diskConfig()).leaderServes(zab.leaderServes())
                .dedicatedLogDevice(disk.dedicatedLogDevice()).build();
    }

    private static long nanos(String duration) {
        return Units.durationNanos(duration);
    }
}
