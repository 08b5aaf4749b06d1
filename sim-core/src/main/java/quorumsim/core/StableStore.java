package quorumsim.core;

import java.util.TreeMap;

/**
 * A node's stable storage: survives crashes, unlike the actor object. Protocols write to it
 * when a {@link Context#persist} completes (the disk model charges the time), and read it
 * back when the factory recreates the actor after a recovery.
 */
public final class StableStore {
    private final TreeMap<String, Object> values = new TreeMap<>();

    public void put(String key, Object value) {
        values.put(key, value);
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key) {
        return (T) values.get(key);
    }

    @SuppressWarnings("unchecked")
    public <T> T getOrDefault(String key, T fallback) {
        return (T) values.getOrDefault(key, fallback);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
