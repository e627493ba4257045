package io.streamz.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import reactor.util.annotation.Nullable;

/**
 * Keyed attributes, in memory or in a store that survives a restart (storey {@code Table}): the
 * state of {@link Flows#mapWithState}, the lookups of {@link Flows#joinWithTable} and what
 * {@link Flows#noSqlTarget} writes. Keys are stored as strings: a {@code List} key (several keys)
 * as its parts joined with {@code "."}, as storey does.
 *
 * <pre>{@code
 * Table users = Table.inMemory();
 * users.put("ann", Map.of("country", "NZ"));
 * users.update("ann", Map.of("plan", "pro"));
 * users.get("ann");   // {country=NZ, plan=pro}
 * }</pre>
 */
public final class Table implements AutoCloseable {
    private final Object[] updateLocks = newLocks(64);

    private final TableStorage storage;

    private Table(TableStorage storage) {
        this.storage = storage;
    }

    /**
     * A table in this JVM's memory; nothing survives the process.
     *
     * @return a new empty table
     */
    public static Table inMemory() {
        return new Table(new MemoryStorage());
    }

    /**
     * A table over {@code storage}, e.g. {@code RocksDbStorage.open(dir)}.
     *
     * @param storage where the entries live
     * @return the table
     * @throws NullPointerException if {@code storage} is {@code null}
     */
    public static Table of(TableStorage storage) {
        if (storage == null) {
            throw new NullPointerException("Table: storage is null");
        }
        return new Table(storage);
    }

    /**
     * The attributes of {@code key}.
     *
     * @param key the key; a {@code List} for several keys
     * @return an unmodifiable map, or {@code null} when the key has none
     * @throws NullPointerException if {@code key} is {@code null}
     */
    @Nullable
    public Map<String, Object> get(Object key) {
        Map<String, Object> v = storage.get(keyOf(key));
        return v == null ? null : Collections.unmodifiableMap(v);
    }

    /**
     * Replaces the attributes of {@code key}.
     *
     * @param key the key
     * @param attributes the new attributes
     * @throws NullPointerException if an argument is {@code null}
     */
    public void put(Object key, Map<String, ?> attributes) {
        storage.put(keyOf(key), copy(attributes));
    }

    /**
     * Adds or replaces some attributes of {@code key}, keeping the others. Updates of one key are
     * atomic with each other (a lock per key, so updates of different keys run in parallel).
     *
     * @param key the key
     * @param attributes the attributes to set
     * @throws NullPointerException if an argument is {@code null}
     */
    public void update(Object key, Map<String, ?> attributes) {
        String k = keyOf(key);
        Map<String, Object> changes = copy(attributes);
        synchronized (updateLocks[(k.hashCode() & 0x7fffffff) % updateLocks.length]) {   // atomic per key
            Map<String, Object> v = storage.get(k);
            Map<String, Object> merged = v == null ? new LinkedHashMap<>() : new LinkedHashMap<>(v);
            merged.putAll(changes);
            storage.put(k, merged);
        }
    }

    /**
     * Removes {@code key} and its attributes.
     *
     * @param key the key
     * @throws NullPointerException if {@code key} is {@code null}
     */
    public void delete(Object key) {
        storage.delete(keyOf(key));
    }

    /**
     * The keys, as stored (strings).
     *
     * @return a snapshot of the keys
     */
    public List<String> keys() {
        return storage.keys();
    }

    /**
     * Makes what was written durable, where the storage buffers writes.
     */
    public void flush() {
        storage.flush();
    }

    /**
     * The storage behind this table.
     *
     * @return the storage given to {@link #of}, or the in-memory one
     */
    public TableStorage storage() {
        return storage;
    }

    /** Closes the storage. */
    @Override
    public void close() {
        storage.close();
    }

    private static Object[] newLocks(int n) {
        Object[] locks = new Object[n];
        for (int i = 0; i < n; i++) {
            locks[i] = new Object();
        }
        return locks;
    }

    /** The stored form of a key: storey's {@code stringify_key}. */
    static String keyOf(Object key) {
        if (key == null) {
            throw new NullPointerException("Table: key is null");
        }
        if (key instanceof List<?> parts) {
            return parts.stream().map(String::valueOf).collect(Collectors.joining("."));
        }
        return String.valueOf(key);
    }

    private static Map<String, Object> copy(Map<String, ?> attributes) {
        if (attributes == null) {
            throw new NullPointerException("Table: attributes is null");
        }
        return new LinkedHashMap<>(attributes);
    }

    @Override
    public String toString() {
        return "Table(" + storage.getClass().getSimpleName() + ")";
    }

    /** The in-memory storage. */
    private static final class MemoryStorage implements TableStorage {
        private final Map<String, Map<String, Object>> entries = new ConcurrentHashMap<>();

        @Override
        public Map<String, Object> get(String key) {
            Map<String, Object> v = entries.get(key);
            return v == null ? null : new LinkedHashMap<>(v);
        }

        @Override
        public void put(String key, Map<String, Object> value) {
            entries.put(key, new LinkedHashMap<>(value));
        }

        @Override
        public void delete(String key) {
            entries.remove(key);
        }

        @Override
        public List<String> keys() {
            return List.copyOf(entries.keySet());
        }

        @Override
        public void close() {
            entries.clear();
        }
    }
}
