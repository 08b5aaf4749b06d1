package quorumsim.metrics;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * A run's measurements: completed operations (throughput over time, latency histograms over
 * the whole measured window and per time bucket), message and byte counts by type, named
 * counters, and marks (view changes, leader changes) for charts. Operations that complete
 * before {@code measureFromNanos} (warm-up) appear in the time series but not in the totals.
 */
public final class Metrics {
    /** Latencies are kept with 3 significant digits, up to an hour. */
    private static final long HIGHEST_LATENCY_NANOS = 3_600_000_000_000L;

    private final long bucketNanos;
    private long measureFromNanos;
    private long measureUntilNanos = Long.MAX_VALUE;
    private final Histogram latency = newHistogram(3);
    private final TreeMap<String, Histogram> latencyByKind = new TreeMap<>();
    private final TreeMap<String, long[]> completedByKind = new TreeMap<>();
    private final List<long[]> completionsPerBucket = new ArrayList<>();
    private final List<Histogram> latencyPerBucket = new ArrayList<>();
    private final IdentityHashMap<Class<?>, MessageCount> messagesByClass = new IdentityHashMap<>();
    /** The class counted last and its count: messages of one type often come in runs. */
    private Class<?> lastClass;
    private MessageCount lastCount;
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private final List<Mark> marks = new ArrayList<>();

    /** A labelled instant (a view change, a new leader) shown on charts. */
    public record Mark(long timeNanos, String label) {
    }

    /** Messages and bytes of one type. */
    public static final class MessageCount {
        final String type;
        long messages;
        long bytes;

        MessageCount(String type) {
            this.type = type;
        }

        public String type() {
            return type;
        }

        public long messages() {
            return messages;
        }

        public long bytes() {
            return bytes;
        }
    }

    public Metrics(long bucketNanos) {
        if (bucketNanos <= 0) {
            throw new IllegalArgumentException("metrics bucket must be positive");
        }
        this.bucketNanos = bucketNanos;
    }

    private static Histogram newHistogram(int digits) {
        Histogram h = new Histogram(1, HIGHEST_LATENCY_NANOS, digits);
        return h;
    }

    public void measureBetween(long fromNanos, long untilNanos) {
        this.measureFromNanos = fromNanos;
        this.measureUntilNanos = untilNanos;
    }

    public long measureFromNanos() {
        return measureFromNanos;
    }

    public long measureUntilNanos() {
        return measureUntilNanos;
    }

    public long bucketNanos() {
        return bucketNanos;
    }

    /** An operation of {@code kind} ("read", "write", ...) issued and completed at these true times. */
    public void completed(String kind, long issuedNanos, long completedNanos) {
        long latencyNanos = Math.max(1, completedNanos - issuedNanos);
        int bucket = (int) (completedNanos / bucketNanos);
        while (completionsPerBucket.size() <= bucket) {
            completionsPerBucket.add(new long[1]);
            latencyPerBucket.add(null);
        }
        completionsPerBucket.get(bucket)[0]++;
        Histogram perBucket = latencyPerBucket.get(bucket);
        if (perBucket == null) {
            perBucket = newHistogram(2);
            latencyPerBucket.set(bucket, perBucket);
        }
        perBucket.recordValue(Math.min(latencyNanos, HIGHEST_LATENCY_NANOS));
        if (completedNanos < measureFromNanos || completedNanos >= measureUntilNanos) {
            return;
        }
        latency.recordValue(Math.min(latencyNanos, HIGHEST_LATENCY_NANOS));
        latencyByKind.computeIfAbsent(kind, k -> newHistogram(3)).recordValue(Math.min(latencyNanos, HIGHEST_LATENCY_NANOS));
        completedByKind.computeIfAbsent(kind, k -> new long[1])[0]++;
    }

    /** Called by the engine for every message sent. */
    public void messageSent(Class<?> type, String typeName, int sizeBytes) {
        MessageCount count = lastCount;
        if (type != lastClass) {
            count = messagesByClass.get(type);
            if (count == null) {
                count = new MessageCount(typeName);
                messagesByClass.put(type, count);
            }
            lastClass = type;
            lastCount = count;
        }
        count.messages++;
        count.bytes += sizeBytes;
    }

    public void increment(String counter) {
        add(counter, 1);
    }

    public void add(String counter, long amount) {
        counters.merge(counter, amount, Long::sum);
    }

    public void mark(long timeNanos, String label) {
        marks.add(new Mark(timeNanos, label));
    }

    // ---- reading ----

    /** Latency over the measured window, all kinds together (nanoseconds). */
    public Histogram latency() {
        return latency;
    }

    public Map<String, Histogram> latencyByKind() {
        return latencyByKind;
    }

    /** Completed operations in the measured window, by kind, sorted by name. */
    public TreeMap<String, Long> completedByKind() {
        TreeMap<String, Long> out = new TreeMap<>();
        completedByKind.forEach((k, v) -> out.put(k, v[0]));
        return out;
    }

    public long completedTotal() {
        long total = 0;
        for (long[] v : completedByKind.values()) {
            total += v[0];
        }
        return total;
    }

    /** Completions per time bucket, from time zero (warm-up included). */
    public long[] completionsPerBucket() {
        long[] out = new long[completionsPerBucket.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = completionsPerBucket.get(i)[0];
        }
        return out;
    }

    /** Latency histogram per time bucket (null where nothing completed). */
    public List<Histogram> latencyPerBucket() {
        return latencyPerBucket;
    }

    /** Message counts by type name, sorted by name. */
    public TreeMap<String, MessageCount> messagesByType() {
        TreeMap<String, MessageCount> out = new TreeMap<>();
        for (MessageCount c : messagesByClass.values()) {
            MessageCount merged = out.computeIfAbsent(c.type, MessageCount::new);
            merged.messages += c.messages;
            merged.bytes += c.bytes;
        }
        return out;
    }

    public long messagesTotal() {
        long total = 0;
        for (MessageCount c : messagesByClass.values()) {
            total += c.messages;
        }
        return total;
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public TreeMap<String, Long> counters() {
        return counters;
    }

    public List<Mark> marks() {
        return marks;
    }
}
